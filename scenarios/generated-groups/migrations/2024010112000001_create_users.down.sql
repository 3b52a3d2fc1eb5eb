-- generated: undoes step 2 of this group
DROP INDEX IF EXISTS users_email;
