-- Enum, domain and composite types (composite fields come from columns.sql).
-- Built-in objects have OIDs below 16384 (FirstNormalObjectId): saying so lets the catalog's OID
-- index skip them, which halves the time of a small schema's read.
SELECT n.nspname AS schema_name,
       t.typname AS name,
       t.typtype,
       CASE WHEN t.typtype = 'e' THEN ARRAY(SELECT e.enumlabel FROM pg_enum e
                                            WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) END AS labels,
       CASE WHEN t.typtype = 'd' THEN format_type(t.typbasetype, t.typtypmod) END AS base_type,
       CASE WHEN t.typtype = 'd' THEN pg_get_expr(t.typdefaultbin, 0) END AS default_expr,
       t.typnotnull AS not_null,
       CASE WHEN t.typtype = 'd' AND t.typcollation <> 0
                 AND t.typcollation <> (SELECT bt.typcollation FROM pg_type bt WHERE bt.oid = t.typbasetype)
            THEN (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN quote_ident(co.collname)
                              ELSE quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END
                  FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace
                  WHERE co.oid = t.typcollation) END AS collation, -- qualified as columns.sql: a user's collation may live in any schema
       pg_get_userbyid(t.typowner) AS owner,
       obj_description(t.oid, 'pg_type') AS comment
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = ANY (?) AND t.oid >= 16384
  AND (t.typtype IN ('e', 'd')
       OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c')))
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
