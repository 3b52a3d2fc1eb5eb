-- Every object kind the PostgreSQL snapshot models, with awkward identifiers:
-- quotes, dots, spaces, mixed case, unicode and reserved words.
CREATE SCHEMA app;
CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA public;
CREATE SCHEMA "Weird.Schema ü";
COMMENT ON SCHEMA app IS 'application schema';

CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy', 'it''s complicated');
CREATE DOMAIN app.positive_int AS integer DEFAULT 1 NOT NULL CONSTRAINT positive_int_check CHECK (VALUE > 0);
CREATE DOMAIN app.email AS text COLLATE "C" CHECK (VALUE ~ '@');
CREATE TYPE app.address AS (street text, "Zip Code" varchar(10), country char(2));
COMMENT ON TYPE app.mood IS 'how it feels';

CREATE SEQUENCE app.invoice_no AS integer START WITH 1000 INCREMENT BY 5 MINVALUE 1000 MAXVALUE 999999 CACHE 10 CYCLE;

CREATE TABLE app.customer (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email app.email NOT NULL UNIQUE,
    "Display Name" varchar(80) DEFAULT 'anonymous' NOT NULL,
    mood app.mood DEFAULT 'ok',
    tags text[] DEFAULT '{}',
    home app.address,
    created_at timestamptz NOT NULL DEFAULT now(),
    score numeric(10, 2) CHECK (score >= 0),
    name_upper text GENERATED ALWAYS AS (upper("Display Name")) STORED,
    "select" integer,
    nick text COLLATE "C"
);
COMMENT ON TABLE app.customer IS 'people who buy';
COMMENT ON COLUMN app.customer."Display Name" IS 'shown in the UI';
ALTER TABLE app.customer ENABLE ROW LEVEL SECURITY;
CREATE POLICY customer_self ON app.customer FOR SELECT TO PUBLIC USING (email = current_user);
CREATE POLICY "Admins edit" ON app.customer AS RESTRICTIVE FOR UPDATE USING (true) WITH CHECK (score < 1000);

CREATE TABLE app."order" (
    id serial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES app.customer (id) ON DELETE CASCADE,
    invoice integer DEFAULT nextval('app.invoice_no'),
    placed_on date NOT NULL DEFAULT CURRENT_DATE,
    total numeric(12, 2) NOT NULL DEFAULT 0,
    status text NOT NULL DEFAULT 'new',
    note text,
    CONSTRAINT order_total_nonnegative CHECK (total >= 0) NOT VALID,
    CONSTRAINT "Order Status" CHECK (status IN ('new', 'paid', 'shipped'))
);
CREATE INDEX order_customer_placed_idx ON app."order" (customer_id, placed_on DESC NULLS LAST);
CREATE INDEX ON app."order" (lower(note)) WHERE note IS NOT NULL;
CREATE UNIQUE INDEX order_invoice_uq ON app."order" (invoice) INCLUDE (total) NULLS NOT DISTINCT;
CREATE INDEX order_note_pattern ON app."order" USING btree (note text_pattern_ops);
COMMENT ON INDEX app.order_invoice_uq IS 'one invoice per order';

CREATE TABLE app.order_line (
    order_id integer NOT NULL,
    line_no smallint NOT NULL,
    product text NOT NULL,
    qty integer NOT NULL DEFAULT 1,
    PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_line_order_fk FOREIGN KEY (order_id) REFERENCES app."order" (id)
        ON UPDATE RESTRICT ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);

ALTER TABLE app.order_line ADD CONSTRAINT order_line_qty_positive CHECK (qty > 0) NOT VALID;

CREATE TABLE app.booking (
    id integer PRIMARY KEY,
    room text NOT NULL,
    during tsrange NOT NULL,
    EXCLUDE USING gist (room WITH =, during WITH &&)
);

CREATE TABLE app.measurement (
    id bigint NOT NULL,
    taken_at date NOT NULL,
    value double precision,
    PRIMARY KEY (id, taken_at)
) PARTITION BY RANGE (taken_at);
CREATE TABLE app.measurement_2024 PARTITION OF app.measurement FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE app.measurement_default PARTITION OF app.measurement DEFAULT;
CREATE INDEX measurement_value_idx ON app.measurement (value);

CREATE UNLOGGED TABLE app.session_cache (key text PRIMARY KEY, payload jsonb) WITH (fillfactor = 70);

CREATE TABLE app.base_event (id integer, happened timestamp);
CREATE TABLE app.click_event (url text) INHERITS (app.base_event);

CREATE TABLE "Weird.Schema ü"."Table ""Quoted"".Name" (
    "ÄÖÜ column" integer PRIMARY KEY,
    "user" text,
    "a.b" text UNIQUE
);

CREATE VIEW app.big_orders AS
    SELECT o.id, c.email, o.total FROM app."order" o JOIN app.customer c ON c.id = o.customer_id WHERE o.total > 100;
COMMENT ON VIEW app.big_orders IS 'orders over 100';
CREATE VIEW app.paid_orders WITH (security_barrier = true) AS
    SELECT * FROM app."order" WHERE status = 'paid' WITH CASCADED CHECK OPTION;
CREATE MATERIALIZED VIEW app.daily_totals AS
    SELECT placed_on, sum(total) AS total FROM app."order" GROUP BY placed_on WITH NO DATA;
CREATE UNIQUE INDEX daily_totals_day ON app.daily_totals (placed_on);

CREATE FUNCTION app.order_total(p_order integer) RETURNS numeric
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    AS $$ SELECT coalesce(sum(qty), 0)::numeric FROM app.order_line WHERE order_id = p_order $$;
CREATE FUNCTION app.order_total(p_order integer, p_scale integer DEFAULT 2) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    BEGIN ATOMIC
        SELECT round(1.0, p_scale);
    END;
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = app, pg_temp AS $body$
BEGIN
    NEW.placed_on := CURRENT_DATE;   
    RETURN NEW;
END
$body$;
COMMENT ON FUNCTION app.touch() IS 'keeps placed_on fresh';
CREATE PROCEDURE app.archive(IN days integer, INOUT moved integer DEFAULT 0) LANGUAGE plpgsql AS $$
BEGIN
    moved := 0;
END
$$;

CREATE TRIGGER order_touch BEFORE INSERT OR UPDATE OF status ON app."order"
    FOR EACH ROW WHEN (NEW.status <> 'shipped') EXECUTE FUNCTION app.touch();
CREATE TRIGGER order_audit AFTER DELETE OR TRUNCATE ON app."order"
    FOR EACH STATEMENT EXECUTE FUNCTION app.touch();
COMMENT ON TRIGGER order_audit ON app."order" IS 'audit trail';

-- Objects the model does not describe: reported as unmodelled.
CREATE RULE order_no_delete AS ON DELETE TO app.order_line WHERE false DO INSTEAD NOTHING;
CREATE TEXT SEARCH CONFIGURATION app.simple_en (COPY = pg_catalog.simple);
CREATE AGGREGATE app.text_concat(text) (SFUNC = textcat, STYPE = text);
CREATE TYPE app.float_range AS RANGE (subtype = float8);

DO $$ BEGIN CREATE ROLE dg_golden_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
GRANT USAGE ON SCHEMA app TO dg_golden_reader;
GRANT SELECT ON app.customer TO dg_golden_reader;
GRANT SELECT, INSERT ON app."order" TO dg_golden_reader WITH GRANT OPTION;

CREATE VIEW app.recent_orders AS
    SELECT o.id, o."status" AS "Order Status", 'FROM x, y' AS note FROM app."order" o WHERE o.placed_on > DATE '2024-01-01';
