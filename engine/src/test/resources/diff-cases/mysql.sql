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

-- case: column added at the end runs instantly
-- actual:
CREATE TABLE t (id int PRIMARY KEY, name varchar(20));
-- expected:
CREATE TABLE t (id int PRIMARY KEY, name varchar(20), note varchar(100) DEFAULT 'none');
-- changes:
AddColumn column {db}.t.note
-- plan contains:
ALTER TABLE `t` ADD COLUMN `note` varchar(100) NULL DEFAULT 'none', ALGORITHM=INSTANT

-- case: a default changed alone runs instantly
-- actual:
CREATE TABLE t (id int, status varchar(10) DEFAULT 'new');
-- expected:
CREATE TABLE t (id int, status varchar(10) DEFAULT 'open');
-- changes:
AlterColumn column {db}.t.status
-- plan contains:
ALTER TABLE `t` ALTER COLUMN `status` SET DEFAULT 'open', ALGORITHM=INSTANT

-- case: a default removed alone
-- actual:
CREATE TABLE t (id int, qty int NOT NULL DEFAULT 0);
-- expected:
CREATE TABLE t (id int, qty int NOT NULL);
-- changes:
AlterColumn column {db}.t.qty

-- case: column added to a table with a fulltext index is not instant
-- actual:
CREATE TABLE doc (id int PRIMARY KEY, body text, FULLTEXT KEY doc_body (body));
-- expected:
CREATE TABLE doc (id int PRIMARY KEY, body text, title varchar(80), FULLTEXT KEY doc_body (body));
-- changes:
AddColumn column {db}.doc.title
-- plan contains:
ALTER TABLE `doc` ADD COLUMN `title` varchar(80) NULL

-- case: secondary index added without locking writers
-- actual:
CREATE TABLE t (id int PRIMARY KEY, email varchar(100));
-- expected:
CREATE TABLE t (id int PRIMARY KEY, email varchar(100), KEY t_email (email));
-- changes:
AddIndex index {db}.t.t_email
-- plan contains:
ALTER TABLE `t` ADD INDEX `t_email` (`email`), ALGORITHM=INPLACE, LOCK=NONE

-- case: views are created after the views they read
-- actual:
CREATE TABLE t (id int);
-- expected:
CREATE TABLE t (id int);
CREATE VIEW z_base AS SELECT id FROM t;
CREATE VIEW m_middle AS SELECT id FROM z_base;
CREATE VIEW a_top AS SELECT id FROM m_middle;
-- changes:
AddView view {db}.a_top
AddView view {db}.m_middle
AddView view {db}.z_base

-- case: column retyped under a view
-- actual:
CREATE TABLE t (id int, qty int);
CREATE VIEW v AS SELECT id, qty FROM t;
-- expected:
CREATE TABLE t (id int, qty bigint);
CREATE VIEW v AS SELECT id, qty FROM t;
-- changes:
AlterColumn column {db}.t.qty

-- case: two tables that reference each other
-- actual:
CREATE TABLE other (id int);
-- expected:
CREATE TABLE other (id int);
CREATE TABLE author (id int PRIMARY KEY, best_book int);
CREATE TABLE book (id int PRIMARY KEY, author_id int, CONSTRAINT book_author FOREIGN KEY (author_id) REFERENCES author (id));
ALTER TABLE author ADD CONSTRAINT author_best FOREIGN KEY (best_book) REFERENCES book (id);
-- changes:
AddTable table {db}.author
AddTable table {db}.book

-- case: a self-referencing table
-- actual:
CREATE TABLE x (id int);
-- expected:
CREATE TABLE x (id int);
CREATE TABLE node (id int PRIMARY KEY, parent int, CONSTRAINT node_parent FOREIGN KEY (parent) REFERENCES node (id));
-- changes:
AddTable table {db}.node

-- case: foreign key on delete action changed
-- actual:
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int, p_id int, CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id));
-- expected:
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int, p_id int, CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE);
-- changes:
ReplaceConstraint constraint {db}.c.c_p

-- case: unique key made non-unique
-- actual:
CREATE TABLE t (id int, code varchar(10), UNIQUE KEY t_code (code));
-- expected:
CREATE TABLE t (id int, code varchar(10), KEY t_code (code));
-- changes:
ReplaceIndex index {db}.t.t_code

-- case: composite index column order changed
-- actual:
CREATE TABLE t (a int, b int, KEY t_ab (a, b));
-- expected:
CREATE TABLE t (a int, b int, KEY t_ab (b, a));
-- changes:
ReplaceIndex index {db}.t.t_ab

