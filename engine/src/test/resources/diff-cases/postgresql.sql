-- Diff cases, PostgreSQL. Each case: "-- case:" name, then "-- actual:" SQL, "-- expected:" SQL,
-- "-- changes:" one line per expected change as "Kind objectKind path" (suppressed ones are not
-- listed). The case runs on every PostgreSQL target.

-- case: identical schemas diff to nothing
-- actual:
CREATE TABLE t (id int PRIMARY KEY, name text);
-- expected:
CREATE TABLE t (id int PRIMARY KEY, name text);
-- changes:

-- case: missing table
-- actual:
CREATE TABLE a (id int);
-- expected:
CREATE TABLE a (id int);
CREATE TABLE b (id int);
-- changes:
AddTable table public.b

-- case: unexpected table
-- actual:
CREATE TABLE a (id int);
CREATE TABLE b (id int);
-- expected:
CREATE TABLE a (id int);
-- changes:
DropTable table public.b

-- case: missing and unexpected columns
-- actual:
CREATE TABLE t (id int, old_col text);
-- expected:
CREATE TABLE t (id int, new_col text);
-- changes:
AddColumn column public.t.new_col
DropColumn column public.t.old_col

-- case: column type, nullability and default
-- actual:
CREATE TABLE t (id int, qty int NULL, status text DEFAULT 'a');
-- expected:
CREATE TABLE t (id bigint, qty int NOT NULL, status text DEFAULT 'b');
-- changes:
AlterColumn column public.t.id
AlterColumn column public.t.qty
AlterColumn column public.t.status

-- case: column order alone is suppressed
-- actual:
CREATE TABLE t (b int, a int);
-- expected:
CREATE TABLE t (a int, b int);
-- changes:

-- case: generated constraint names that differ are the same constraint
-- actual:
CREATE TABLE t (id int, CONSTRAINT t_id_check1 CHECK (id > 0));
-- expected:
CREATE TABLE t (id int CHECK (id > 0));
-- changes:

-- case: a named constraint with a new definition
-- actual:
CREATE TABLE t (id int, CONSTRAINT id_positive CHECK (id > 0));
-- expected:
CREATE TABLE t (id int, CONSTRAINT id_positive CHECK (id >= 0));
-- changes:
ReplaceConstraint constraint public.t.id_positive

-- case: foreign key missing
-- actual:
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int, p_id int);
-- expected:
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int, p_id int REFERENCES p (id));
-- changes:
AddConstraint constraint public.c.c_p_id_fkey

-- case: foreign key action differs
-- actual:
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int, p_id int CONSTRAINT c_p_fk REFERENCES p (id));
-- expected:
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int, p_id int CONSTRAINT c_p_fk REFERENCES p (id) ON DELETE CASCADE);
-- changes:
ReplaceConstraint constraint public.c.c_p_fk

-- case: index missing, index unexpected
-- actual:
CREATE TABLE t (a int, b int);
CREATE INDEX t_b_idx ON t (b);
-- expected:
CREATE TABLE t (a int, b int);
CREATE INDEX t_a_idx ON t (a);
-- changes:
AddIndex index public.t.t_a_idx
DropIndex index public.t.t_b_idx

-- case: index definition changed
-- actual:
CREATE TABLE t (a int, b int);
CREATE INDEX t_ab ON t (a);
-- expected:
CREATE TABLE t (a int, b int);
CREATE INDEX t_ab ON t (a, b DESC) WHERE a > 0;
-- changes:
ReplaceIndex index public.t.t_ab

-- case: generated index names that differ are the same index
-- actual:
CREATE TABLE t (a int);
CREATE INDEX t_a_idx1 ON t (a);
-- expected:
CREATE TABLE t (a int);
CREATE INDEX ON t (a);
-- changes:

-- case: view definition changed
-- actual:
CREATE TABLE t (a int, b int);
CREATE VIEW v AS SELECT a FROM t;
-- expected:
CREATE TABLE t (a int, b int);
CREATE VIEW v AS SELECT a, b FROM t;
-- changes:
ReplaceView view public.v

-- case: materialized view missing
-- actual:
CREATE TABLE t (a int);
-- expected:
CREATE TABLE t (a int);
CREATE MATERIALIZED VIEW mv AS SELECT a FROM t;
-- changes:
AddView view public.mv

-- case: enum label appended
-- actual:
CREATE TYPE mood AS ENUM ('a', 'b');
-- expected:
CREATE TYPE mood AS ENUM ('a', 'b', 'c');
-- changes:
AlterType type public.mood

-- case: function body changed
-- actual:
CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS $$ SELECT x $$;
-- expected:
CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS $$ SELECT x + 1 $$;
-- changes:
ReplaceRoutine routine public.f(x integer)

-- case: overloads are told apart
-- actual:
CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS $$ SELECT x $$;
-- expected:
CREATE FUNCTION f(x int) RETURNS int LANGUAGE sql AS $$ SELECT x $$;
CREATE FUNCTION f(x text) RETURNS text LANGUAGE sql AS $$ SELECT x $$;
-- changes:
AddRoutine routine public.f(x text)

-- case: sequence increment changed
-- actual:
CREATE SEQUENCE s INCREMENT 1;
-- expected:
CREATE SEQUENCE s INCREMENT 10;
-- changes:
AlterSequence sequence public.s

-- case: trigger missing
-- actual:
CREATE TABLE t (a int);
CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
-- expected:
CREATE TABLE t (a int);
CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER t_trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg();
-- changes:
AddTrigger trigger public.t.t_trg

-- case: policy changed
-- actual:
CREATE TABLE t (owner text);
CREATE POLICY mine ON t USING (owner = current_user);
-- expected:
CREATE TABLE t (owner text);
CREATE POLICY mine ON t USING (owner = session_user);
-- changes:
ReplacePolicy policy public.t.mine

-- case: schema missing
-- actual:
CREATE TABLE t (a int);
-- expected:
CREATE TABLE t (a int);
CREATE SCHEMA audit;
-- changes:
AddSchema schema audit

-- case: comments are compared
-- actual:
CREATE TABLE t (a int);
-- expected:
CREATE TABLE t (a int);
COMMENT ON COLUMN t.a IS 'the a';
-- changes:
AlterColumn column public.t.a

-- case: owners are not compared by default
-- actual:
CREATE TABLE t (a int);
-- expected:
CREATE TABLE t (a int);
DO $$ BEGIN CREATE ROLE dg_case_owner; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
ALTER TABLE t OWNER TO dg_case_owner;
-- changes:

-- case: unmodelled objects are not compared, never equal
-- actual:
CREATE TABLE t (a int);
-- expected:
CREATE TABLE t (a int);
CREATE RULE t_no_delete AS ON DELETE TO t DO INSTEAD NOTHING;
-- changes:
-- not compared:
unmodelled object rule."public.t.t_no_delete" (expected)

-- case: domain missing and used
-- actual:
CREATE TABLE t (a int);
-- expected:
CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
CREATE TABLE t (a int, b positive);
-- changes:
AddColumn column public.t.b
AddType type public.positive

-- case: composite type field changed
-- actual:
CREATE TYPE pair AS (a int, b int);
-- expected:
CREATE TYPE pair AS (a int, b bigint);
-- changes:
AlterType type public.pair

-- case: identity and generated columns
-- actual:
CREATE TABLE t (id int NOT NULL, a int, twice int);
-- expected:
CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY, a int, twice int GENERATED ALWAYS AS (a * 2) STORED);
-- changes:
AlterColumn column public.t.id
AlterColumn column public.t.twice

