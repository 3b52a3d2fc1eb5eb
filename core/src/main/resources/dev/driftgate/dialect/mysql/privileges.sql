-- The privileges of the connected account that decide what a snapshot can see (grantee is
-- 'user'@'host', the form information_schema writes): global ones, per schema (table_schema may be
-- a LIKE pattern such as shop\_%), and SELECT on mysql.proc, where MariaDB keeps routine bodies.
SELECT 'global' AS scope, '' AS schema_pattern, privilege_type
FROM information_schema.USER_PRIVILEGES WHERE grantee = ?
UNION ALL
SELECT 'schema', table_schema, privilege_type
FROM information_schema.SCHEMA_PRIVILEGES WHERE grantee = ?
UNION ALL
SELECT 'proc', '', privilege_type
FROM information_schema.TABLE_PRIVILEGES
WHERE grantee = ? AND table_schema = 'mysql' AND table_name = 'proc'
