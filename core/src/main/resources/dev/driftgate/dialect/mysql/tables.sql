-- Tables, views and (MariaDB) sequences; the AUTO_INCREMENT counter is state and is not read.
SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, ENGINE, ROW_FORMAT, TABLE_COLLATION, CREATE_OPTIONS, TABLE_COMMENT
FROM information_schema.TABLES
WHERE TABLE_SCHEMA IN ({schemas})
