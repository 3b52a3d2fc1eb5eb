ALTER TABLE customer RENAME COLUMN email_address TO email;
