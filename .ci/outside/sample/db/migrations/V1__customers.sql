CREATE TABLE customer (
    id bigint PRIMARY KEY,
    email text NOT NULL
);
INSERT INTO customer (id, email) VALUES (1, 'ada@example.com');
