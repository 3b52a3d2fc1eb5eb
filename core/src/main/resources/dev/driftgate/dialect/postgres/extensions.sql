SELECT e.extname AS name, e.extversion AS version, n.nspname AS schema_name
FROM pg_extension e
JOIN pg_namespace n ON n.oid = e.extnamespace
