-- Routines through information_schema (MySQL, and MariaDB when mysql.proc cannot be read): the
-- body as the server converted it to utf8mb3, parameters rebuilt from information_schema.PARAMETERS.
SELECT ROUTINE_SCHEMA, ROUTINE_NAME, ROUTINE_TYPE, DTD_IDENTIFIER, ROUTINE_DEFINITION, IS_DETERMINISTIC,
       SQL_DATA_ACCESS, SECURITY_TYPE, DEFINER, ROUTINE_COMMENT, SQL_MODE, NULL AS PARAM_LIST, NULL AS RETURNS
FROM information_schema.ROUTINES
WHERE ROUTINE_SCHEMA IN ({schemas})