-- case: index comment changed
-- actual:
CREATE TABLE t (a int, KEY t_a (a) COMMENT 'old');
-- expected:
CREATE TABLE t (a int, KEY t_a (a) COMMENT 'new');
-- changes:
ReplaceIndex index {db}.t.t_a

-- case: unexpected index
-- actual:
CREATE TABLE t (a int, KEY t_a (a));
-- expected:
CREATE TABLE t (a int);
-- changes:
DropIndex index {db}.t.t_a

-- case: primary key columns changed
-- actual:
CREATE TABLE t (a int NOT NULL, b int NOT NULL, PRIMARY KEY (a));
-- expected:
CREATE TABLE t (a int NOT NULL, b int NOT NULL, PRIMARY KEY (a, b));
-- changes:
ReplaceConstraint constraint {db}.t."PRIMARY"

-- case: enum value appended
-- actual:
CREATE TABLE t (size enum('s','m'));
-- expected:
CREATE TABLE t (size enum('s','m','l'));
-- changes:
AlterColumn column {db}.t.size

-- case: set column members changed
-- actual:
CREATE TABLE t (flags set('a','b'));
-- expected:
CREATE TABLE t (flags set('a','b','c'));
-- changes:
AlterColumn column {db}.t.flags

-- case: decimal precision and unsigned changed
-- actual:
CREATE TABLE t (price decimal(10,2), n int);
-- expected:
CREATE TABLE t (price decimal(12,4), n int unsigned);
-- changes:
AlterColumn column {db}.t.n
AlterColumn column {db}.t.price

