CREATE TABLE orders (id int PRIMARY KEY, total numeric NOT NULL, status text NOT NULL);
CREATE VIEW open_orders AS SELECT id, total FROM orders WHERE status = 'open';
