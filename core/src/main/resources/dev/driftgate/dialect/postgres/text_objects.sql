-- Collations and text search dictionaries and configurations of the schemas in scope, each with
-- what defines it as key/value pairs (TextObject.attributes). Columns that only some versions have
-- (ICU locale: colliculocale in 15 and 16, colllocale from 17; ICU rules from 16) are read through
-- to_jsonb, which is null where the column does not exist. Names outside pg_catalog are qualified,
-- as pg_dump writes them. Extension members are left out: the extension is modelled.
WITH scope AS (
    SELECT n.oid, n.nspname FROM pg_namespace n WHERE n.nspname = ANY (?)
),
ext AS (
    SELECT d.classid, d.objid FROM pg_depend d WHERE d.deptype = 'e' AND d.objid >= 16384
)
SELECT s.nspname AS schema_name, co.collname AS name, 'collation' AS kind,
       pg_get_userbyid(co.collowner) AS owner, obj_description(co.oid, 'pg_collation') AS comment,
       ARRAY['provider', CASE co.collprovider WHEN 'i' THEN 'icu' WHEN 'c' THEN 'libc' WHEN 'b' THEN 'builtin'
                                             ELSE co.collprovider::text END,
             'locale', CASE WHEN co.collprovider <> 'c'
                            THEN coalesce(to_jsonb(co) ->> 'colllocale', to_jsonb(co) ->> 'colliculocale') END,
             'lc_collate', CASE WHEN co.collprovider = 'c' THEN co.collcollate END,
             'lc_ctype', CASE WHEN co.collprovider = 'c' THEN co.collctype END,
             'deterministic', CASE WHEN NOT co.collisdeterministic THEN 'false' END,
             'rules', to_jsonb(co) ->> 'collicurules'] AS attributes
FROM pg_collation co JOIN scope s ON s.oid = co.collnamespace
WHERE co.oid >= 16384 AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_collation'::regclass AND ext.objid = co.oid)
UNION ALL
SELECT s.nspname, d.dictname, 'dictionary', pg_get_userbyid(d.dictowner), obj_description(d.oid, 'pg_ts_dict'),
       ARRAY['template', CASE WHEN tn.nspname = 'pg_catalog' THEN quote_ident(t.tmplname)
                              ELSE quote_ident(tn.nspname) || '.' || quote_ident(t.tmplname) END,
             'options', d.dictinitoption]
FROM pg_ts_dict d JOIN scope s ON s.oid = d.dictnamespace
JOIN pg_ts_template t ON t.oid = d.dicttemplate JOIN pg_namespace tn ON tn.oid = t.tmplnamespace
WHERE d.oid >= 16384 AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_ts_dict'::regclass AND ext.objid = d.oid)
UNION ALL
SELECT s.nspname, c.cfgname, 'configuration', pg_get_userbyid(c.cfgowner), obj_description(c.oid, 'pg_ts_config'),
       ARRAY['parser', CASE WHEN pn.nspname = 'pg_catalog' THEN quote_ident(p.prsname)
                            ELSE quote_ident(pn.nspname) || '.' || quote_ident(p.prsname) END]
       || coalesce((SELECT array_agg(x ORDER BY m.token, m.i)
                    FROM (SELECT 'mapping:' || tt.alias AS token,
                                 string_agg(CASE WHEN dn.nspname = 'pg_catalog' THEN quote_ident(md.dictname)
                                                 ELSE quote_ident(dn.nspname) || '.' || quote_ident(md.dictname) END,
                                            ', ' ORDER BY cm.mapseqno) AS dicts
                          FROM pg_ts_config_map cm
                          JOIN ts_token_type(c.cfgparser) tt ON tt.tokid = cm.maptokentype
                          JOIN pg_ts_dict md ON md.oid = cm.mapdict JOIN pg_namespace dn ON dn.oid = md.dictnamespace
                          WHERE cm.mapcfg = c.oid
                          GROUP BY tt.alias) g,
                         LATERAL (VALUES (g.token, 1, g.token), (g.token, 2, g.dicts)) AS m(token, i, x)),
                   ARRAY[]::text[])
FROM pg_ts_config c JOIN scope s ON s.oid = c.cfgnamespace
JOIN pg_ts_parser p ON p.oid = c.cfgparser JOIN pg_namespace pn ON pn.oid = p.prsnamespace
WHERE c.oid >= 16384 AND NOT EXISTS (SELECT 1 FROM ext WHERE ext.classid = 'pg_ts_config'::regclass AND ext.objid = c.oid)
