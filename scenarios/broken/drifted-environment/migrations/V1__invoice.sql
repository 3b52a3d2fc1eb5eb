CREATE TABLE invoice (id int PRIMARY KEY, number varchar(20) NOT NULL, amount numeric(12,2) NOT NULL);