-- case: partitioned table missing
-- actual:
CREATE TABLE other (a int);
-- expected:
CREATE TABLE other (a int);
CREATE TABLE m (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
-- changes:
AddTable table public.m
AddTable table public.m_2024

-- case: unlogged and row level security
-- actual:
CREATE TABLE t (a int);
-- expected:
CREATE UNLOGGED TABLE t (a int);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
-- changes:
AlterTable table public.t

-- case: unexpected view and function
-- actual:
CREATE TABLE t (a int);
CREATE VIEW v AS SELECT a FROM t;
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
-- expected:
CREATE TABLE t (a int);
-- changes:
DropRoutine routine public.f()
DropView view public.v

-- case: unexpected schema with objects
-- actual:
CREATE TABLE t (a int);
CREATE SCHEMA scratch;
CREATE TABLE scratch.tmp (a int);
-- expected:
CREATE TABLE t (a int);
-- changes:
DropSchema schema scratch

-- case: new schema with objects
-- actual:
CREATE TABLE t (a int);
-- expected:
CREATE TABLE t (a int);
CREATE SCHEMA audit;
CREATE TABLE audit.log (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, t_a int, at timestamptz DEFAULT now());
CREATE INDEX log_at_idx ON audit.log (at DESC);
-- changes:
AddSchema schema audit

-- case: index include and nulls not distinct
-- actual:
CREATE TABLE t (a int, b int);
CREATE UNIQUE INDEX t_a ON t (a);
-- expected:
CREATE TABLE t (a int, b int);
CREATE UNIQUE INDEX t_a ON t (a) INCLUDE (b) NULLS NOT DISTINCT;
-- changes:
ReplaceIndex index public.t.t_a

-- case: column collation changed
-- actual:
CREATE TABLE t (name text);
-- expected:
CREATE TABLE t (name text COLLATE "C");
-- changes:
AlterColumn column public.t.name

-- case: view reading a view
-- actual:
CREATE TABLE t (a int, b int);
-- expected:
CREATE TABLE t (a int, b int);
CREATE VIEW base AS SELECT a, b FROM t;
CREATE VIEW top AS SELECT a FROM base WHERE b > 0;
-- changes:
AddView view public.base
AddView view public.top

-- case: extension missing
-- actual:
CREATE TABLE t (a int);
-- expected:
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE t (a int);
-- changes:
AddExtension extension pg_trgm

-- case: awkward identifiers survive the round trip
-- actual:
CREATE SCHEMA "Odd.Schema ü";
CREATE TABLE "Odd.Schema ü"."Table ""Q"".x" ("select" int);
-- expected:
CREATE SCHEMA "Odd.Schema ü";
CREATE TABLE "Odd.Schema ü"."Table ""Q"".x" ("select" int, "Mixed Case" text DEFAULT 'it''s');
CREATE INDEX "Idx ""q""" ON "Odd.Schema ü"."Table ""Q"".x" ("Mixed Case");
-- changes:
AddColumn column "Odd.Schema ü"."Table ""Q"".x"."Mixed Case"
AddIndex index "Odd.Schema ü"."Table ""Q"".x"."Idx ""q"""

-- case: primary key missing
-- actual:
CREATE TABLE t (id int NOT NULL);
-- expected:
CREATE TABLE t (id int PRIMARY KEY);
-- changes:
AddConstraint constraint public.t.t_pkey

-- case: unique constraint unexpected
-- actual:
CREATE TABLE t (email text UNIQUE);
-- expected:
CREATE TABLE t (email text);
-- changes:
DropConstraint constraint public.t.t_email_key

-- case: deferrable foreign key
-- actual:
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (p_id int CONSTRAINT c_fk REFERENCES p (id));
-- expected:
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (p_id int CONSTRAINT c_fk REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED);
-- changes:
ReplaceConstraint constraint public.c.c_fk

-- case: expression index with opclass
-- actual:
CREATE TABLE t (email text);
-- expected:
CREATE TABLE t (email text);
CREATE INDEX t_email_lower ON t (lower(email) text_pattern_ops);
-- changes:
AddIndex index public.t.t_email_lower

-- case: gin index on jsonb
-- actual:
CREATE TABLE t (doc jsonb);
-- expected:
CREATE TABLE t (doc jsonb);
CREATE INDEX t_doc ON t USING gin (doc jsonb_path_ops);
-- changes:
AddIndex index public.t.t_doc

-- case: sequence owned by a column
-- actual:
CREATE TABLE t (id int);
-- expected:
CREATE TABLE t (id int);
CREATE SEQUENCE t_id_seq OWNED BY t.id;
-- changes:
AddSequence sequence public.t_id_seq

-- case: serial column default
-- actual:
CREATE TABLE t (id int NOT NULL);
CREATE SEQUENCE t_id_seq OWNED BY t.id;
-- expected:
CREATE TABLE t (id serial);
-- changes:
AlterColumn column public.t.id
AlterSequence sequence public.t_id_seq

-- case: materialized view with index
-- actual:
CREATE TABLE t (a int);
CREATE MATERIALIZED VIEW mv AS SELECT a FROM t;
-- expected:
CREATE TABLE t (a int);
CREATE MATERIALIZED VIEW mv AS SELECT a FROM t;
CREATE UNIQUE INDEX mv_a ON mv (a);
-- changes:
AddIndex index public.mv.mv_a

-- case: view check option
-- actual:
CREATE TABLE t (a int);
CREATE VIEW v AS SELECT a FROM t WHERE a > 0;
-- expected:
CREATE TABLE t (a int);
CREATE VIEW v AS SELECT a FROM t WHERE a > 0 WITH LOCAL CHECK OPTION;
-- changes:
ReplaceView view public.v

-- case: function volatility and security
-- actual:
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
-- expected:
CREATE FUNCTION f() RETURNS int LANGUAGE sql IMMUTABLE SECURITY DEFINER AS $$ SELECT 1 $$;
-- changes:
ReplaceRoutine routine public.f()

-- case: function return type changed
-- actual:
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
-- expected:
CREATE FUNCTION f() RETURNS bigint LANGUAGE sql AS $$ SELECT 1::bigint $$;
-- changes:
ReplaceRoutine routine public.f()

-- case: procedure missing
-- actual:
CREATE TABLE t (a int);
-- expected:
CREATE TABLE t (a int);
CREATE PROCEDURE p(x int) LANGUAGE plpgsql AS $$ BEGIN INSERT INTO t VALUES (x); END $$;
-- changes:
AddRoutine routine public.p(IN x integer)

-- case: trigger timing changed
-- actual:
CREATE TABLE t (a int);
CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER t_trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg();
-- expected:
CREATE TABLE t (a int);
CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER t_trg AFTER INSERT OR UPDATE OF a ON t FOR EACH ROW WHEN (NEW.a > 0) EXECUTE FUNCTION trg();
-- changes:
ReplaceTrigger trigger public.t.t_trg

-- case: policy missing with row security
-- actual:
CREATE TABLE t (owner text);
-- expected:
CREATE TABLE t (owner text);
ALTER TABLE t ENABLE ROW LEVEL SECURITY;
CREATE POLICY mine ON t AS RESTRICTIVE FOR UPDATE USING (owner = current_user) WITH CHECK (owner = current_user);
-- changes:
AddPolicy policy public.t.mine
AlterTable table public.t

-- case: table comment and index comment
-- actual:
CREATE TABLE t (a int);
CREATE INDEX t_a ON t (a);
-- expected:
CREATE TABLE t (a int);
CREATE INDEX t_a ON t (a);
COMMENT ON TABLE t IS 'things';
COMMENT ON INDEX t_a IS 'by a';
-- changes:
AlterTable table public.t
ReplaceIndex index public.t.t_a

-- case: storage parameters
-- actual:
CREATE TABLE t (a int);
-- expected:
CREATE TABLE t (a int) WITH (fillfactor = 70);
-- changes:
AlterTable table public.t

-- case: domain default and constraint changed
-- actual:
CREATE DOMAIN qty AS integer DEFAULT 0 CONSTRAINT qty_check CHECK (VALUE >= 0);
-- expected:
CREATE DOMAIN qty AS integer DEFAULT 1 NOT NULL CONSTRAINT qty_check CHECK (VALUE > 0);
-- changes:
AlterType type public.qty

-- case: views reading a retyped column are dropped and rebuilt around the change
-- actual:
CREATE TABLE t (id int PRIMARY KEY, qty int);
CREATE VIEW v_qty AS SELECT id, qty FROM t;
CREATE VIEW v_big AS SELECT id FROM v_qty WHERE qty > 10;
-- expected:
CREATE TABLE t (id int PRIMARY KEY, qty bigint);
CREATE VIEW v_qty AS SELECT id, qty FROM t;
CREATE VIEW v_big AS SELECT id FROM v_qty WHERE qty > 10;
-- changes:
AlterColumn column public.t.qty
-- plan contains:
DROP VIEW "public"."v_big"
DROP VIEW "public"."v_qty"

-- case: a replaced view takes the unchanged views that read it along
-- actual:
CREATE TABLE t (id int, flag boolean);
CREATE VIEW base AS SELECT id FROM t WHERE flag;
CREATE VIEW on_base AS SELECT id FROM base;
-- expected:
CREATE TABLE t (id int, flag boolean);
CREATE VIEW base AS SELECT id FROM t WHERE NOT flag;
CREATE VIEW on_base AS SELECT id FROM base;
-- changes:
ReplaceView view public.base
-- plan contains:
DROP VIEW "public"."on_base"

-- case: new views are created after the views they read, whatever their names
-- actual:
CREATE TABLE t (id int);
-- expected:
CREATE TABLE t (id int);
CREATE VIEW z_base AS SELECT id FROM t;
CREATE VIEW m_middle AS SELECT id FROM z_base;
CREATE VIEW a_top AS SELECT id FROM m_middle;
-- changes:
AddView view public.a_top
AddView view public.m_middle
AddView view public.z_base

-- case: unexpected views are dropped readers first
-- actual:
CREATE TABLE t (id int);
CREATE VIEW z_base AS SELECT id FROM t;
CREATE VIEW a_top AS SELECT id FROM z_base;
-- expected:
CREATE TABLE t (id int);
-- changes:
DropView view public.a_top
DropView view public.z_base

-- case: materialized view with an index rebuilt around a type change
-- actual:
CREATE TABLE t (id int, amount int);
CREATE MATERIALIZED VIEW totals AS SELECT id, sum(amount) AS s FROM t GROUP BY id;
CREATE UNIQUE INDEX totals_id ON totals (id);
-- expected:
CREATE TABLE t (id int, amount numeric(12,2));
CREATE MATERIALIZED VIEW totals AS SELECT id, sum(amount) AS s FROM t GROUP BY id;
CREATE UNIQUE INDEX totals_id ON totals (id);
-- changes:
AlterColumn column public.t.amount
-- plan contains:
DROP MATERIALIZED VIEW "public"."totals"

-- case: view in another schema reading a retyped table
-- actual:
CREATE SCHEMA rep;
CREATE TABLE t (id int, code varchar(10));
CREATE VIEW rep.codes AS SELECT code FROM public.t;
-- expected:
CREATE SCHEMA rep;
CREATE TABLE t (id int, code varchar(40));
CREATE VIEW rep.codes AS SELECT code FROM public.t;
-- changes:
AlterColumn column public.t.code
-- plan contains:
DROP VIEW "rep"."codes"

-- case: view comment alone is set without rebuilding the view
-- actual:
CREATE TABLE t (id int);
CREATE VIEW v AS SELECT id FROM t;
-- expected:
CREATE TABLE t (id int);
CREATE VIEW v AS SELECT id FROM t;
COMMENT ON VIEW v IS 'all ids';
-- changes:
ReplaceView view public.v
-- plan contains:
COMMENT ON VIEW "public"."v" IS 'all ids'

-- case: two tables that reference each other
-- actual:
CREATE TABLE other (id int);
-- expected:
CREATE TABLE other (id int);
CREATE TABLE author (id int PRIMARY KEY, best_book int);
CREATE TABLE book (id int PRIMARY KEY, author_id int REFERENCES author);
ALTER TABLE author ADD CONSTRAINT author_best_book_fkey FOREIGN KEY (best_book) REFERENCES book;
-- changes:
AddTable table public.author
AddTable table public.book

-- case: a self-referencing table
-- actual:
CREATE TABLE x (id int);
-- expected:
CREATE TABLE x (id int);
CREATE TABLE node (id int PRIMARY KEY, parent int REFERENCES node);
-- changes:
AddTable table public.node

-- case: foreign key cycle added between existing tables
-- actual:
CREATE TABLE a (id int PRIMARY KEY, b_id int);
CREATE TABLE b (id int PRIMARY KEY, a_id int);
-- expected:
CREATE TABLE a (id int PRIMARY KEY, b_id int);
CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a);
ALTER TABLE a ADD CONSTRAINT a_b_id_fkey FOREIGN KEY (b_id) REFERENCES b;
-- changes:
AddConstraint constraint public.a.a_b_id_fkey
AddConstraint constraint public.b.b_a_id_fkey
-- plan contains:
ALTER TABLE "public"."a" ADD CONSTRAINT "a_b_id_fkey" FOREIGN KEY (b_id) REFERENCES public.b(id) NOT VALID
ALTER TABLE "public"."a" VALIDATE CONSTRAINT "a_b_id_fkey"

