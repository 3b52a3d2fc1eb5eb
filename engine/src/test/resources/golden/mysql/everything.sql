-- Every object kind the MySQL/MariaDB snapshot models, with awkward identifiers:
-- backticks, dots, spaces, mixed case, unicode and reserved words.
/*!40101 SET NAMES utf8mb4 */;
SET FOREIGN_KEY_CHECKS = 0;

CREATE TABLE customer (
    id bigint unsigned NOT NULL AUTO_INCREMENT,
    email varchar(190) NOT NULL,
    `Display Name` varchar(80) NOT NULL DEFAULT 'anonymous',
    mood enum('sad','ok','happy','it''s complicated') DEFAULT 'ok',
    flags set('a','b','c') NOT NULL DEFAULT '',
    score decimal(10,2) DEFAULT 0.00 CHECK (score >= 0),
    created_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at datetime(3) NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP(3),
    name_upper varchar(80) AS (upper(`Display Name`)) VIRTUAL,
    name_len int AS (char_length(`Display Name`)) STORED,
    `select` int DEFAULT NULL,
    nick varchar(40) CHARACTER SET latin1 COLLATE latin1_bin DEFAULT NULL COMMENT 'case-sensitive',
    active tinyint(1) NOT NULL DEFAULT 1,
    PRIMARY KEY (id),
    UNIQUE KEY email (email),
    KEY `Display Name` (`Display Name`(20)),
    FULLTEXT KEY customer_ft (email, `Display Name`)
) ENGINE=InnoDB AUTO_INCREMENT=4711 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='people who buy';

CREATE TABLE `order` (
    id int NOT NULL AUTO_INCREMENT,
    customer_id bigint unsigned NOT NULL,
    placed_on date NOT NULL,
    total decimal(12,2) NOT NULL DEFAULT 0.00,
    status varchar(10) NOT NULL DEFAULT 'new',
    note text,
    PRIMARY KEY (id),
    KEY order_customer_placed (customer_id, placed_on DESC),
    CONSTRAINT order_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT `Order Status` CHECK (status IN ('new', 'paid', 'shipped')),
    CHECK (total >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE order_line (
    order_id int NOT NULL,
    line_no smallint NOT NULL,
    product varchar(100) NOT NULL,
    qty int NOT NULL DEFAULT 1,
    PRIMARY KEY (order_id, line_no),
    FOREIGN KEY (order_id) REFERENCES `order` (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci ROW_FORMAT=COMPACT;

CREATE TABLE place (
    id int NOT NULL PRIMARY KEY,
    location point NOT NULL,
    SPATIAL KEY location (location)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE measurement (
    id bigint NOT NULL,
    taken_at date NOT NULL,
    value double DEFAULT NULL,
    PRIMARY KEY (id, taken_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
PARTITION BY RANGE (year(taken_at)) (
    PARTITION p2024 VALUES LESS THAN (2025),
    PARTITION pmax VALUES LESS THAN MAXVALUE
);

CREATE TABLE `Table ``Quoted``.Name ü` (
    `ÄÖÜ column` int NOT NULL PRIMARY KEY,
    `user` text,
    `a.b` varchar(20) UNIQUE
) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE VIEW big_orders AS
    SELECT o.id, c.email, o.total FROM `order` o JOIN customer c ON c.id = o.customer_id WHERE o.total > 100;
CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW paid_orders AS
    SELECT * FROM `order` WHERE status = 'paid' WITH CASCADED CHECK OPTION;

DELIMITER $$
CREATE FUNCTION order_total(p_order int) RETURNS decimal(12,2)
    DETERMINISTIC READS SQL DATA COMMENT 'sum of lines'
BEGIN
    DECLARE result decimal(12,2);   
    SELECT coalesce(sum(qty), 0) INTO result FROM order_line WHERE order_id = p_order;
    RETURN result;
END$$

CREATE PROCEDURE archive(IN days int, INOUT moved int)
    MODIFIES SQL DATA SQL SECURITY INVOKER
BEGIN
    SET moved = 0;
END$$

CREATE TRIGGER order_touch BEFORE INSERT ON `order` FOR EACH ROW
BEGIN
    IF NEW.status IS NULL THEN SET NEW.status = 'new'; END IF;
END$$
DELIMITER ;

CREATE TRIGGER order_audit AFTER DELETE ON `order` FOR EACH ROW SET @deleted = OLD.id;

CREATE EVENT purge_sessions ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00'
    ON COMPLETION PRESERVE DISABLE COMMENT 'nightly' DO DELETE FROM order_line WHERE qty = 0;

SET FOREIGN_KEY_CHECKS = 1;
