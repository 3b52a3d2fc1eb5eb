-- The online-safety corpus for MySQL and MariaDB: each case is one migration and the exact set of
-- codes the static rules must report (none = must stay quiet). Tables the case does not create
-- exist already, with rows. DG308 (no lock_wait_timeout) is compared only where a case says so.

-- case: add column at the end (INSTANT)
-- expect: none
ALTER TABLE customer ADD COLUMN nickname varchar(40);

-- case: add column with a default (INSTANT)
-- expect: none
ALTER TABLE customer ADD COLUMN active tinyint(1) NOT NULL DEFAULT 1;

-- case: add column after another (INSTANT on MariaDB 10.4+ and MySQL 8.0.29+)
-- expect: none
ALTER TABLE customer ADD COLUMN middle_name varchar(40) AFTER first_name;

-- case: add NOT NULL column without default (MySQL fills implicit zero values)
-- expect: none
ALTER TABLE customer ADD COLUMN score int NOT NULL;

-- case: add auto_increment column
-- expect: DG320
ALTER TABLE event ADD COLUMN seq bigint NOT NULL AUTO_INCREMENT UNIQUE;

-- case: add stored generated column
-- expect: DG320
ALTER TABLE orders ADD COLUMN total_cents bigint AS (total * 100) STORED;

-- case: add virtual generated column
-- expect: none
ALTER TABLE orders ADD COLUMN total_cents bigint AS (total * 100) VIRTUAL;

-- case: add index (INPLACE, LOCK=NONE)
-- expect: none
ALTER TABLE orders ADD INDEX orders_customer_idx (customer_id);

-- case: create index (INPLACE, LOCK=NONE)
-- expect: none
CREATE INDEX orders_customer_idx ON orders (customer_id);

-- case: unique index on existing data
-- expect: DG401
CREATE UNIQUE INDEX customer_email_key ON customer (email);

-- case: unique key through ALTER
-- expect: DG401
ALTER TABLE customer ADD UNIQUE KEY customer_email_key (email);

-- case: unique constraint through ALTER
-- expect: DG401
ALTER TABLE customer ADD CONSTRAINT customer_email_key UNIQUE (email);

-- case: fulltext index
-- expect: DG320
ALTER TABLE article ADD FULLTEXT INDEX article_body_ft (body);

-- case: fulltext index through CREATE
-- expect: DG320
CREATE FULLTEXT INDEX article_body_ft ON article (body);

-- case: primary key
-- expect: DG320 DG401
ALTER TABLE event ADD PRIMARY KEY (id);

-- case: drop primary key
-- expect: DG320
ALTER TABLE event DROP PRIMARY KEY;

-- case: foreign key with checks on
-- expect: DG320
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id);

-- case: foreign key on a new table
-- expect: none
CREATE TABLE payment (id bigint PRIMARY KEY, order_id bigint);
ALTER TABLE payment ADD CONSTRAINT payment_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);

-- case: drop foreign key
-- expect: none
ALTER TABLE orders DROP FOREIGN KEY orders_customer_fk;

-- case: drop index
-- expect: none
ALTER TABLE orders DROP INDEX orders_customer_idx;

-- case: drop index statement
-- expect: none
DROP INDEX orders_customer_idx ON orders;

-- case: modify column type
-- expect: DG320
ALTER TABLE orders MODIFY COLUMN total decimal(14, 2);

-- case: modify without the COLUMN keyword
-- expect: DG320
ALTER TABLE orders MODIFY total decimal(14, 2);

-- case: modify column to NOT NULL
-- expect: DG320 DG402
ALTER TABLE customer MODIFY email varchar(255) NOT NULL;

-- case: change column (rename and retype)
-- expect: DG201 DG320
ALTER TABLE customer CHANGE COLUMN name full_name varchar(200);

-- case: change column keeping its name
-- expect: DG320
ALTER TABLE customer CHANGE name name varchar(200);

-- case: modify with an explicit INPLACE algorithm
-- expect: none
ALTER TABLE orders MODIFY COLUMN note varchar(400), ALGORITHM=INPLACE, LOCK=NONE;

-- case: modify with an explicit INSTANT algorithm
-- expect: none
ALTER TABLE orders MODIFY COLUMN note varchar(400), ALGORITHM=INSTANT;

-- case: lock none alone
-- expect: none
ALTER TABLE orders MODIFY COLUMN note varchar(400), LOCK=NONE;

-- case: rename column
-- expect: DG201
ALTER TABLE customer RENAME COLUMN name TO full_name;

