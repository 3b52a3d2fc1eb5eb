-- MySQL 8 does not expose the view algorithm in information_schema.
SELECT TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION, DEFINER, SECURITY_TYPE, NULL AS ALGORITHM
FROM information_schema.VIEWS
WHERE TABLE_SCHEMA IN ({schemas})
