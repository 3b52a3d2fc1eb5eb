ALTER TABLE account DROP CONSTRAINT account_email_not_null;
