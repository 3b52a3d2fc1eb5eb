-- The online-safety corpus for PostgreSQL: each case is one migration and the exact set of codes
-- the static rules must report (none = must stay quiet). Tables the case does not create exist
-- already, with rows. DG308 (no lock_timeout) is compared only where a case says so.

-- case: index on an existing table
-- expect: DG301
CREATE INDEX orders_customer_idx ON orders (customer_id);

-- case: index built concurrently, alone
-- expect: none
CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);

-- case: index on a table the migration creates
-- expect: none
CREATE TABLE invoice (id bigint PRIMARY KEY, customer_id bigint NOT NULL);
CREATE INDEX invoice_customer_idx ON invoice (customer_id);

-- case: unique index on an existing table
-- expect: DG301 DG401
CREATE UNIQUE INDEX customer_email_key ON customer (email);

-- case: unique index built concurrently
-- expect: DG401
CREATE UNIQUE INDEX CONCURRENTLY customer_email_key ON customer (email);

-- case: partial index on an existing table
-- expect: DG301
CREATE INDEX orders_open_idx ON orders (created_at) WHERE status IS NOT NULL;

-- case: partial index concurrently
-- expect: none
CREATE INDEX CONCURRENTLY orders_open_idx ON orders (created_at) WHERE status = 'open';

-- case: expression index on an existing table
-- expect: DG301
CREATE INDEX customer_lower_email_idx ON customer (lower(email));

-- case: index with USING on a schema-qualified table
-- expect: DG301
CREATE INDEX orders_items_gin ON public.orders USING gin (items);

-- case: concurrent index after BEGIN
-- expect: DG501
BEGIN;
CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);
COMMIT;

-- case: concurrent index with another statement in the file
-- expect: DG501
ALTER TABLE orders ADD COLUMN note text;
CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);

-- case: drop index
-- expect: DG307
DROP INDEX orders_customer_idx;

-- case: drop index concurrently
-- expect: none
DROP INDEX CONCURRENTLY orders_customer_idx;

-- case: drop index concurrently inside a transaction
-- expect: DG501
BEGIN;
DROP INDEX CONCURRENTLY orders_customer_idx;
COMMIT;

-- case: reindex without concurrently
-- expect: DG301
REINDEX INDEX orders_customer_idx;

-- case: reindex concurrently
-- expect: none
REINDEX INDEX CONCURRENTLY orders_customer_idx;

-- case: drop table
-- expect: DG101
DROP TABLE audit_log;

-- case: drop table if exists cascade
-- expect: DG101
DROP TABLE IF EXISTS audit_log CASCADE;

-- case: drop a table created in the same migration
-- expect: none
CREATE TABLE scratch (id int);
DROP TABLE scratch;

-- case: drop column
-- expect: DG102
ALTER TABLE customer DROP COLUMN fax;

-- case: drop column if exists
-- expect: DG102
ALTER TABLE IF EXISTS customer DROP COLUMN IF EXISTS fax;

-- case: drop column without the COLUMN keyword
-- expect: DG102
ALTER TABLE customer DROP fax;

-- case: drop schema
-- expect: DG103
DROP SCHEMA reporting CASCADE;

-- case: truncate
-- expect: DG104
TRUNCATE orders;

-- case: truncate several tables
-- expect: DG104
TRUNCATE TABLE orders, order_line CASCADE;

-- case: rename column
-- expect: DG201
ALTER TABLE customer RENAME COLUMN name TO full_name;

-- case: rename column without the COLUMN keyword
-- expect: DG201
ALTER TABLE customer RENAME name TO full_name;

-- case: rename table
-- expect: DG202
ALTER TABLE customer RENAME TO client;

-- case: rename a table created in the same migration
-- expect: none
CREATE TABLE staging_customer (id int);
ALTER TABLE staging_customer RENAME TO customer_import;

-- case: rename constraint
-- expect: none
ALTER TABLE customer RENAME CONSTRAINT customer_email_check TO customer_email_format;

-- case: drop default
-- expect: DG204
ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;

-- case: set default
-- expect: none
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'open';

