CREATE TABLE products (
    id int AUTO_INCREMENT PRIMARY KEY,
    sku varchar(32) NOT NULL,
    name varchar(200) NOT NULL,
    UNIQUE KEY products_sku (sku)
) ENGINE=InnoDB;
