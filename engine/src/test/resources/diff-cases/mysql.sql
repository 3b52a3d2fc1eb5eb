-- Diff cases, MySQL/MariaDB. Format as in postgresql.sql; the schema of each side is the
-- throwaway database, aligned by the diff.

-- case: identical schemas diff to nothing
-- actual:
CREATE TABLE t (id int PRIMARY KEY, name varchar(20)) ENGINE=InnoDB;
-- expected:
CREATE TABLE t (id int PRIMARY KEY, name varchar(20)) ENGINE=InnoDB;
-- changes:

-- case: missing table and unexpected column
-- actual:
CREATE TABLE a (id int, gone int);
-- expected:
CREATE TABLE a (id int);
CREATE TABLE b (id int);
-- changes:
AddTable table {db}.b
DropColumn column {db}.a.gone

-- case: widened varchar, new default, ON UPDATE
-- actual:
CREATE TABLE t (name varchar(20), qty int DEFAULT 1, ts timestamp NULL DEFAULT NULL);
-- expected:
CREATE TABLE t (name varchar(40), qty int DEFAULT 2, ts timestamp NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP);
-- changes:
AlterColumn column {db}.t.name
AlterColumn column {db}.t.qty
AlterColumn column {db}.t.ts

-- case: engine differs
-- actual:
CREATE TABLE t (id int) ENGINE=MyISAM;
-- expected:
CREATE TABLE t (id int) ENGINE=InnoDB;
-- changes:
AlterTable table {db}.t

-- case: generated foreign key names that differ are the same constraint
-- actual:
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (p_id int, CONSTRAINT c_ibfk_7 FOREIGN KEY (p_id) REFERENCES p (id));
-- expected:
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (p_id int, FOREIGN KEY (p_id) REFERENCES p (id));
-- changes:

-- case: index missing
-- actual:
CREATE TABLE t (a int, b int);
-- expected:
CREATE TABLE t (a int, b int, KEY t_ab (a, b));
-- changes:
AddIndex index {db}.t.t_ab

-- case: check constraint changed
-- actual:
CREATE TABLE t (a int, CONSTRAINT a_pos CHECK (a > 0));
-- expected:
CREATE TABLE t (a int, CONSTRAINT a_pos CHECK (a >= 0));
-- changes:
ReplaceConstraint constraint {db}.t.a_pos

-- case: view changed
-- actual:
CREATE TABLE t (a int, b int);
CREATE VIEW v AS SELECT a FROM t;
-- expected:
CREATE TABLE t (a int, b int);
CREATE VIEW v AS SELECT a, b FROM t;
-- changes:
ReplaceView view {db}.v

-- case: enum reordered
-- actual:
CREATE TABLE t (s enum('a','b'));
-- expected:
CREATE TABLE t (s enum('b','a'));
-- changes:
AlterColumn column {db}.t.s

-- case: procedure missing
-- actual:
CREATE TABLE t (a int);
-- expected:
CREATE TABLE t (a int);
CREATE PROCEDURE p() SELECT 1;
-- changes:
AddRoutine routine {db}.p()

-- case: trigger body changed
-- actual:
CREATE TABLE t (a int);
CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1;
-- expected:
CREATE TABLE t (a int);
CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 2;
-- changes:
ReplaceTrigger trigger {db}.t.t_bi

-- case: table charset changed
-- actual:
CREATE TABLE t (a varchar(10)) DEFAULT CHARSET=latin1;
-- expected:
CREATE TABLE t (a varchar(10)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
-- changes:
AlterTable table {db}.t

-- case: fulltext index missing
-- actual:
CREATE TABLE t (id int PRIMARY KEY, body text) ENGINE=InnoDB;
-- expected:
CREATE TABLE t (id int PRIMARY KEY, body text, FULLTEXT KEY t_body (body)) ENGINE=InnoDB;
-- changes:
AddIndex index {db}.t.t_body

-- case: event changed
-- actual:
CREATE TABLE t (a int);
CREATE EVENT purge_rows ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM t;
-- expected:
CREATE TABLE t (a int);
CREATE EVENT purge_rows ON SCHEDULE EVERY 2 DAY DISABLE DO DELETE FROM t;
-- changes:
ReplaceEvent event {db}.purge_rows

-- case: unexpected function and view
-- actual:
CREATE TABLE t (a int);
CREATE VIEW v AS SELECT a FROM t;
CREATE FUNCTION f(x int) RETURNS int DETERMINISTIC RETURN x + 1;
-- expected:
CREATE TABLE t (a int);
-- changes:
DropRoutine routine {db}.f(int)
DropView view {db}.v

-- case: generated column added
-- actual:
CREATE TABLE t (a int);
-- expected:
CREATE TABLE t (a int, twice int AS (a * 2) STORED);
-- changes:
AddColumn column {db}.t.twice

-- case: foreign key dropped
-- actual:
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (p_id int, KEY c_p (p_id), CONSTRAINT c_p_fk FOREIGN KEY (p_id) REFERENCES p (id));
-- expected:
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (p_id int, KEY c_p (p_id));
-- changes:
DropConstraint constraint {db}.c.c_p_fk

-- case: awkward identifiers
-- actual:
CREATE TABLE `Table ``Q``.x ü` (`select` int);
-- expected:
CREATE TABLE `Table ``Q``.x ü` (`select` int, `Mixed Case` varchar(20) DEFAULT 'it''s', KEY `Idx q` (`Mixed Case`));
-- changes:
AddColumn column {db}."Table `Q`.x ü"."Mixed Case"
AddIndex index {db}."Table `Q`.x ü"."Idx q"

-- case: primary key missing
-- actual:
CREATE TABLE t (id int NOT NULL);
-- expected:
CREATE TABLE t (id int NOT NULL PRIMARY KEY);
-- changes:
AddConstraint constraint {db}.t."PRIMARY"

-- case: unique index unexpected
-- actual:
CREATE TABLE t (email varchar(100), UNIQUE KEY t_email (email));
-- expected:
CREATE TABLE t (email varchar(100));
-- changes:
DropIndex index {db}.t.t_email

-- case: prefix index and descending key
-- actual:
CREATE TABLE t (a varchar(200), b int);
-- expected:
CREATE TABLE t (a varchar(200), b int, KEY t_ab (a(20), b DESC));
-- changes:
AddIndex index {db}.t.t_ab

-- case: auto increment and comment
-- actual:
CREATE TABLE t (id int NOT NULL PRIMARY KEY);
-- expected:
CREATE TABLE t (id int NOT NULL AUTO_INCREMENT PRIMARY KEY COMMENT 'the id') COMMENT='things';
-- changes:
AlterColumn column {db}.t.id
AlterTable table {db}.t

-- case: not null changed
-- actual:
CREATE TABLE t (a int NULL);
-- expected:
CREATE TABLE t (a int NOT NULL DEFAULT 0);
-- changes:
AlterColumn column {db}.t.a

-- case: view algorithm and security
-- actual:
CREATE TABLE t (a int);
CREATE VIEW v AS SELECT a FROM t;
-- expected:
CREATE TABLE t (a int);
CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW v AS SELECT a FROM t;
-- changes:
ReplaceView view {db}.v

-- case: partitioned table missing
-- actual:
CREATE TABLE other (a int);
-- expected:
CREATE TABLE other (a int);
CREATE TABLE m (id int NOT NULL, y int NOT NULL, PRIMARY KEY (id, y)) PARTITION BY RANGE (y) (PARTITION p1 VALUES LESS THAN (2025), PARTITION pmax VALUES LESS THAN MAXVALUE);
-- changes:
AddTable table {db}.m
