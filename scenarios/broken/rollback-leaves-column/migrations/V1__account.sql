CREATE TABLE account (id int PRIMARY KEY, email text NOT NULL);
