ALTER TABLE products ADD COLUMN IF NOT EXISTS price decimal(10, 2) NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS products_price ON products (price);
