DROP INDEX IF EXISTS products_price ON products;
ALTER TABLE products DROP COLUMN IF EXISTS price;