-- case: check constraint added to an existing table is added NOT VALID, then validated
-- actual:
CREATE TABLE t (id int, qty int);
-- expected:
CREATE TABLE t (id int, qty int CONSTRAINT qty_positive CHECK (qty > 0));
-- changes:
AddConstraint constraint public.t.qty_positive
-- plan contains:
ALTER TABLE "public"."t" ADD CONSTRAINT "qty_positive" CHECK (qty > 0) NOT VALID
ALTER TABLE "public"."t" VALIDATE CONSTRAINT "qty_positive"

-- case: index added to an existing table is built concurrently
-- actual:
CREATE TABLE t (id int, email text);
-- expected:
CREATE TABLE t (id int, email text);
CREATE INDEX t_email ON t (email);
-- changes:
AddIndex index public.t.t_email
-- plan contains:
CREATE INDEX CONCURRENTLY "t_email" ON "public"."t" USING btree ("email")

-- case: partial index predicate changed
-- actual:
CREATE TABLE t (id int, state text);
CREATE INDEX t_open ON t (id) WHERE state = 'open';
-- expected:
CREATE TABLE t (id int, state text);
CREATE INDEX t_open ON t (id) WHERE state IN ('open', 'new');
-- changes:
ReplaceIndex index public.t.t_open

-- case: index method changed
-- actual:
CREATE TABLE t (id int, tag text);
CREATE INDEX t_tag ON t (tag);
-- expected:
CREATE TABLE t (id int, tag text);
CREATE INDEX t_tag ON t USING hash (tag);
-- changes:
ReplaceIndex index public.t.t_tag

-- case: unique index becomes non-unique
-- actual:
CREATE TABLE t (id int, code text);
CREATE UNIQUE INDEX t_code ON t (code);
-- expected:
CREATE TABLE t (id int, code text);
CREATE INDEX t_code ON t (code);
-- changes:
ReplaceIndex index public.t.t_code

-- case: descending and nulls-first index keys
-- actual:
CREATE TABLE t (id int, at timestamptz);
CREATE INDEX t_at ON t (at);
-- expected:
CREATE TABLE t (id int, at timestamptz);
CREATE INDEX t_at ON t (at DESC NULLS LAST);
-- changes:
ReplaceIndex index public.t.t_at

-- case: exclusion constraint missing
-- actual:
CREATE TABLE booking (room int, during tsrange);
-- expected:
CREATE TABLE booking (room int, during tsrange, CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&));
-- changes:
AddConstraint constraint public.booking.no_overlap

