ALTER TABLE account MODIFY email varchar(200);
