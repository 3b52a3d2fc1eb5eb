ALTER TABLE customer ADD COLUMN email varchar(200);
