-- Foreign keys of the current database whose referenced table does not exist: what a declared
-- schema loaded with deferred foreign key checks must not leave behind. One row per foreign key,
-- naming its table, the constraint and the missing table.
SELECT DISTINCT k.TABLE_NAME AS table_name, k.CONSTRAINT_NAME AS constraint_name,
       k.REFERENCED_TABLE_NAME AS referenced_table
FROM information_schema.KEY_COLUMN_USAGE k
WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM information_schema.TABLES t
                  WHERE t.TABLE_SCHEMA = k.REFERENCED_TABLE_SCHEMA AND t.TABLE_NAME = k.REFERENCED_TABLE_NAME)
ORDER BY 1, 2
