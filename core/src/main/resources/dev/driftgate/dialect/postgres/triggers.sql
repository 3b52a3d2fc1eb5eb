-- User triggers on tables and views; internal (constraint-implementing) triggers are left out.
-- Built-in objects have OIDs below 16384 (FirstNormalObjectId): saying so lets the catalog's OID
-- index skip them, which halves the time of a small schema's read.
SELECT n.nspname AS schema_name,
       c.relname AS table_name,
       c.relkind AS table_kind,
       t.tgname AS name,
       t.tgtype AS type_bits,
       pg_get_triggerdef(t.oid, true) AS definition,
       ARRAY(SELECT a.attname
             FROM unnest(t.tgattr::int2[]) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = t.tgrelid AND a.attnum = k.attnum
             ORDER BY k.ord) AS update_columns,
       t.tgenabled AS enabled,
       t.tgoldtable AS old_table,
       t.tgnewtable AS new_table,
       t.tgconstraint <> 0 AS is_constraint,
       t.tgdeferrable AS deferrable,
       t.tginitdeferred AS initially_deferred,
       t.tgparentid <> 0 AS inherited,
       obj_description(t.oid, 'pg_trigger') AS comment
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT t.tgisinternal AND t.tgrelid >= 16384
  AND n.nspname = ANY (?)
