CREATE OR REPLACE VIEW open_orders AS SELECT id, total, total * 1.2 AS gross FROM orders WHERE status = 'open';