-- case: type change
-- expect: DG302
ALTER TABLE orders ALTER COLUMN total TYPE numeric(14, 2);

-- case: type change with SET DATA TYPE and USING
-- expect: DG302
ALTER TABLE orders ALTER COLUMN code SET DATA TYPE integer USING code::integer;

-- case: type change on a new table
-- expect: none
CREATE TABLE draft (id int, amount int);
ALTER TABLE draft ALTER COLUMN amount TYPE bigint;

-- case: two type changes in one statement
-- expect: DG302 DG302
ALTER TABLE orders ALTER COLUMN total TYPE numeric(14, 2), ALTER COLUMN tax TYPE numeric(14, 2);

-- case: vacuum full
-- expect: DG302
VACUUM FULL orders;

-- case: cluster
-- expect: DG302
CLUSTER orders USING orders_pkey;

-- case: add column without default
-- expect: none
ALTER TABLE customer ADD COLUMN nickname text;

-- case: add column with constant default
-- expect: none
ALTER TABLE customer ADD COLUMN active boolean NOT NULL DEFAULT true;

-- case: add column with now() default (stable: no rewrite since PostgreSQL 11)
-- expect: none
ALTER TABLE customer ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();

-- case: add column with a volatile default
-- expect: DG303
ALTER TABLE customer ADD COLUMN token uuid DEFAULT gen_random_uuid();

-- case: add column with clock_timestamp default
-- expect: DG303
ALTER TABLE customer ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp();

-- case: add column with random default
-- expect: DG303
ALTER TABLE customer ADD COLUMN bucket double precision DEFAULT random();

-- case: add serial column
-- expect: DG303
ALTER TABLE customer ADD COLUMN seq bigserial;

-- case: add stored generated column
-- expect: DG303
ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (total * 100) STORED;

-- case: add NOT NULL column without default
-- expect: DG402
ALTER TABLE customer ADD COLUMN region text NOT NULL;

-- case: add NOT NULL column without default to a new table
-- expect: none
CREATE TABLE region (id int PRIMARY KEY);
ALTER TABLE region ADD COLUMN name text NOT NULL;

-- case: set not null
-- expect: DG304 DG402
ALTER TABLE customer ALTER COLUMN email SET NOT NULL;

-- case: drop not null
-- expect: none
ALTER TABLE customer ALTER COLUMN phone DROP NOT NULL;

-- case: foreign key without NOT VALID
-- expect: DG305
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id);

-- case: foreign key NOT VALID
-- expect: none
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id) NOT VALID;

-- case: validate constraint
-- expect: none
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;

-- case: foreign key NOT VALID then validate
-- expect: none
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;

-- case: foreign key on a new table
-- expect: none
CREATE TABLE payment (id bigint PRIMARY KEY, order_id bigint);
ALTER TABLE payment ADD CONSTRAINT payment_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);

-- case: new column with an inline reference
-- expect: DG305
ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupon (id);

-- case: check constraint
-- expect: DG305 DG403
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0);

-- case: check constraint NOT VALID
-- expect: none
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;

-- case: check constraint on ONLY a table
-- expect: DG305 DG403
ALTER TABLE ONLY public.orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0);

-- case: the not-null pattern: check NOT VALID, validate, set not null
-- expect: DG403
ALTER TABLE customer ADD CONSTRAINT customer_email_nn CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE customer VALIDATE CONSTRAINT customer_email_nn;
ALTER TABLE customer ALTER COLUMN email SET NOT NULL;

-- case: unique constraint
-- expect: DG306 DG401
ALTER TABLE customer ADD CONSTRAINT customer_email_key UNIQUE (email);

-- case: unique constraint using an index built concurrently
-- expect: DG401
CREATE UNIQUE INDEX CONCURRENTLY customer_email_idx ON customer (email);

-- case: unique constraint using an existing index
-- expect: none
ALTER TABLE customer ADD CONSTRAINT customer_email_key UNIQUE USING INDEX customer_email_idx;

-- case: primary key
-- expect: DG306 DG401
ALTER TABLE event ADD PRIMARY KEY (id);