-- case: unique constraint added to an existing table
-- actual:
CREATE TABLE t (id int, code text);
-- expected:
CREATE TABLE t (id int, code text, CONSTRAINT t_code_key UNIQUE (code));
-- changes:
AddConstraint constraint public.t.t_code_key

-- case: primary key columns changed
-- actual:
CREATE TABLE t (a int NOT NULL, b int NOT NULL, CONSTRAINT t_pk PRIMARY KEY (a));
-- expected:
CREATE TABLE t (a int NOT NULL, b int NOT NULL, CONSTRAINT t_pk PRIMARY KEY (a, b));
-- changes:
ReplaceConstraint constraint public.t.t_pk

-- case: foreign key made deferrable initially deferred
-- actual:
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int, p_id int CONSTRAINT c_p REFERENCES p);
-- expected:
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int, p_id int CONSTRAINT c_p REFERENCES p DEFERRABLE INITIALLY DEFERRED);
-- changes:
ReplaceConstraint constraint public.c.c_p

-- case: not null dropped and default removed
-- actual:
CREATE TABLE t (id int NOT NULL DEFAULT 0);
-- expected:
CREATE TABLE t (id int);
-- changes:
AlterColumn column public.t.id

-- case: column type narrowed
-- actual:
CREATE TABLE t (id bigint, name varchar(200));
-- expected:
CREATE TABLE t (id bigint, name varchar(50));
-- changes:
AlterColumn column public.t.name

-- case: text to integer needs a cast
-- actual:
CREATE TABLE t (id int, n text);
-- expected:
CREATE TABLE t (id int, n integer);
-- changes:
AlterColumn column public.t.n

-- case: array and numeric precision columns
-- actual:
CREATE TABLE t (tags text[], price numeric(10,2));
-- expected:
CREATE TABLE t (tags varchar(20)[], price numeric(12,4));
-- changes:
AlterColumn column public.t.price
AlterColumn column public.t.tags

-- case: identity column made always instead of by default
-- actual:
CREATE TABLE t (id int GENERATED BY DEFAULT AS IDENTITY, v int);
-- expected:
CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY, v int);
-- changes:
AlterColumn column public.t.id

-- case: generated column expression changed
-- actual:
CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) STORED);
-- expected:
CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 3) STORED);
-- changes:
AlterColumn column public.t.b

-- case: column comment removed
-- actual:
CREATE TABLE t (id int);
COMMENT ON COLUMN t.id IS 'the id';
-- expected:
CREATE TABLE t (id int);
-- changes:
AlterColumn column public.t.id

-- case: enum type missing with a table using it
-- actual:
CREATE TABLE x (id int);
-- expected:
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE x (id int);
CREATE TABLE person (id int, m mood DEFAULT 'ok');
-- changes:
AddTable table public.person
AddType type public.mood

-- case: enum value inserted in the middle
-- actual:
CREATE TYPE level AS ENUM ('low', 'high');
-- expected:
CREATE TYPE level AS ENUM ('low', 'medium', 'high');
-- changes:
AlterType type public.level
-- plan contains:
ALTER TYPE "public"."level" ADD VALUE 'medium' AFTER 'low'

-- case: unexpected enum type
-- actual:
CREATE TYPE gone AS ENUM ('a');
-- expected:
-- changes:
DropType type public.gone

-- case: range type missing
-- actual:
CREATE TABLE x (id int);
-- expected:
CREATE TABLE x (id int);
CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
-- changes:
-- not compared:
unmodelled object "range type"."public.floatrange" (expected)
unmodelled object cast."(public.floatrange AS public.floatmultirange)" (expected)

-- case: sequence missing and unexpected
-- actual:
CREATE SEQUENCE old_seq;
-- expected:
CREATE SEQUENCE new_seq START 100 INCREMENT 5;
-- changes:
AddSequence sequence public.new_seq
DropSequence sequence public.old_seq

-- case: sequence cycle, bounds and cache changed
-- actual:
CREATE SEQUENCE s MINVALUE 1 MAXVALUE 1000;
-- expected:
CREATE SEQUENCE s MINVALUE 1 MAXVALUE 5000 CACHE 20 CYCLE;
-- changes:
AlterSequence sequence public.s

-- case: sequence data type narrowed
-- actual:
CREATE SEQUENCE s AS bigint;
-- expected:
CREATE SEQUENCE s AS integer;
-- changes:
AlterSequence sequence public.s

