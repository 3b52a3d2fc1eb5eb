INSERT INTO products (sku, name) VALUES ('A-1', 'anvil'), ('B-2', 'bucket'), ('C-3', 'crate');