-- case: rename index
-- expect: none
ALTER TABLE customer RENAME INDEX customer_email_idx TO customer_email_key;

-- case: rename table with ALTER
-- expect: DG202
ALTER TABLE customer RENAME TO client;

-- case: rename table statement
-- expect: DG202
RENAME TABLE customer TO client;

-- case: rename a table created in the same migration
-- expect: none
CREATE TABLE staging_customer (id int);
RENAME TABLE staging_customer TO customer_import;

-- case: drop table
-- expect: DG101
DROP TABLE audit_log;

-- case: drop table if exists
-- expect: DG101
DROP TABLE IF EXISTS audit_log;

-- case: drop a table created in the same migration
-- expect: none
CREATE TABLE scratch (id int);
DROP TABLE scratch;

-- case: drop column
-- expect: DG102
ALTER TABLE customer DROP COLUMN fax;

-- case: drop column without the COLUMN keyword
-- expect: DG102
ALTER TABLE customer DROP fax;

-- case: drop database
-- expect: DG103
DROP DATABASE reporting;

-- case: drop schema
-- expect: DG103
DROP SCHEMA reporting;

-- case: truncate
-- expect: DG104
TRUNCATE TABLE session;

-- case: drop default
-- expect: DG204
ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;

-- case: set default (metadata only)
-- expect: none
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'open';

-- case: enum redefinition
-- expect: DG321
ALTER TABLE orders MODIFY status ENUM('open', 'paid', 'shipped', 'refunded') NOT NULL;

-- case: set redefinition
-- expect: DG321
ALTER TABLE customer MODIFY flags SET('vip', 'blocked', 'test');

-- case: convert character set
-- expect: DG322 DG320
ALTER TABLE customer CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- case: column character set change
-- expect: DG322 DG320
ALTER TABLE customer MODIFY name varchar(200) CHARACTER SET utf8mb4;

-- case: engine change
-- expect: DG320
ALTER TABLE legacy ENGINE=InnoDB;

-- case: optimize table
-- expect: DG320
OPTIMIZE TABLE orders;

-- case: check constraint on existing data
-- expect: DG403 DG320
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0);

-- case: check constraint on a new table
-- expect: none
CREATE TABLE coupon (id int PRIMARY KEY, percent int, CONSTRAINT coupon_percent CHECK (percent BETWEEN 0 AND 100));

-- case: drop check constraint
-- expect: none
ALTER TABLE orders DROP CONSTRAINT orders_total_positive;

-- case: create table
-- expect: none
CREATE TABLE tag (id int AUTO_INCREMENT PRIMARY KEY, name varchar(80) NOT NULL UNIQUE) ENGINE=InnoDB;

-- case: create table with a foreign key
-- expect: none
CREATE TABLE shipment (id bigint PRIMARY KEY, order_id bigint NOT NULL, FOREIGN KEY (order_id) REFERENCES orders (id));

-- case: alter a table created in the same migration
-- expect: none
CREATE TABLE draft (id int, amount int);
ALTER TABLE draft MODIFY amount bigint NOT NULL;

-- case: create view
-- expect: none
CREATE VIEW open_orders AS SELECT id, customer_id FROM orders WHERE status = 'open';

-- case: insert reference data only
-- expect: none
INSERT INTO order_status (code) VALUES ('open'), ('paid');

-- case: update only
-- expect: none
UPDATE customer SET region = 'eu' WHERE region IS NULL;

-- case: schema change then data change
-- expect: DG502
ALTER TABLE customer ADD COLUMN tier varchar(20);
UPDATE customer SET tier = 'standard';

-- case: data change then schema change
-- expect: DG502
DELETE FROM session WHERE expires_at < NOW();
ALTER TABLE session ADD COLUMN device varchar(80);

-- case: create table and fill it
-- expect: DG502
CREATE TABLE country (code char(2) PRIMARY KEY, name varchar(80));
INSERT INTO country VALUES ('de', 'Germany'), ('fr', 'France');

-- case: mixing is reported once
-- expect: DG502
ALTER TABLE customer ADD COLUMN a int;
UPDATE customer SET a = 1;
ALTER TABLE customer ADD COLUMN b int;
UPDATE customer SET b = 2;

-- case: lock_wait_timeout set first
-- expect: none
-- lock-timeout: checked
SET SESSION lock_wait_timeout = 5;
ALTER TABLE customer ADD COLUMN nickname varchar(40);

-- case: no lock_wait_timeout
-- expect: DG308
-- lock-timeout: checked
ALTER TABLE customer ADD COLUMN nickname varchar(40);

