DROP VIEW customer_totals;
ALTER TABLE customer DROP COLUMN display_name;
