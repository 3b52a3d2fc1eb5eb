-- Accounts without an e-mail get a placeholder first: production holds such rows, and the
-- constraint below would refuse them (the online-safety check proves it on generated rows).
UPDATE account SET email = 'unknown+' || id || '@example.invalid' WHERE email IS NULL;
-- PostgreSQL 18: a NOT NULL constraint with a name of its own.
ALTER TABLE account ADD CONSTRAINT account_email_not_null NOT NULL email;
