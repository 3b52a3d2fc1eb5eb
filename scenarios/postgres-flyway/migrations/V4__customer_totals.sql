ALTER TABLE customer ADD COLUMN display_name text;
CREATE VIEW customer_totals AS
SELECT c.id, c.email, coalesce(sum(o.total), 0) AS total
FROM customer c
LEFT JOIN orders o ON o.customer_id = c.id
GROUP BY c.id, c.email;
