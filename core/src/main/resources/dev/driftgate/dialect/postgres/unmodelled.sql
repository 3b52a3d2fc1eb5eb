-- Objects the snapshot model does not describe, by kind and name, so that a diff can report them
-- as "not compared". Extension members are left out: the extension itself is modelled. Collations
-- and text search dictionaries and configurations are modelled (text_objects.sql).
-- The parameter (the schemas in scope) is used once, by the CTE. Every object a user creates has an
-- OID of at least 16384 (FirstNormalObjectId), so each branch says so: the catalogs' OID indexes
-- then skip the thousands of built-in rows instead of scanning them for every snapshot.
WITH scope AS (
    SELECT n.oid, n.nspname FROM pg_namespace n WHERE n.nspname = ANY (?)
),
ext AS (
    SELECT d.classid, d.objid FROM pg_depend d WHERE d.deptype = 'e' AND d.objid >= 16384
)
SELECT 'rule' AS kind, quote_ident(s.nspname) || '.' || quote_ident(c.relname) || '.' || quote_ident(r.rulename) AS name
FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN scope s ON s.oid = c.relnamespace
WHERE r.rulename <> '_RETURN' AND r.oid >= 16384
UNION ALL
SELECT 'foreign table', quote_ident(s.nspname) || '.' || quote_ident(c.relname)
FROM pg_class c JOIN scope s ON s.oid = c.relnamespace
WHERE c.relkind = 'f' AND c.oid >= 16384
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_class'::regclass AND ext.objid = c.oid)
UNION ALL
SELECT 'trigger on view', quote_ident(s.nspname) || '.' || quote_ident(c.relname) || '.' || quote_ident(t.tgname)
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN scope s ON s.oid = c.relnamespace
WHERE NOT t.tgisinternal AND c.relkind NOT IN ('r', 'p') AND t.oid >= 16384
UNION ALL
SELECT 'ordered-set aggregate', quote_ident(s.nspname) || '.' || quote_ident(p.proname)
       || '(' || pg_get_function_identity_arguments(p.oid) || ')'
FROM pg_proc p JOIN scope s ON s.oid = p.pronamespace
WHERE p.prokind = 'a' AND p.oid >= 16384
  AND EXISTS (SELECT 1 FROM pg_aggregate a WHERE a.aggfnoid = p.oid AND a.aggkind <> 'n')
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_proc'::regclass AND ext.objid = p.oid)
UNION ALL
SELECT CASE t.typtype WHEN 'r' THEN 'range type' ELSE 'base type' END,
       quote_ident(s.nspname) || '.' || quote_ident(t.typname)
FROM pg_type t JOIN scope s ON s.oid = t.typnamespace
WHERE t.typtype IN ('r', 'b') AND t.typcategory <> 'A' AND t.oid >= 16384
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_type'::regclass AND ext.objid = t.oid)
UNION ALL
SELECT 'operator', quote_ident(s.nspname) || '.' || o.oprname
       || '(' || format_type(o.oprleft, NULL) || ', ' || format_type(o.oprright, NULL) || ')'
FROM pg_operator o JOIN scope s ON s.oid = o.oprnamespace
WHERE o.oid >= 16384 AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_operator'::regclass AND ext.objid = o.oid)
UNION ALL
SELECT 'operator class', quote_ident(s.nspname) || '.' || quote_ident(oc.opcname)
FROM pg_opclass oc JOIN scope s ON s.oid = oc.opcnamespace
WHERE oc.oid >= 16384 AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_opclass'::regclass AND ext.objid = oc.oid)
UNION ALL
SELECT 'operator family', quote_ident(s.nspname) || '.' || quote_ident(f.opfname)
FROM pg_opfamily f JOIN scope s ON s.oid = f.opfnamespace
WHERE f.oid >= 16384 AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_opfamily'::regclass AND ext.objid = f.oid)
UNION ALL
SELECT 'conversion', quote_ident(s.nspname) || '.' || quote_ident(cv.conname)
FROM pg_conversion cv JOIN scope s ON s.oid = cv.connamespace
WHERE cv.oid >= 16384 AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_conversion'::regclass AND ext.objid = cv.oid)
UNION ALL
SELECT 'statistics object', quote_ident(s.nspname) || '.' || quote_ident(st.stxname)
FROM pg_statistic_ext st JOIN scope s ON s.oid = st.stxnamespace
WHERE st.oid >= 16384
UNION ALL
SELECT 'event trigger', quote_ident(et.evtname)
FROM pg_event_trigger et
WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_event_trigger'::regclass AND ext.objid = et.oid)
UNION ALL
SELECT 'cast', '(' || format_type(ca.castsource, NULL) || ' AS ' || format_type(ca.casttarget, NULL) || ')'
FROM pg_cast ca
WHERE ca.oid >= 16384
  AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_cast'::regclass AND ext.objid = ca.oid)
UNION ALL
SELECT 'foreign data wrapper', quote_ident(w.fdwname)
FROM pg_foreign_data_wrapper w
WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_foreign_data_wrapper'::regclass AND ext.objid = w.oid)
UNION ALL
SELECT 'foreign server', quote_ident(fs.srvname)
FROM pg_foreign_server fs
WHERE NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_foreign_server'::regclass AND ext.objid = fs.oid)
UNION ALL
SELECT 'publication', quote_ident(pb.pubname)
FROM pg_publication pb
UNION ALL
SELECT 'default privileges', coalesce(quote_ident(n.nspname) || '.', '') || pg_get_userbyid(da.defaclrole)
       || ' on ' || CASE da.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences'
                     WHEN 'f' THEN 'functions' WHEN 'T' THEN 'types' WHEN 'n' THEN 'schemas' ELSE da.defaclobjtype::text END
FROM pg_default_acl da LEFT JOIN pg_namespace n ON n.oid = da.defaclnamespace
UNION ALL
SELECT 'column grant', quote_ident(s.nspname) || '.' || quote_ident(c.relname) || '.' || quote_ident(a.attname)
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN scope s ON s.oid = c.relnamespace
WHERE a.attrelid >= 16384 AND c.oid >= 16384 AND a.attacl IS NOT NULL AND a.attnum > 0 AND NOT a.attisdropped