-- case: primary key using an existing index
-- expect: none
ALTER TABLE event ADD CONSTRAINT event_pkey PRIMARY KEY USING INDEX event_id_idx;

-- case: new column that is unique
-- expect: DG306
ALTER TABLE customer ADD COLUMN external_id text UNIQUE;

-- case: drop constraint
-- expect: none
ALTER TABLE orders DROP CONSTRAINT orders_total_positive;

-- case: create table
-- expect: none
CREATE TABLE coupon (id bigint PRIMARY KEY, code text NOT NULL UNIQUE, percent int CHECK (percent BETWEEN 0 AND 100));

-- case: create table with a foreign key to an existing table
-- expect: none
CREATE TABLE shipment (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id));

-- case: create view
-- expect: none
CREATE VIEW open_orders AS SELECT id, customer_id FROM orders WHERE status = 'open';

-- case: create or replace function
-- expect: none
CREATE OR REPLACE FUNCTION order_total(o bigint) RETURNS numeric AS $$ SELECT total FROM orders WHERE id = o $$ LANGUAGE sql;

-- case: comment on a column
-- expect: none
COMMENT ON COLUMN orders.total IS 'gross, in the order currency';

-- case: insert reference data
-- expect: none
INSERT INTO order_status (code) VALUES ('open'), ('paid'), ('shipped');

-- case: backfill with an update
-- expect: none
UPDATE customer SET region = 'eu' WHERE region IS NULL;

-- case: delete rows
-- expect: none
DELETE FROM session WHERE expires_at < now();

-- case: set lock_timeout first, then alter
-- expect: DG302
-- lock-timeout: checked
SET lock_timeout = '2s';
ALTER TABLE orders ALTER COLUMN total TYPE numeric(14, 2);

-- case: alter with no lock_timeout
-- expect: DG302 DG308
-- lock-timeout: checked
ALTER TABLE orders ALTER COLUMN total TYPE numeric(14, 2);

-- case: set local lock_timeout inside a transaction
-- expect: none
-- lock-timeout: checked
BEGIN;
SET LOCAL lock_timeout = '1s';
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'open';
COMMIT;

-- case: lock_timeout through set_config
-- expect: none
-- lock-timeout: checked
SELECT set_config('lock_timeout', '2s', false);
ALTER TABLE customer ADD COLUMN nickname text;

-- case: only one lock_timeout hazard per migration
-- expect: DG301 DG301 DG308
-- lock-timeout: checked
CREATE INDEX orders_a_idx ON orders (a);
CREATE INDEX orders_b_idx ON orders (b);

-- case: a migration that only creates tables needs no lock_timeout
-- expect: none
-- lock-timeout: checked
CREATE TABLE tag (id int PRIMARY KEY, name text NOT NULL);
CREATE INDEX tag_name_idx ON tag (name);

-- case: concurrent index needs no lock_timeout
-- expect: none
-- lock-timeout: checked
CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);

-- case: suppressed with a reason
-- expect: DG301 suppressed
-- driftgate:ignore DG301 the table holds 12 rows and is written once a day
CREATE INDEX settings_key_idx ON settings (key);

-- case: suppression without a reason suppresses nothing
-- expect: DG002 DG301
-- driftgate:ignore DG301
CREATE INDEX settings_key_idx ON settings (key);

-- case: suppression of an unknown code
-- expect: DG002 DG301
-- driftgate:ignore DG999 typo in the code
CREATE INDEX settings_key_idx ON settings (key);

-- case: suppression on the same line
-- expect: DG102 suppressed
ALTER TABLE customer DROP COLUMN fax; -- driftgate:ignore DG102 unused since 2019, backed up in ticket OPS-12

-- case: suppression applies only to its statement
-- expect: DG102 suppressed, DG102
-- driftgate:ignore DG102 column was never written
ALTER TABLE customer DROP COLUMN fax;
ALTER TABLE customer DROP COLUMN telex;

-- case: statement the parser cannot read is reported, not fatal
-- expect: DG001
CREATE STATISTICS orders_stats (dependencies) ON customer_id, status FROM orders;

