-- MariaDB keeps each routine in mysql.proc as it was created: the parameter list as written (IN,
-- OUT, INOUT, character sets and collations), the return type with its character set, and the
-- body in its original bytes. information_schema.ROUTINES converts the body to utf8mb3, which
-- turns every 4-byte character into '?', and has no parameter character sets.
SELECT db AS ROUTINE_SCHEMA, name AS ROUTINE_NAME, type AS ROUTINE_TYPE, NULL AS DTD_IDENTIFIER,
       CONVERT(body USING utf8mb4) AS ROUTINE_DEFINITION, is_deterministic AS IS_DETERMINISTIC,
       REPLACE(sql_data_access, '_', ' ') AS SQL_DATA_ACCESS, security_type AS SECURITY_TYPE,
       definer AS DEFINER, CONVERT(comment USING utf8mb4) AS ROUTINE_COMMENT, sql_mode AS SQL_MODE,
       CONVERT(param_list USING utf8mb4) AS PARAM_LIST, CONVERT(returns USING utf8mb4) AS RETURNS
FROM mysql.proc
WHERE db IN ({schemas})