-- case: column collation changed
-- actual:
CREATE TABLE t (name varchar(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci);
-- expected:
CREATE TABLE t (name varchar(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin);
-- changes:
AlterColumn column {db}.t.name

-- case: column comment changed
-- actual:
CREATE TABLE t (id int COMMENT 'the id');
-- expected:
CREATE TABLE t (id int COMMENT 'the key');
-- changes:
AlterColumn column {db}.t.id

-- case: table comment changed
-- actual:
CREATE TABLE t (id int) COMMENT 'old';
-- expected:
CREATE TABLE t (id int) COMMENT 'new';
-- changes:
AlterTable table {db}.t

-- case: row format changed
-- actual:
CREATE TABLE t (id int) ROW_FORMAT=DYNAMIC;
-- expected:
CREATE TABLE t (id int) ROW_FORMAT=COMPACT;
-- changes:
AlterTable table {db}.t

-- case: virtual generated column expression changed
-- actual:
CREATE TABLE t (a int, b int AS (a * 2) VIRTUAL);
-- expected:
CREATE TABLE t (a int, b int AS (a * 3) VIRTUAL);
-- changes:
AlterColumn column {db}.t.b

-- case: stored generated column added is not instant
-- actual:
CREATE TABLE t (a int);
-- expected:
CREATE TABLE t (a int, b int AS (a + 1) STORED);
-- changes:
AddColumn column {db}.t.b
-- plan contains:
ALTER TABLE `t` ADD COLUMN `b` int GENERATED ALWAYS AS (`a` + 1) STORED

-- case: function missing
-- actual:
CREATE TABLE t (id int);
-- expected:
CREATE TABLE t (id int);
CREATE FUNCTION twice(x int) RETURNS int DETERMINISTIC RETURN x * 2;
-- changes:
AddRoutine routine {db}.twice(int)

-- case: function body changed
-- actual:
CREATE FUNCTION f(x int) RETURNS int DETERMINISTIC RETURN x + 1;
-- expected:
CREATE FUNCTION f(x int) RETURNS int DETERMINISTIC RETURN x + 2;
-- changes:
ReplaceRoutine routine {db}.f(int)

-- case: procedure unexpected
-- actual:
CREATE TABLE t (id int);
CREATE PROCEDURE p() SELECT 1;
-- expected:
CREATE TABLE t (id int);
-- changes:
DropRoutine routine {db}.p()

-- case: trigger missing
-- actual:
CREATE TABLE t (id int, touched datetime);
-- expected:
CREATE TABLE t (id int, touched datetime);
CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW SET NEW.touched = NOW();
-- changes:
AddTrigger trigger {db}.t.t_touch

-- case: trigger unexpected
-- actual:
CREATE TABLE t (id int, n int);
CREATE TRIGGER t_n BEFORE INSERT ON t FOR EACH ROW SET NEW.n = 1;
-- expected:
CREATE TABLE t (id int, n int);
-- changes:
DropTrigger trigger {db}.t.t_n

-- case: event missing
-- actual:
CREATE TABLE t (id int);
-- expected:
CREATE TABLE t (id int);
CREATE EVENT purge_old ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' DISABLE DO DELETE FROM t;
-- changes:
AddEvent event {db}.purge_old

-- case: unexpected view read by nothing
-- actual:
CREATE TABLE t (id int);
CREATE VIEW old_v AS SELECT id FROM t;
-- expected:
CREATE TABLE t (id int);
-- changes:
DropView view {db}.old_v

-- case: view with check option changed
-- actual:
CREATE TABLE t (id int);
CREATE VIEW v AS SELECT id FROM t WHERE id > 0;
-- expected:
CREATE TABLE t (id int);
CREATE VIEW v AS SELECT id FROM t WHERE id > 0 WITH CASCADED CHECK OPTION;
-- changes:
ReplaceView view {db}.v

-- case: check constraint missing
-- actual:
CREATE TABLE t (qty int);
-- expected:
CREATE TABLE t (qty int, CONSTRAINT qty_pos CHECK (qty > 0));
-- changes:
AddConstraint constraint {db}.t.qty_pos

-- case: table dropped with the foreign key that pointed at it
-- actual:
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (id int, p_id int, CONSTRAINT c_p FOREIGN KEY (p_id) REFERENCES p (id));
-- expected:
CREATE TABLE c (id int, p_id int, KEY c_p (p_id));
-- changes:
DropConstraint constraint {db}.c.c_p
DropTable table {db}.p

-- case: auto increment counters are never compared
-- actual:
CREATE TABLE t (id int AUTO_INCREMENT PRIMARY KEY) AUTO_INCREMENT=500;
-- expected:
CREATE TABLE t (id int AUTO_INCREMENT PRIMARY KEY);
-- changes:

-- case: a row format stated where the other side left the default is a difference
-- actual:
CREATE TABLE t (id int);
-- expected:
CREATE TABLE t (id int) ROW_FORMAT=DYNAMIC;
-- changes:
AlterTable table {db}.t

-- case: procedure parameter character set and collation changed
-- actual:
CREATE PROCEDURE p(IN name VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_swedish_ci) SELECT name;
-- expected:
CREATE PROCEDURE p(IN name VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_bin) SELECT name;
-- changes:
ReplaceRoutine routine {db}.p(varchar(20))

-- case: procedure parameter mode changed from OUT to INOUT
-- actual:
CREATE PROCEDURE p(OUT total INT) SET total = 1;
-- expected:
CREATE PROCEDURE p(INOUT total INT) SET total = total + 1;
-- changes:
ReplaceRoutine routine {db}.p(int)

-- case: function return character set changed
-- actual:
CREATE FUNCTION f() RETURNS VARCHAR(10) CHARACTER SET latin1 DETERMINISTIC RETURN 'x';
-- expected:
CREATE FUNCTION f() RETURNS VARCHAR(10) CHARACTER SET utf8mb4 DETERMINISTIC RETURN 'x';
-- changes:
ReplaceRoutine routine {db}.f()

-- case: 4-byte characters in a function body are compared as written
-- actual:
CREATE FUNCTION f() RETURNS VARCHAR(10) CHARACTER SET utf8mb4 DETERMINISTIC RETURN '🐬';
-- expected:
CREATE FUNCTION f() RETURNS VARCHAR(10) CHARACTER SET utf8mb4 DETERMINISTIC RETURN '🦭';
-- changes:
ReplaceRoutine routine {db}.f()

-- case: 4-byte characters in trigger and event bodies are compared as written
-- actual:
CREATE TABLE t (s varchar(10));
CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW SET NEW.s = '🐬';
CREATE EVENT e ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' DISABLE DO INSERT INTO t VALUES ('🐬');
-- expected:
CREATE TABLE t (s varchar(10));
CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW SET NEW.s = '🦭';
CREATE EVENT e ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' DISABLE DO INSERT INTO t VALUES ('🦭');
-- changes:
ReplaceEvent event {db}.e
ReplaceTrigger trigger {db}.t.t_bi

-- case: a procedure created under another sql_mode differs
-- actual:
CREATE PROCEDURE p() SELECT 'a' || 'b';
-- expected:
SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',PIPES_AS_CONCAT');
CREATE PROCEDURE p() SELECT 'a' || 'b';
-- changes:
ReplaceRoutine routine {db}.p()

-- case: an event start time stated differs
-- actual:
CREATE TABLE t (id int);
CREATE EVENT e ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' DISABLE DO DELETE FROM t;
-- expected:
CREATE TABLE t (id int);
CREATE EVENT e ON SCHEDULE EVERY 1 DAY STARTS '2031-01-01 00:00:00' DISABLE DO DELETE FROM t;
-- changes:
ReplaceEvent event {db}.e

-- case: subpartitions counted differently
-- actual:
CREATE TABLE ts (id int, purchased date) PARTITION BY RANGE (YEAR(purchased)) SUBPARTITION BY HASH (TO_DAYS(purchased)) SUBPARTITIONS 2 (PARTITION p0 VALUES LESS THAN (1990), PARTITION p1 VALUES LESS THAN MAXVALUE);
-- expected:
CREATE TABLE ts (id int, purchased date) PARTITION BY RANGE (YEAR(purchased)) SUBPARTITION BY HASH (TO_DAYS(purchased)) SUBPARTITIONS 3 (PARTITION p0 VALUES LESS THAN (1990), PARTITION p1 VALUES LESS THAN MAXVALUE);
-- changes:
AlterTable table {db}.ts

-- case: subpartitions named by hand
-- actual:
CREATE TABLE ts (id int, purchased date) PARTITION BY RANGE (YEAR(purchased)) SUBPARTITION BY HASH (TO_DAYS(purchased)) (PARTITION p0 VALUES LESS THAN (1990) (SUBPARTITION s0, SUBPARTITION s1), PARTITION p1 VALUES LESS THAN MAXVALUE (SUBPARTITION s2, SUBPARTITION s3));
-- expected:
CREATE TABLE ts (id int, purchased date) PARTITION BY RANGE (YEAR(purchased)) SUBPARTITION BY HASH (TO_DAYS(purchased)) (PARTITION p0 VALUES LESS THAN (1990) (SUBPARTITION s0, SUBPARTITION s1), PARTITION p1 VALUES LESS THAN MAXVALUE (SUBPARTITION s2, SUBPARTITION s4));
-- changes:
AlterTable table {db}.ts

-- case: KEY partitioning algorithm changed
-- actual:
CREATE TABLE tk (id int NOT NULL PRIMARY KEY) PARTITION BY KEY (id) PARTITIONS 4;
-- expected:
CREATE TABLE tk (id int NOT NULL PRIMARY KEY) PARTITION BY KEY ALGORITHM=1 (id) PARTITIONS 4;
-- changes:
AlterTable table {db}.tk

-- case: a table repartitioned
-- actual:
CREATE TABLE m (id int NOT NULL, y int NOT NULL, PRIMARY KEY (id, y)) PARTITION BY RANGE (y) (PARTITION p1 VALUES LESS THAN (2025), PARTITION pmax VALUES LESS THAN MAXVALUE);
-- expected:
CREATE TABLE m (id int NOT NULL, y int NOT NULL, PRIMARY KEY (id, y)) PARTITION BY HASH (id) PARTITIONS 3;
-- changes:
AlterTable table {db}.m

-- case: a table no longer partitioned
-- actual:
CREATE TABLE m (id int NOT NULL, y int NOT NULL, PRIMARY KEY (id, y)) PARTITION BY HASH (y) PARTITIONS 2;
-- expected:
CREATE TABLE m (id int NOT NULL, y int NOT NULL, PRIMARY KEY (id, y));
-- changes:
AlterTable table {db}.m

-- case: a unique key named like the foreign key on its column is kept
-- actual:
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (p_id int, KEY fk_p (p_id), CONSTRAINT fk_p FOREIGN KEY (p_id) REFERENCES p (id));
-- expected:
CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE c (p_id int, UNIQUE KEY fk_p (p_id), CONSTRAINT fk_p FOREIGN KEY (p_id) REFERENCES p (id));
-- changes:
ReplaceIndex index {db}.c.fk_p

-- case: page compression turned on
-- actual:
CREATE TABLE t (id int) ENGINE=InnoDB;
-- expected:
CREATE TABLE t (id int) ENGINE=InnoDB PAGE_COMPRESSED=1 PAGE_COMPRESSION_LEVEL=6;
-- changes:
AlterTable table {db}.t

-- case: an index made IGNORED
-- actual:
CREATE TABLE t (a int, KEY a_idx (a));
-- expected:
CREATE TABLE t (a int, KEY a_idx (a) IGNORED);
-- changes:
ReplaceIndex index {db}.t.a_idx

-- case: database character set changed
-- actual:
ALTER DATABASE CHARACTER SET latin1 COLLATE latin1_swedish_ci;
CREATE TABLE t (id int) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
-- expected:
ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE TABLE t (id int) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
-- changes:
AlterSchema schema {db}
