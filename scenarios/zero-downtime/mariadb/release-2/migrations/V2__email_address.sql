-- Expand: the new column, filled from the old one. Release 2 reads and writes the new one.
-- (MariaDB commits DDL as it goes: written to be run again after a failure half way.)
ALTER TABLE customer ADD COLUMN IF NOT EXISTS email_address varchar(200);
UPDATE customer SET email_address = email;
