CREATE TYPE mood AS ENUM ('happy');
CREATE TABLE person (id int PRIMARY KEY, mood mood NOT NULL);
