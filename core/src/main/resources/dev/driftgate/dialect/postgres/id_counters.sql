-- Every sequence of the database and where it stands (last_value is NULL until the first nextval):
-- state that deleting rows does not give back.
SELECT pg_catalog.quote_ident(schemaname) || '.' || pg_catalog.quote_ident(sequencename) AS counter,
       last_value::text AS position
FROM pg_catalog.pg_sequences
WHERE schemaname <> 'information_schema' AND schemaname NOT LIKE 'pg\_%'
