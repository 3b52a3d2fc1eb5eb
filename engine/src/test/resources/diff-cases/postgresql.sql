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
