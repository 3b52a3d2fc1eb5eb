ALTER TABLE account MODIFY email varchar(100);
