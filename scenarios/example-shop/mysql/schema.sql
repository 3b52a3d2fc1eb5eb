-- example-shop: the bundled example schema (MySQL/MariaDB). `./driftgate demo` loads it into an
-- embedded MariaDB and snapshots it.
CREATE TABLE customer (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email varchar(190) NOT NULL UNIQUE,
    full_name varchar(200) NOT NULL,
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='people who buy';

CREATE TABLE product (
    id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sku varchar(32) NOT NULL UNIQUE,
    title varchar(200) NOT NULL,
    price decimal(10,2) NOT NULL CHECK (price >= 0),
    active tinyint(1) NOT NULL DEFAULT 1
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE purchase_order (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    customer_id bigint NOT NULL,
    status enum('new','paid','shipped','cancelled') NOT NULL DEFAULT 'new',
    placed_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
    total decimal(12,2) NOT NULL DEFAULT 0,
    KEY purchase_order_customer_idx (customer_id, placed_at),
    CONSTRAINT purchase_order_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE order_item (
    order_id bigint NOT NULL,
    product_id int NOT NULL,
    quantity int NOT NULL CHECK (quantity > 0),
    unit_price decimal(10,2) NOT NULL,
    PRIMARY KEY (order_id, product_id),
    CONSTRAINT order_item_order_fk FOREIGN KEY (order_id) REFERENCES purchase_order (id) ON DELETE CASCADE,
    CONSTRAINT order_item_product_fk FOREIGN KEY (product_id) REFERENCES product (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE VIEW customer_revenue AS
    SELECT c.id, c.email, coalesce(sum(o.total), 0) AS revenue
    FROM customer c LEFT JOIN purchase_order o ON o.customer_id = c.id AND o.status <> 'cancelled'
    GROUP BY c.id, c.email;

DELIMITER //
CREATE TRIGGER order_item_total AFTER INSERT ON order_item FOR EACH ROW
BEGIN
    UPDATE purchase_order
       SET total = (SELECT coalesce(sum(quantity * unit_price), 0) FROM order_item WHERE order_id = NEW.order_id)
     WHERE id = NEW.order_id;
END//
DELIMITER ;