-- case: sql function missing, used by a view
-- actual:
CREATE TABLE t (id int);
-- expected:
CREATE TABLE t (id int);
CREATE FUNCTION twice(x int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT x * 2';
CREATE VIEW doubled AS SELECT twice(id) AS d FROM t;
-- changes:
AddRoutine routine public.twice(x integer)
AddView view public.doubled

-- case: function parameter default and strictness changed
-- actual:
CREATE FUNCTION f(a int, b int DEFAULT 1) RETURNS int LANGUAGE sql AS 'SELECT a + b';
-- expected:
CREATE FUNCTION f(a int, b int DEFAULT 2) RETURNS int LANGUAGE sql STRICT AS 'SELECT a + b';
-- changes:
ReplaceRoutine routine public.f(a integer, b integer)

-- case: plpgsql function with a changed body and comment
-- actual:
CREATE FUNCTION bump(x int) RETURNS int LANGUAGE plpgsql AS $$BEGIN RETURN x + 1; END$$;
-- expected:
CREATE FUNCTION bump(x int) RETURNS int LANGUAGE plpgsql AS $$BEGIN RETURN x + 2; END$$;
COMMENT ON FUNCTION bump(int) IS 'adds two';
-- changes:
ReplaceRoutine routine public.bump(x integer)

-- case: trigger function and trigger missing together
-- actual:
CREATE TABLE t (id int, touched timestamptz);
-- expected:
CREATE TABLE t (id int, touched timestamptz);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.touched := now(); RETURN NEW; END$$;
CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();
-- changes:
AddRoutine routine public.touch()
AddTrigger trigger public.t.t_touch

-- case: trigger events and condition changed
-- actual:
CREATE TABLE t (id int, v int);
CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER t_noop BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION noop();
-- expected:
CREATE TABLE t (id int, v int);
CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER t_noop BEFORE INSERT OR UPDATE OF v ON t FOR EACH ROW WHEN (NEW.v > 0) EXECUTE FUNCTION noop();
-- changes:
ReplaceTrigger trigger public.t.t_noop

-- case: unexpected trigger
-- actual:
CREATE TABLE t (id int);
CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER t_noop AFTER DELETE ON t FOR EACH STATEMENT EXECUTE FUNCTION noop();
-- expected:
CREATE TABLE t (id int);
CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
-- changes:
DropTrigger trigger public.t.t_noop

-- case: policy roles and permissive changed
-- actual:
CREATE TABLE doc (id int, owner name);
ALTER TABLE doc ENABLE ROW LEVEL SECURITY;
CREATE POLICY mine ON doc FOR SELECT USING (owner = current_user);
-- expected:
CREATE TABLE doc (id int, owner name);
ALTER TABLE doc ENABLE ROW LEVEL SECURITY;
CREATE POLICY mine ON doc AS RESTRICTIVE FOR ALL TO postgres USING (owner = current_user) WITH CHECK (owner = current_user);
-- changes:
ReplacePolicy policy public.doc.mine

-- case: unexpected policy
-- actual:
CREATE TABLE doc (id int);
CREATE POLICY everyone ON doc USING (true);
-- expected:
CREATE TABLE doc (id int);
-- changes:
DropPolicy policy public.doc.everyone

-- case: partition missing from a partitioned table
-- actual:
CREATE TABLE m (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE m_2025 PARTITION OF m FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
-- expected:
CREATE TABLE m (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE m_2025 PARTITION OF m FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE m_2026 PARTITION OF m FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
-- changes:
AddTable table public.m_2026

-- case: list partitions and a default partition
-- actual:
CREATE TABLE r (id int, region text) PARTITION BY LIST (region);
-- expected:
CREATE TABLE r (id int, region text) PARTITION BY LIST (region);
CREATE TABLE r_eu PARTITION OF r FOR VALUES IN ('eu', 'uk');
CREATE TABLE r_other PARTITION OF r DEFAULT;
-- changes:
AddTable table public.r_eu
AddTable table public.r_other

-- case: inheritance child missing
-- actual:
CREATE TABLE parent (id int);
-- expected:
CREATE TABLE parent (id int);
CREATE TABLE child (extra text) INHERITS (parent);
-- changes:
AddTable table public.child

-- case: identity sequence options (manual: GENERATED ... AS IDENTITY [ ( sequence_options ) ])
-- actual:
CREATE TABLE tickets (id bigint GENERATED BY DEFAULT AS IDENTITY, note text);
CREATE TABLE invoices (no int GENERATED ALWAYS AS IDENTITY (START WITH 1000 INCREMENT BY 10 CACHE 5), total numeric);
CREATE TABLE receipts (no int GENERATED BY DEFAULT AS IDENTITY (START WITH 50 MINVALUE 10), total numeric);
-- expected:
CREATE TABLE tickets (id bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 100 INCREMENT BY 5 MAXVALUE 100000 CYCLE), note text);
CREATE TABLE invoices (no int GENERATED ALWAYS AS IDENTITY, total numeric);
CREATE TABLE receipts (no int GENERATED ALWAYS AS IDENTITY (START WITH 50 MINVALUE 10), total numeric);
CREATE TABLE batches (id smallint GENERATED ALWAYS AS IDENTITY (INCREMENT BY -1), label text);
-- changes:
AddTable table public.batches
AlterColumn column public.invoices.no
AlterColumn column public.receipts.no
AlterColumn column public.tickets.id

-- case: function bodies are compared exactly, white space included (manual: CREATE FUNCTION ... AS 'definition')
-- actual:
CREATE FUNCTION greet(name text) RETURNS text LANGUAGE sql AS $$SELECT 'hello ' || name$$;
CREATE PROCEDURE tidy() LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1;
END;
$$;
-- expected:
CREATE FUNCTION greet(name text) RETURNS text LANGUAGE sql AS $$
SELECT 'hello ' || name
$$;
CREATE PROCEDURE tidy() LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1;  
END;
$$;
-- changes:
ReplaceRoutine routine public.greet(name text)
ReplaceRoutine routine public.tidy()

-- case: C-language function with its library and link symbol (manual: AS 'obj_file', 'link_symbol')
-- actual:
CREATE TABLE t (id int);
-- expected:
CREATE TABLE t (id int);
CREATE FUNCTION my_plpgsql_handler() RETURNS language_handler AS '$libdir/plpgsql', 'plpgsql_call_handler' LANGUAGE C;
-- changes:
AddRoutine routine public.my_plpgsql_handler()

-- case: whole-row argument in a single-table view (manual: row constructors, table.*)
-- actual:
CREATE TABLE item (id int, price numeric);
CREATE FUNCTION describe(i item) RETURNS text LANGUAGE sql AS $$SELECT i.id::text$$;
-- expected:
CREATE TABLE item (id int, price numeric);
CREATE FUNCTION describe(i item) RETURNS text LANGUAGE sql AS $$SELECT i.id::text$$;
CREATE VIEW item_text AS SELECT item.id, describe(item.*) AS text FROM item;
-- changes:
AddView view public.item_text

-- case: trigger condition ending in a parenthesis (manual: CREATE TRIGGER ... WHEN ( condition ))
-- actual:
CREATE TABLE accounts (id int, balance numeric);
CREATE FUNCTION check_account_update() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
-- expected:
CREATE TABLE accounts (id int, balance numeric);
CREATE FUNCTION check_account_update() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER check_update BEFORE UPDATE ON accounts FOR EACH ROW
    WHEN (OLD.balance IS DISTINCT FROM NEW.balance AND (NEW.balance > 0))
    EXECUTE FUNCTION check_account_update();
CREATE TRIGGER log_update AFTER UPDATE ON accounts FOR EACH ROW
    WHEN (OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION check_account_update();
-- changes:
AddTrigger trigger public.accounts.check_update
AddTrigger trigger public.accounts.log_update

-- case: sequence ownership moved and removed (manual: ALTER SEQUENCE ... OWNED BY { table_name.column_name | NONE })
-- actual:
CREATE TABLE orders (id int, legacy_id int);
CREATE SEQUENCE order_no OWNED BY orders.legacy_id;
CREATE SEQUENCE free_counter OWNED BY orders.id;
CREATE SEQUENCE loose;
-- expected:
CREATE TABLE orders (id int, legacy_id int);
CREATE SEQUENCE order_no OWNED BY orders.id;
CREATE SEQUENCE free_counter;
CREATE SEQUENCE loose OWNED BY orders.legacy_id;
-- changes:
AlterSequence sequence public.free_counter
AlterSequence sequence public.loose
AlterSequence sequence public.order_no

-- case: enum label removed and labels reordered: a new type, swapped in (manual: ALTER TYPE ... ADD VALUE only adds)
-- actual:
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy', 'ecstatic');
CREATE TABLE person (name text, current_mood mood DEFAULT 'ok');
CREATE TYPE size AS ENUM ('small', 'large', 'medium');
CREATE TABLE shirt (id int, s size NOT NULL);
CREATE VIEW shirt_sizes AS SELECT id, s FROM shirt;
-- expected:
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE person (name text, current_mood mood DEFAULT 'ok');
CREATE TYPE size AS ENUM ('small', 'medium', 'large');
CREATE TABLE shirt (id int, s size NOT NULL);
CREATE VIEW shirt_sizes AS SELECT id, s FROM shirt;
-- changes:
AlterType type public.mood
AlterType type public.size

-- case: partitioned table: a column, an index and a key added to the parent reach its partitions (manual: 5.12.2.2);
-- the online plan builds the parent's index without CONCURRENTLY, which PostgreSQL refuses there
-- actual:
CREATE TABLE measurement (city_id int NOT NULL, logdate date NOT NULL, peaktemp int) PARTITION BY RANGE (logdate);
CREATE TABLE measurement_y2006m02 PARTITION OF measurement FOR VALUES FROM ('2006-02-01') TO ('2006-03-01');
CREATE TABLE measurement_y2006m03 PARTITION OF measurement FOR VALUES FROM ('2006-03-01') TO ('2006-04-01');
CREATE INDEX measurement_city ON measurement (city_id);
-- expected:
CREATE TABLE measurement (city_id int NOT NULL, logdate date NOT NULL, peaktemp int, unitsales int) PARTITION BY RANGE (logdate);
CREATE TABLE measurement_y2006m02 PARTITION OF measurement FOR VALUES FROM ('2006-02-01') TO ('2006-03-01');
CREATE TABLE measurement_y2006m03 PARTITION OF measurement FOR VALUES FROM ('2006-03-01') TO ('2006-04-01');
CREATE INDEX measurement_usls_idx ON measurement (unitsales);
ALTER TABLE measurement ADD CONSTRAINT measurement_pk PRIMARY KEY (city_id, logdate);
-- changes:
AddColumn column public.measurement.unitsales
AddColumn column public.measurement_y2006m02.unitsales
AddColumn column public.measurement_y2006m03.unitsales
AddConstraint constraint public.measurement.measurement_pk
AddConstraint constraint public.measurement_y2006m02.measurement_y2006m02_pkey
AddConstraint constraint public.measurement_y2006m03.measurement_y2006m03_pkey
AddIndex index public.measurement.measurement_usls_idx
AddIndex index public.measurement_y2006m02.measurement_y2006m02_unitsales_idx
AddIndex index public.measurement_y2006m03.measurement_y2006m03_unitsales_idx
DropIndex index public.measurement.measurement_city
DropIndex index public.measurement_y2006m02.measurement_y2006m02_city_id_idx
DropIndex index public.measurement_y2006m03.measurement_y2006m03_city_id_idx

-- case: inheritance: a column and a check constraint added to the parent reach its child (manual: 5.10 Inheritance)
-- actual:
CREATE TABLE cities (name text, population float, elevation int);
CREATE TABLE capitals (state char(2)) INHERITS (cities);
-- expected:
CREATE TABLE cities (name text, population float, elevation int, founded date,
    CONSTRAINT cities_population_check CHECK (population >= 0));
CREATE TABLE capitals (state char(2), since date) INHERITS (cities);
-- changes:
AddColumn column public.capitals.founded
AddColumn column public.capitals.since
AddColumn column public.cities.founded
AddConstraint constraint public.capitals.cities_population_check
AddConstraint constraint public.cities.cities_population_check

-- case: table made logged again
-- actual:
CREATE UNLOGGED TABLE t (id int);
-- expected:
CREATE TABLE t (id int);
-- changes:
AlterTable table public.t

-- case: row level security forced on the owner (manual: ALTER TABLE ... FORCE ROW LEVEL SECURITY)
-- actual:
CREATE TABLE accounts (manager text, company text, contact_email text);
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
CREATE TABLE ledgers (id int);
ALTER TABLE ledgers ENABLE ROW LEVEL SECURITY;
ALTER TABLE ledgers FORCE ROW LEVEL SECURITY;
-- expected:
CREATE TABLE accounts (manager text, company text, contact_email text);
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE accounts FORCE ROW LEVEL SECURITY;
CREATE TABLE ledgers (id int);
ALTER TABLE ledgers ENABLE ROW LEVEL SECURITY;
-- changes:
AlterTable table public.accounts
AlterTable table public.ledgers

-- case: replica identity full, nothing and using an index (manual: ALTER TABLE ... REPLICA IDENTITY)
-- actual:
CREATE TABLE orders (id int NOT NULL, note text);
CREATE UNIQUE INDEX orders_id_idx ON orders (id);
CREATE TABLE audit (at timestamptz, payload text);
CREATE TABLE scratch (v text);
ALTER TABLE scratch REPLICA IDENTITY NOTHING;
-- expected:
CREATE TABLE orders (id int NOT NULL, note text);
CREATE UNIQUE INDEX orders_id_idx ON orders (id);
ALTER TABLE orders REPLICA IDENTITY USING INDEX orders_id_idx;
CREATE TABLE audit (at timestamptz, payload text);
ALTER TABLE audit REPLICA IDENTITY FULL;
CREATE TABLE scratch (v text);
CREATE TABLE stream (id int NOT NULL, v text);
CREATE UNIQUE INDEX stream_id ON stream (id);
ALTER TABLE stream REPLICA IDENTITY USING INDEX stream_id;
-- changes:
AddTable table public.stream
AlterTable table public.audit
AlterTable table public.orders
AlterTable table public.scratch

-- case: table comment removed
-- actual:
CREATE TABLE t (id int);
COMMENT ON TABLE t IS 'old';
-- expected:
CREATE TABLE t (id int);
-- changes:
AlterTable table public.t

-- case: schema comment changed
-- actual:
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'one';
-- expected:
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'two';
-- changes:
AlterSchema schema app

-- case: domain missing, used by a column of an existing table
-- actual:
CREATE TABLE t (id int, email text);
-- expected:
CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');
CREATE TABLE t (id int, email email);
-- changes:
AddType type public.email
AlterColumn column public.t.email

-- case: composite type missing and unexpected
-- actual:
CREATE TYPE old_pair AS (a int, b int);
-- expected:
CREATE TYPE new_pair AS (x text, y text);
-- changes:
AddType type public.new_pair
DropType type public.old_pair

-- case: quoted names with dots, quotes and reserved words
-- actual:
CREATE SCHEMA "my.schema";
CREATE TABLE "my.schema"."select" ("from" int, "a""b" text);
-- expected:
CREATE SCHEMA "my.schema";
CREATE TABLE "my.schema"."select" ("from" bigint, "a""b" text NOT NULL DEFAULT 'x', "Ünïcode col" int);
CREATE INDEX "idx.with.dots" ON "my.schema"."select" ("a""b");
CREATE VIEW "my.schema"."view ""q""" AS SELECT "from" FROM "my.schema"."select";
-- changes:
AddColumn column "my.schema".select."Ünïcode col"
AddIndex index "my.schema".select."idx.with.dots"
AddView view "my.schema"."view ""q"""
AlterColumn column "my.schema".select."a""b"
AlterColumn column "my.schema".select.from

-- case: mixed-case table names are distinct from lower-case ones
-- actual:
CREATE TABLE orders (id int);
-- expected:
CREATE TABLE orders (id int);
CREATE TABLE "Orders" (id int);
-- changes:
AddTable table public."Orders"

-- case: table dropped together with its view
-- actual:
CREATE TABLE keep (id int);
CREATE TABLE gone (id int);
CREATE VIEW gone_v AS SELECT id FROM gone;
-- expected:
CREATE TABLE keep (id int);
-- changes:
DropTable table public.gone
DropView view public.gone_v

-- case: column dropped with the index on it
-- actual:
CREATE TABLE t (id int, legacy text);
CREATE INDEX t_legacy ON t (legacy);
-- expected:
CREATE TABLE t (id int);
-- changes:
DropColumn column public.t.legacy
DropIndex index public.t.t_legacy

-- case: foreign key to a table in another schema
-- actual:
CREATE SCHEMA ref;
CREATE TABLE ref.country (code char(2) PRIMARY KEY);
CREATE TABLE address (id int, country char(2));
-- expected:
CREATE SCHEMA ref;
CREATE TABLE ref.country (code char(2) PRIMARY KEY);
CREATE TABLE address (id int, country char(2) REFERENCES ref.country);
-- changes:
AddConstraint constraint public.address.address_country_fkey

-- case: composite foreign key with match full
-- actual:
CREATE TABLE p (a int, b int, PRIMARY KEY (a, b));
CREATE TABLE c (a int, b int);
-- expected:
CREATE TABLE p (a int, b int, PRIMARY KEY (a, b));
CREATE TABLE c (a int, b int, CONSTRAINT c_ab FOREIGN KEY (a, b) REFERENCES p MATCH FULL ON UPDATE CASCADE);
-- changes:
AddConstraint constraint public.c.c_ab

-- case: check constraint made no inherit
-- actual:
CREATE TABLE t (v int, CONSTRAINT v_pos CHECK (v > 0));
-- expected:
CREATE TABLE t (v int, CONSTRAINT v_pos CHECK (v > 0) NO INHERIT);
-- changes:
ReplaceConstraint constraint public.t.v_pos

-- case: materialized view definition changed
-- actual:
CREATE TABLE t (id int, v int);
CREATE MATERIALIZED VIEW mv AS SELECT id FROM t;
-- expected:
CREATE TABLE t (id int, v int);
CREATE MATERIALIZED VIEW mv AS SELECT id, v FROM t;
-- changes:
ReplaceView view public.mv

-- case: security barrier view option
-- actual:
CREATE TABLE t (id int);
CREATE VIEW v AS SELECT id FROM t;
-- expected:
CREATE TABLE t (id int);
CREATE VIEW v WITH (security_barrier = true) AS SELECT id FROM t;
-- changes:
ReplaceView view public.v

-- case: default from a sequence changed to another sequence
-- actual:
CREATE SEQUENCE a_seq;
CREATE SEQUENCE b_seq;
CREATE TABLE t (id bigint DEFAULT nextval('a_seq'));
-- expected:
CREATE SEQUENCE a_seq;
CREATE SEQUENCE b_seq;
CREATE TABLE t (id bigint DEFAULT nextval('b_seq'));
-- changes:
AlterColumn column public.t.id

-- case: brin and gist indexes missing
-- actual:
CREATE TABLE ev (at timestamptz, span tsrange);
-- expected:
CREATE TABLE ev (at timestamptz, span tsrange);
CREATE INDEX ev_at ON ev USING brin (at);
CREATE INDEX ev_span ON ev USING gist (span);
-- changes:
AddIndex index public.ev.ev_at
AddIndex index public.ev.ev_span

-- case: an aggregate is modelled and created after its state function
-- actual:
CREATE TABLE t (id int);
-- expected:
CREATE TABLE t (id int);
CREATE FUNCTION z_concat(acc text, item text) RETURNS text LANGUAGE sql IMMUTABLE
    RETURN CASE WHEN acc IS NULL THEN item ELSE acc || ', ' || item END;
CREATE AGGREGATE a_concat(text) (SFUNC = z_concat, STYPE = text, INITCOND = '');
-- changes:
AddRoutine routine public.a_concat(text)
AddRoutine routine public.z_concat(acc text, item text)

-- case: an aggregate whose definition changed is replaced
-- actual:
CREATE AGGREGATE agg_sum(int) (SFUNC = int4pl, STYPE = int);
-- expected:
CREATE AGGREGATE agg_sum(int) (SFUNC = int4pl, STYPE = int, INITCOND = '0');
-- changes:
ReplaceRoutine routine public.agg_sum(integer)

-- case: an aggregate no longer declared is dropped
-- actual:
CREATE AGGREGATE agg_sum(int) (SFUNC = int4pl, STYPE = int);
-- expected:
-- changes:
DropRoutine routine public.agg_sum(integer)

-- case: a function is created after the function its SQL-standard body calls
-- actual:
-- expected:
CREATE FUNCTION z_double(x int) RETURNS int LANGUAGE sql IMMUTABLE RETURN x * 2;
CREATE FUNCTION a_quadruple(x int) RETURNS int LANGUAGE sql IMMUTABLE BEGIN ATOMIC SELECT z_double(z_double(x)); END;
-- changes:
AddRoutine routine public.a_quadruple(x integer)
AddRoutine routine public.z_double(x integer)

-- case: a function is created after the function its SQL string body calls (no catalog record)
-- actual:
-- expected:
CREATE FUNCTION z_base() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$;
CREATE FUNCTION a_uses_base() RETURNS int LANGUAGE sql AS $$ SELECT z_base() + 1 $$;
-- changes:
AddRoutine routine public.a_uses_base()
AddRoutine routine public.z_base()

-- case: a table is created after the functions its default, generated column and check call
-- actual:
-- expected:
CREATE FUNCTION z_next_code() RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN 'c'; END $$;
CREATE FUNCTION z_twice(x int) RETURNS int LANGUAGE sql IMMUTABLE RETURN x * 2;
CREATE TABLE a_item (code text DEFAULT z_next_code(), qty int CHECK (z_twice(qty) < 100),
    double_qty int GENERATED ALWAYS AS (z_twice(qty)) STORED);
CREATE INDEX a_item_twice ON a_item (z_twice(qty));
-- changes:
AddRoutine routine public.z_next_code()
AddRoutine routine public.z_twice(x integer)
AddTable table public.a_item

-- case: a function returning a table's rows is created after the table, a view calling it after both
-- actual:
-- expected:
CREATE TABLE z_film (id int, title text);
CREATE FUNCTION a_films() RETURNS SETOF z_film LANGUAGE sql STABLE BEGIN ATOMIC SELECT * FROM z_film; END;
CREATE VIEW a_view AS SELECT count(*) AS n FROM a_films();
-- changes:
AddRoutine routine public.a_films()
AddTable table public.z_film
AddView view public.a_view

-- case: a foreign key is added after the unique index it references
-- actual:
-- expected:
CREATE TABLE a_child (parent_code text);
CREATE TABLE z_parent (code text);
CREATE UNIQUE INDEX z_parent_code ON z_parent (code);
ALTER TABLE a_child ADD CONSTRAINT a_child_parent FOREIGN KEY (parent_code) REFERENCES z_parent (code);
-- changes:
AddTable table public.a_child
AddTable table public.z_parent

-- case: a function is dropped before the function it calls
-- actual:
CREATE FUNCTION z_double(x int) RETURNS int LANGUAGE sql IMMUTABLE RETURN x * 2;
CREATE FUNCTION a_quadruple(x int) RETURNS int LANGUAGE sql IMMUTABLE BEGIN ATOMIC SELECT z_double(z_double(x)); END;
-- expected:
-- changes:
DropRoutine routine public.a_quadruple(x integer)
DropRoutine routine public.z_double(x integer)

-- case: a trigger's transition tables are kept when it is created
-- actual:
CREATE TABLE t (id int);
CREATE FUNCTION count_new() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM count(*) FROM inserted; RETURN NULL; END $$;
-- expected:
CREATE TABLE t (id int);
CREATE FUNCTION count_new() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM count(*) FROM inserted; RETURN NULL; END $$;
CREATE TRIGGER t_count AFTER INSERT ON t REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION count_new();
CREATE TRIGGER t_count_changes AFTER UPDATE ON t REFERENCING OLD TABLE AS "Before" NEW TABLE AS after
    FOR EACH STATEMENT EXECUTE FUNCTION count_new();
-- changes:
AddTrigger trigger public.t.t_count
AddTrigger trigger public.t.t_count_changes

-- case: a disabled trigger stays disabled, replica and always triggers keep their firing state
-- actual:
CREATE TABLE t (id int);
CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER t_off BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION noop();
-- expected:
CREATE TABLE t (id int);
CREATE FUNCTION noop() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER t_off BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION noop();
ALTER TABLE t DISABLE TRIGGER t_off;
CREATE TRIGGER t_replica BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION noop();
ALTER TABLE t ENABLE REPLICA TRIGGER t_replica;
CREATE TRIGGER t_always BEFORE DELETE ON t FOR EACH ROW EXECUTE FUNCTION noop();
ALTER TABLE t ENABLE ALWAYS TRIGGER t_always;
-- changes:
AddTrigger trigger public.t.t_always
AddTrigger trigger public.t.t_replica
ReplaceTrigger trigger public.t.t_off

-- case: a comment on a sequence is planned
-- actual:
CREATE SEQUENCE s;
-- expected:
CREATE SEQUENCE s;
COMMENT ON SEQUENCE s IS 'order numbers';
-- changes:
AlterSequence sequence public.s
-- plan contains:
COMMENT ON SEQUENCE "public"."s" IS 'order numbers'

-- case: MINVALUE raised above the sequence's position moves the position with it
-- actual:
CREATE SEQUENCE s;
CREATE SEQUENCE d INCREMENT BY -1;
-- expected:
CREATE SEQUENCE s MINVALUE 100;
CREATE SEQUENCE d INCREMENT BY -1 MAXVALUE -100;
-- changes:
AlterSequence sequence public.d
AlterSequence sequence public.s

-- case: a table clustered on an index
-- actual:
CREATE TABLE t (a int, b int);
CREATE INDEX t_a ON t (a);
-- expected:
CREATE TABLE t (a int, b int);
CREATE INDEX t_a ON t (a);
ALTER TABLE t CLUSTER ON t_a;
-- changes:
ReplaceIndex index public.t.t_a
-- plan contains:
ALTER TABLE "public"."t" CLUSTER ON "t_a"

-- case: a table no longer clustered
-- actual:
CREATE TABLE t (a int, b int);
CREATE INDEX t_a ON t (a);
ALTER TABLE t CLUSTER ON t_a;
-- expected:
CREATE TABLE t (a int, b int);
CREATE INDEX t_a ON t (a);
-- changes:
ReplaceIndex index public.t.t_a

-- case: a table clustered on another index, and a new table clustered on its primary key
-- actual:
CREATE TABLE t (a int, b int);
CREATE INDEX t_a ON t (a);
CREATE INDEX t_b ON t (b);
ALTER TABLE t CLUSTER ON t_a;
-- expected:
CREATE TABLE t (a int, b int);
CREATE INDEX t_a ON t (a);
CREATE INDEX t_b ON t (b);
ALTER TABLE t CLUSTER ON t_b;
CREATE TABLE u (id int PRIMARY KEY);
ALTER TABLE u CLUSTER ON u_pkey;
-- changes:
AddTable table public.u
ReplaceIndex index public.t.t_a
ReplaceIndex index public.t.t_b

-- case: a table clustered on its primary key, and a comment on a constraint's index
-- actual:
CREATE TABLE t (id int PRIMARY KEY, code text UNIQUE);
CREATE TABLE c (t_id int REFERENCES t);
-- expected:
CREATE TABLE t (id int PRIMARY KEY, code text UNIQUE);
CREATE TABLE c (t_id int REFERENCES t);
ALTER TABLE t CLUSTER ON t_pkey;
COMMENT ON INDEX t_code_key IS 'codes are unique';
-- changes:
ReplaceConstraint constraint public.t.t_code_key
ReplaceConstraint constraint public.t.t_pkey
-- plan contains:
ALTER TABLE "public"."t" CLUSTER ON "t_pkey"
COMMENT ON INDEX "public"."t_code_key" IS 'codes are unique'

-- case: per-column statistics targets, set, changed and reset
-- actual:
CREATE TABLE t (a int, b int, c int);
ALTER TABLE t ALTER COLUMN b SET STATISTICS 200;
ALTER TABLE t ALTER COLUMN c SET STATISTICS 300;
-- expected:
CREATE TABLE t (a int, b int, c int);
ALTER TABLE t ALTER COLUMN a SET STATISTICS 500;
ALTER TABLE t ALTER COLUMN b SET STATISTICS 250;
CREATE TABLE u (id int);
ALTER TABLE u ALTER COLUMN id SET STATISTICS 1000;
-- changes:
AddTable table public.u
AlterColumn column public.t.a
AlterColumn column public.t.b
AlterColumn column public.t.c

-- case: a child's own default and NOT NULL on a column it inherits
-- actual:
-- expected:
CREATE TABLE parent (id int, status text DEFAULT 'new', note text);
CREATE TABLE child () INHERITS (parent);
ALTER TABLE child ALTER COLUMN status SET DEFAULT 'archived';
ALTER TABLE child ALTER COLUMN note SET NOT NULL;
-- changes:
AddTable table public.child
AddTable table public.parent

-- case: a table's inheritance parents change
-- actual:
CREATE TABLE old_parent (id int);
CREATE TABLE new_parent (id int);
CREATE TABLE child (id int) INHERITS (old_parent);
-- expected:
CREATE TABLE old_parent (id int);
CREATE TABLE new_parent (id int);
CREATE TABLE child (id int) INHERITS (new_parent);
-- changes:
AlterTable table public.child

-- case: comments on a view's columns are compared and planned
-- actual:
CREATE TABLE t (id int, name text);
CREATE VIEW v AS SELECT id, name FROM t;
COMMENT ON COLUMN v.name IS 'old';
-- expected:
CREATE TABLE t (id int, name text);
CREATE VIEW v AS SELECT id, name FROM t;
COMMENT ON COLUMN v.id IS 'the key';
CREATE VIEW w AS SELECT id AS "Key" FROM t;
COMMENT ON COLUMN w."Key" IS 'quoted';
-- changes:
AddView view public.w
ReplaceView view public.v
-- plan contains:
COMMENT ON COLUMN "public"."v"."id" IS 'the key'
COMMENT ON COLUMN "public"."v"."name" IS NULL

-- case: collations created before the columns that use them (CREATE COLLATION, ICU and libc)
-- actual:
CREATE TABLE t (id int);
-- expected:
CREATE COLLATION german_phonebook (provider = icu, locale = 'de-u-co-phonebk');
CREATE COLLATION case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION c_utf8 (provider = libc, locale = 'C.utf8');
COMMENT ON COLLATION case_insensitive IS 'equal when only case differs';
CREATE TABLE t (id int, name text COLLATE german_phonebook);
CREATE TABLE people (email text COLLATE case_insensitive UNIQUE, code varchar(8) COLLATE c_utf8);
CREATE DOMAIN ci_text AS text COLLATE case_insensitive;
-- changes:
AddColumn column public.t.name
AddTable table public.people
AddTextObject collation public.c_utf8
AddTextObject collation public.case_insensitive
AddTextObject collation public.german_phonebook
AddType type public.ci_text

-- case: a collation no longer used is dropped after its column
-- actual:
CREATE COLLATION german_phonebook (provider = icu, locale = 'de-u-co-phonebk');
CREATE TABLE t (id int, name text COLLATE german_phonebook);
-- expected:
CREATE TABLE t (id int, name text);
-- changes:
AlterColumn column public.t.name
DropTextObject collation public.german_phonebook

-- case: collation comment changed
-- actual:
CREATE COLLATION case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
-- expected:
CREATE COLLATION case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
COMMENT ON COLLATION case_insensitive IS 'equal when only case differs';
-- changes:
AlterTextObject collation public.case_insensitive

-- case: text search dictionary and configuration created before the index that uses them
-- actual:
CREATE TABLE docs (id int, body text);
-- expected:
CREATE TEXT SEARCH DICTIONARY english_stem_nostop (Template = snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION public.my_english (PARSER = default);
ALTER TEXT SEARCH CONFIGURATION my_english ADD MAPPING FOR asciiword, word WITH english_stem_nostop, simple;
ALTER TEXT SEARCH CONFIGURATION my_english ADD MAPPING FOR int, uint WITH simple;
COMMENT ON TEXT SEARCH CONFIGURATION my_english IS 'English words stemmed, stop words kept';
CREATE TABLE docs (id int, body text);
CREATE INDEX docs_body_fts ON docs USING gin (to_tsvector('public.my_english'::regconfig, body));
-- changes:
AddIndex index public.docs.docs_body_fts
AddTextObject text search configuration public.my_english
AddTextObject text search dictionary public.english_stem_nostop

-- case: text search configuration mappings and dictionary options changed in place
-- actual:
CREATE TEXT SEARCH DICTIONARY english_stem_nostop (Template = snowball, Language = english, StopWords = english);
CREATE TEXT SEARCH CONFIGURATION public.my_english (PARSER = default);
ALTER TEXT SEARCH CONFIGURATION my_english ADD MAPPING FOR asciiword WITH simple;
ALTER TEXT SEARCH CONFIGURATION my_english ADD MAPPING FOR int WITH simple;
-- expected:
CREATE TEXT SEARCH DICTIONARY english_stem_nostop (Template = snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION public.my_english (PARSER = default);
ALTER TEXT SEARCH CONFIGURATION my_english ADD MAPPING FOR asciiword WITH english_stem_nostop, simple;
ALTER TEXT SEARCH CONFIGURATION my_english ADD MAPPING FOR word WITH simple;
-- changes:
AlterTextObject text search configuration public.my_english
AlterTextObject text search dictionary public.english_stem_nostop

-- case: text search configuration dropped before the dictionary it maps to
-- actual:
CREATE TEXT SEARCH DICTIONARY english_stem_nostop (Template = snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION public.my_english (PARSER = default);
ALTER TEXT SEARCH CONFIGURATION my_english ADD MAPPING FOR asciiword WITH english_stem_nostop;
CREATE TABLE docs (id int, body text);
-- expected:
CREATE TABLE docs (id int, body text);
-- changes:
DropTextObject text search configuration public.my_english
DropTextObject text search dictionary public.english_stem_nostop
