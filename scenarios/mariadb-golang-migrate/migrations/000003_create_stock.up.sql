CREATE TABLE IF NOT EXISTS stock (
    product_id int NOT NULL PRIMARY KEY,
    qty int NOT NULL DEFAULT 0,
    CONSTRAINT stock_product FOREIGN KEY (product_id) REFERENCES products (id)
) ENGINE=InnoDB;
INSERT IGNORE INTO stock (product_id, qty) SELECT id, 0 FROM products;
