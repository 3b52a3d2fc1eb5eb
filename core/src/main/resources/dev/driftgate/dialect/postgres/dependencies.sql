-- Which user object needs which, from pg_depend, both ends named as driftgate names them
-- (see dev.driftgate.schema.Dependency): a table's row type and an array type are the table or
-- the element type, a column default and a view's query (its _RETURN rule; other rules are not
-- the relation's: a rule redirecting inserts to a child would tie parent and child in a cycle)
-- are their relation, a constraint
-- is named after its table (PostgreSQL 18's not-null constraints are their column's, and left out).
-- Normal and automatic dependencies only: internal ones tie an object
-- to its own parts, extension ones to the extension.
WITH objects AS (
    SELECT 'pg_class'::regclass AS classid, c.oid AS objid, n.nspname AS schema_name,
           CASE WHEN c.relkind IN ('i', 'I') THEN 'index' WHEN c.relkind = 'S' THEN 'sequence'
                WHEN c.relkind = 'c' THEN 'type' ELSE 'relation' END AS kind,
           c.relname::text AS name, i.indrelid AS owner_oid
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_index i ON i.indexrelid = c.oid
    WHERE c.oid >= 16384 AND n.nspname = ANY (?)
    UNION ALL
    SELECT 'pg_proc'::regclass, p.oid, n.nspname, 'routine',
           p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', NULL::oid
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE p.oid >= 16384 AND n.nspname = ANY (?)
    UNION ALL
    SELECT 'pg_type'::regclass, t.oid, n.nspname,
           CASE WHEN r.relkind IS NOT NULL AND r.relkind <> 'c' THEN 'relation' ELSE 'type' END,
           COALESCE(r.relname, e.typname, t.typname)::text, NULL::oid
    FROM pg_type t
    LEFT JOIN pg_type e ON t.typcategory = 'A' AND e.oid = t.typelem
    LEFT JOIN pg_class r ON r.oid = COALESCE(e.typrelid, t.typrelid)
    JOIN pg_namespace n ON n.oid = COALESCE(r.relnamespace, e.typnamespace, t.typnamespace)
    WHERE t.oid >= 16384 AND n.nspname = ANY (?)
    UNION ALL
    SELECT 'pg_attrdef'::regclass, ad.oid, n.nspname, 'relation', c.relname::text, NULL::oid
    FROM pg_attrdef ad JOIN pg_class c ON c.oid = ad.adrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE ad.oid >= 16384 AND n.nspname = ANY (?)
    UNION ALL
    SELECT 'pg_rewrite'::regclass, rw.oid, n.nspname, 'relation', c.relname::text, NULL::oid
    FROM pg_rewrite rw JOIN pg_class c ON c.oid = rw.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE rw.oid >= 16384 AND rw.rulename = '_RETURN' AND n.nspname = ANY (?)
    UNION ALL
    SELECT 'pg_constraint'::regclass, con.oid, n.nspname,
           CASE WHEN con.conrelid <> 0 THEN 'constraint' ELSE 'type' END,
           CASE WHEN con.conrelid <> 0 THEN c.relname || '.' || con.conname ELSE t.typname::text END,
           NULLIF(con.conrelid, 0)
    FROM pg_constraint con
    LEFT JOIN pg_class c ON c.oid = con.conrelid
    LEFT JOIN pg_type t ON t.oid = con.contypid
    JOIN pg_namespace n ON n.oid = COALESCE(c.relnamespace, t.typnamespace)
    WHERE con.oid >= 16384 AND con.contype <> 'n' AND n.nspname = ANY (?)
)
SELECT DISTINCT o.kind || ':' || o.schema_name || '.' || o.name AS dependent,
       r.kind || ':' || r.schema_name || '.' || r.name AS referenced
FROM pg_depend d
JOIN objects o ON o.classid = d.classid AND o.objid = d.objid
JOIN objects r ON r.classid = d.refclassid AND r.objid = d.refobjid
WHERE d.deptype IN ('n', 'a')
  AND (o.kind, o.schema_name, o.name) IS DISTINCT FROM (r.kind, r.schema_name, r.name)
  -- An index or constraint needs its own table: every statement making one says so already.
  AND NOT (d.refclassid = 'pg_class'::regclass AND d.refobjid IS NOT DISTINCT FROM o.owner_oid)
