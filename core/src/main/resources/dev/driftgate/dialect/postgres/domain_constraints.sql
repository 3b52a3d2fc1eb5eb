-- Check constraints of domains.
SELECT n.nspname AS schema_name,
       t.typname AS type_name,
       con.conname AS name,
       pg_get_constraintdef(con.oid, true) AS definition,
       con.convalidated
FROM pg_constraint con
JOIN pg_type t ON t.oid = con.contypid
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE con.contype = 'c'
  AND n.nspname = ANY (?)
