ALTER TABLE customer DROP COLUMN email_address;
