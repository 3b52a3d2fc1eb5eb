-- STARTS is left out: it defaults to the moment of creation and differs in every environment.
SELECT EVENT_SCHEMA, EVENT_NAME, EVENT_DEFINITION, EVENT_TYPE, EXECUTE_AT, INTERVAL_VALUE, INTERVAL_FIELD,
       ENDS, STATUS, ON_COMPLETION, DEFINER, EVENT_COMMENT
FROM information_schema.EVENTS
WHERE EVENT_SCHEMA IN ({schemas})
