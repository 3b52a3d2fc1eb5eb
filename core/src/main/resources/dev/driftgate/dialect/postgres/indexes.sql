-- Indexes that do not merely back a primary key, unique or exclusion constraint.
-- to_jsonb(i) reads indnullsnotdistinct where it exists (PostgreSQL 15+) without a version switch.
-- Built-in objects have OIDs below 16384 (FirstNormalObjectId): saying so lets the catalog's OID
-- index skip them, which halves the time of a small schema's read.
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       c.relkind AS table_kind,
       ic.relname AS name,
       i.indisunique AS is_unique,
       i.indisvalid AS is_valid,
       i.indisclustered AS clustered,
       am.amname AS method,
       i.indnkeyatts AS key_count,
       i.indkey::int2[] AS attnums,
       -- pg_get_indexdef per key part is costly: only expression indexes need it.
       CASE WHEN i.indexprs IS NOT NULL THEN
           ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true)
                 FROM generate_series(1, i.indnatts) AS k ORDER BY k) END AS key_defs,
       ARRAY(SELECT coalesce(a.attname, '')
             FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
             LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
             ORDER BY k.ord) AS key_columns,
       i.indoption::int2[] AS key_options,
       ARRAY(SELECT CASE WHEN opc.opcdefault THEN ''
                         WHEN ocn.nspname = 'pg_catalog' THEN quote_ident(opc.opcname)
                         ELSE quote_ident(ocn.nspname) || '.' || quote_ident(opc.opcname) END
             FROM unnest(i.indclass::oid[]) WITH ORDINALITY AS k(opcoid, ord)
             JOIN pg_opclass opc ON opc.oid = k.opcoid
             JOIN pg_namespace ocn ON ocn.oid = opc.opcnamespace
             ORDER BY k.ord) AS opclasses,
       pg_get_expr(i.indpred, i.indrelid) AS predicate,
       coalesce((to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false) AS nulls_not_distinct,
       array_to_string(ic.reloptions, ', ') AS options,
       EXISTS (SELECT 1 FROM pg_inherits ih WHERE ih.inhrelid = i.indexrelid) AS inherited,
       obj_description(ic.oid, 'pg_class') AS comment
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_am am ON am.oid = ic.relam
WHERE c.relkind IN ('r', 'p', 'm') AND i.indrelid >= 16384
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_constraint con
                  WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid
                    AND con.contype IN ('p', 'u', 'x'))
