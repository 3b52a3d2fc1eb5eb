CREATE TABLE customer (
    id integer PRIMARY KEY,
    name varchar(100) NOT NULL,
    email varchar(200)
);
