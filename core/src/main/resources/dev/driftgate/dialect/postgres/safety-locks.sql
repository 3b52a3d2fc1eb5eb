-- The relation locks this session holds, granted: inside the migration's transaction they are
-- the locks production would wait for and make others wait behind.
SELECT l.relation::bigint, l.mode
FROM pg_catalog.pg_locks l
WHERE l.pid = pg_catalog.pg_backend_pid()
  AND l.locktype = 'relation'
  AND l.granted
