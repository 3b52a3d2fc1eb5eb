-- brings the view back, but forgets its filter
DROP VIEW open_orders;
CREATE VIEW open_orders AS SELECT id, total FROM orders;
