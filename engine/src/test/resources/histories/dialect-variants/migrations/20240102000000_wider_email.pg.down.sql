ALTER TABLE account ALTER COLUMN email TYPE varchar(100);
