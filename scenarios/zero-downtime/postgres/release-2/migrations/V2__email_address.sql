-- Expand: the new column, filled from the old one. Release 2 writes both and reads the new one.
ALTER TABLE customer ADD COLUMN email_address text;
UPDATE customer SET email_address = email;
