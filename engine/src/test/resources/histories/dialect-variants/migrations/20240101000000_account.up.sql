CREATE TABLE account (id int PRIMARY KEY, email varchar(100));
