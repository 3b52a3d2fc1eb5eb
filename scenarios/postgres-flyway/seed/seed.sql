INSERT INTO customer (email) VALUES ('ada@example.com'), ('grace@example.com'), ('edsger@example.com');
INSERT INTO orders (customer_id, total) SELECT id, 10.50 * id FROM customer;
INSERT INTO orders (customer_id, total) SELECT id, 99.99 FROM customer WHERE email LIKE 'a%';
