ALTER TABLE customer DROP COLUMN phone_verified;
ALTER TABLE customer DROP COLUMN phone;
