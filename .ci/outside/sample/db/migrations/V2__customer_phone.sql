SET lock_timeout = '5s';
ALTER TABLE customer ADD COLUMN phone text;
ALTER TABLE customer ADD COLUMN phone_verified boolean NOT NULL DEFAULT false;
