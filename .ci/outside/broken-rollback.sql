-- The broken rollback every route must catch: it forgets a column.
ALTER TABLE customer DROP COLUMN phone;