-- case: alter type add value
-- expect: none
ALTER TYPE order_status ADD VALUE 'refunded';

-- case: grant
-- expect: none
GRANT SELECT ON orders TO reporting;

-- case: create sequence
-- expect: none
CREATE SEQUENCE invoice_number_seq START 1000;

-- case: attach default to new column, then backfill in the same migration
-- expect: none
ALTER TABLE customer ADD COLUMN tier text;
UPDATE customer SET tier = 'standard';

-- case: drop view
-- expect: none
DROP VIEW IF EXISTS open_orders;

-- case: set not null after a check that was never validated
-- expect: DG304 DG402
ALTER TABLE customer ADD CONSTRAINT customer_email_nn CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE customer ALTER COLUMN email SET NOT NULL;

-- case: exclusion constraint
-- expect: DG306
ALTER TABLE booking ADD CONSTRAINT booking_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);

-- case: index on a materialized view the migration creates
-- expect: none
CREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id;
CREATE UNIQUE INDEX order_totals_customer_idx ON order_totals (customer_id);

-- case: index on a materialized view created WITH NO DATA, schema-qualified and quoted
-- expect: none
CREATE MATERIALIZED VIEW IF NOT EXISTS "public"."Order Totals" AS SELECT customer_id FROM orders WITH NO DATA;
CREATE INDEX order_totals_idx ON public."Order Totals" (customer_id);

-- case: index on an unlogged table the migration creates
-- expect: none
CREATE UNLOGGED TABLE import_rows (id bigint, payload text);
CREATE INDEX import_rows_id_idx ON import_rows (id);

-- case: index on an existing materialized view
-- expect: DG301
CREATE INDEX order_totals_total_idx ON order_totals (total);

-- case: a check added NOT VALID and validated in the same migration: the validation meets the rows
-- expect: DG403
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;

-- case: set not null after backfilling every row
-- expect: DG304
UPDATE customer SET email = 'unknown@example.com' WHERE email IS NULL;
ALTER TABLE customer ALTER COLUMN email SET NOT NULL;

-- case: set not null after backfilling with a qualified, quoted column
-- expect: DG304
UPDATE "customer" SET "email" = lower(name) WHERE "customer"."email" IS NULL;
ALTER TABLE customer ALTER COLUMN email SET NOT NULL;

-- case: set not null after an update of some rows only
-- expect: DG304 DG402
UPDATE customer SET email = 'unknown@example.com' WHERE id = 1;
ALTER TABLE customer ALTER COLUMN email SET NOT NULL;

-- case: set not null after an update that writes NULL
-- expect: DG304 DG402
UPDATE customer SET email = NULL;
ALTER TABLE customer ALTER COLUMN email SET NOT NULL;

-- case: set not null after backfilling another column
-- expect: DG304 DG402
UPDATE customer SET name = 'unknown' WHERE name IS NULL;
ALTER TABLE customer ALTER COLUMN email SET NOT NULL;


-- case: index over an expression the parser does not read, on an existing table
-- expect: DG301
CREATE INDEX orders_total_plus_idx ON orders ((total + 1));

-- case: unique index with INCLUDE on an existing table
-- expect: DG301 DG401
CREATE UNIQUE INDEX customer_email_key ON customer (email) INCLUDE (name);

-- case: type change with a USING the parser does not read
-- expect: DG302
ALTER TABLE orders ALTER COLUMN status TYPE text USING CASE WHEN status THEN 'y' ELSE 'n' END;

-- case: drop trigger, add an enum value, drop a type
-- expect: none
DROP TRIGGER IF EXISTS orders_audit ON orders;
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded';
DROP TYPE IF EXISTS old_status CASCADE;

-- case: ALTER TABLE with an action the parser does not know and one it does
-- expect: none
ALTER TABLE orders ENABLE TRIGGER ALL, ALTER COLUMN note SET DEFAULT '';

-- case: drop two tables in one statement
-- expect: DG101 DG101
DROP TABLE IF EXISTS legacy_a, legacy_b CASCADE;

-- case: SET LOGGED rewrites the table
-- expect: DG302
ALTER TABLE import_log SET LOGGED;
