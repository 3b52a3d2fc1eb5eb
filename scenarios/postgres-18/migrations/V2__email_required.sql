-- PostgreSQL 18: a NOT NULL constraint with a name of its own.
ALTER TABLE account ADD CONSTRAINT account_email_not_null NOT NULL email;