-- case: MariaDB WAIT clause
-- expect: none
-- lock-timeout: checked
ALTER TABLE customer WAIT 5 ADD COLUMN nickname varchar(40);

-- case: MariaDB NOWAIT clause
-- expect: none
-- lock-timeout: checked
ALTER TABLE customer NOWAIT ADD COLUMN nickname varchar(40);

-- case: max_statement_time also bounds the wait
-- expect: none
-- lock-timeout: checked
SET @@session.lock_wait_timeout = 3;
CREATE INDEX orders_customer_idx ON orders (customer_id);

-- case: only new tables need no lock_wait_timeout
-- expect: none
-- lock-timeout: checked
CREATE TABLE tag (id int PRIMARY KEY);
CREATE INDEX tag_id_idx ON tag (id);

-- case: one lock timeout hazard per migration
-- expect: DG308
-- lock-timeout: checked
ALTER TABLE customer ADD COLUMN a int;
ALTER TABLE customer ADD COLUMN b int;

-- case: suppressed with a reason
-- expect: DG320 suppressed
-- driftgate:ignore DG320 lookup table of 30 rows
ALTER TABLE country MODIFY name varchar(120);

-- case: suppression without a reason
-- expect: DG002 DG320
-- driftgate:ignore DG320
ALTER TABLE country MODIFY name varchar(120);

-- case: statement neither the parser nor the fallback reads
-- expect: DG001
CREATE SERVER archive FOREIGN DATA WRAPPER mysql OPTIONS (HOST 'archive.example');

-- case: comment change (metadata)
-- expect: none
ALTER TABLE orders COMMENT = 'customer orders';

-- case: add several columns at once
-- expect: none
ALTER TABLE customer ADD COLUMN a int, ADD COLUMN b varchar(10);

-- case: add and drop in one statement
-- expect: DG102
ALTER TABLE customer ADD COLUMN a int, DROP COLUMN fax;

-- case: create procedure-free trigger
-- expect: none
CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW SET NEW.updated_at = NOW();

-- case: grant
-- expect: none
GRANT SELECT ON shop.orders TO 'reporting'@'%';

-- case: add column with unique and default
-- expect: DG401
ALTER TABLE customer ADD COLUMN code varchar(10) NOT NULL DEFAULT 'x' UNIQUE;

-- case: transaction wrapper does not make DDL transactional
-- expect: DG502
START TRANSACTION;
ALTER TABLE customer ADD COLUMN tier varchar(20);
UPDATE customer SET tier = 'standard';
COMMIT;

-- case: drop and recreate an index in one statement
-- expect: none
ALTER TABLE orders DROP INDEX orders_customer_idx, ADD INDEX orders_customer_idx (customer_id, created_at);

-- case: force rebuild
-- expect: DG320
ALTER TABLE orders FORCE;

-- case: modify a new table's enum
-- expect: none
CREATE TABLE ticket (id int PRIMARY KEY, state ENUM('new', 'done'));
ALTER TABLE ticket MODIFY state ENUM('new', 'open', 'done');

-- case: rename key
-- expect: none
ALTER TABLE customer RENAME KEY customer_email_idx TO customer_email_key;

-- case: NOT NULL after backfilling every row
-- expect: DG320 DG502
UPDATE customer SET email = '' WHERE email IS NULL;
ALTER TABLE customer MODIFY email varchar(200) NOT NULL;

-- case: NOT NULL after an update of some rows only
-- expect: DG320 DG402 DG502
UPDATE customer SET email = '' WHERE id = 1;
ALTER TABLE customer MODIFY email varchar(200) NOT NULL;

-- case: index on a table the migration creates with IF NOT EXISTS and a quoted name
-- expect: none
CREATE TABLE IF NOT EXISTS `import_rows` (id bigint, payload text);
CREATE INDEX import_rows_id_idx ON import_rows (id);

-- case: drop an index with quoted names
-- expect: none
DROP INDEX `orders_customer_idx` ON `orders`;

-- case: MODIFY a column whose quoted name is one of the parser's keywords
-- expect: DG320 DG402
ALTER TABLE orders MODIFY COLUMN `type` varchar(30) NOT NULL DEFAULT '';

-- case: repartitioning copies the table
-- expect: DG320
ALTER TABLE orders PARTITION BY HASH(id) PARTITIONS 4;

-- case: data change, then an index dropped by a statement only the fallback reads
-- expect: DG502
UPDATE orders SET note = '' WHERE note IS NULL;
DROP INDEX `orders_note_idx` ON `orders`;
