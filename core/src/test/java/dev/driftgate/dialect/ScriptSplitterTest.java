package dev.driftgate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftgate.sql.ScriptSplitter;
import dev.driftgate.sql.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScriptSplitterTest {

    private static List<String> sql(List<SqlStatement> statements) {
        return statements.stream().map(SqlStatement::sql).toList();
    }

    private static List<Integer> lines(List<SqlStatement> statements) {
        return statements.stream().map(SqlStatement::line).toList();
    }

    @Nested
    class Postgres {
        private final Dialect pg = Dialects.postgres();

        @Test
        void splitsOnSemicolonsAndKeepsStartLines() {
            var s = pg.splitScript("CREATE TABLE a (i int);\n\n-- note; not a statement\nCREATE TABLE b (\n  j int\n);", "f.sql");
            assertEquals(List.of("CREATE TABLE a (i int)", "CREATE TABLE b (\n  j int\n)"), sql(s));
            assertEquals(List.of(1, 4), lines(s));
            assertEquals("f.sql:4", s.get(1).location());
        }

        @Test
        void keepsSemicolonsInsideStringsIdentifiersCommentsAndDollarQuotes() {
            String script = "SELECT 'a;b', \"c;d\", E'it\\'s;' /* x; /* nested; */ y; */;\n"
                    + "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 1; END $body$;\n"
                    + "SELECT $1, a$b FROM t;";
            var s = pg.splitScript(script, "f.sql");
            assertEquals(3, s.size(), sql(s).toString());
            assertTrue(s.get(1).sql().endsWith("$body$"));
            assertEquals(List.of(1, 2, 3), lines(s));
        }

        @Test
        void keepsBeginAtomicBodiesWhole() {
            String script = "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n"
                    + "  SELECT CASE WHEN a > 0 THEN 1 ELSE 2 END;\nEND;\nSELECT 2;";
            var s = pg.splitScript(script, "f.sql");
            assertEquals(2, s.size(), sql(s).toString());
            assertTrue(s.get(0).sql().endsWith("END"));
            assertEquals(6, s.get(1).line());
        }

        @Test
        void skipsPsqlMetaCommandsSuchAsRestrict() {
            String script = "\\restrict AbC123\nSET x = 1;\n\\connect shop\nCREATE TABLE t (i int);\n\\unrestrict AbC123\n";
            var s = pg.splitScript(script, "dump.sql");
            assertEquals(List.of("SET x = 1", "CREATE TABLE t (i int)"), sql(s));
            assertEquals(List.of(2, 4), lines(s));
        }

        @Test
        void namesFileAndLineOfAnUnterminatedString() {
            var e = assertThrows(ScriptSplitter.ScriptSyntaxException.class,
                    () -> pg.splitScript("SELECT 1;\nSELECT 'oops;\n", "bad.sql"));
            assertEquals("bad.sql:2: unterminated string starting here", e.getMessage());
        }

        @Test
        void namesAnUnterminatedDollarQuote() {
            var e = assertThrows(ScriptSplitter.ScriptSyntaxException.class,
                    () -> pg.splitScript("\n\nDO $x$ BEGIN", "bad.sql"));
            assertTrue(e.getMessage().startsWith("bad.sql:3: unterminated dollar-quoted string $x$"), e.getMessage());
        }
    }

    @Nested
    class Mysql {
        private final Dialect my = Dialects.mysql();

        @Test
        void followsDelimiterCommands() {
            String script = "DELIMITER $$\nCREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET @a = 1; END$$\n"
                    + "DELIMITER ;\nSELECT 1;";
            var s = my.splitScript(script, "f.sql");
            assertEquals(List.of("CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET @a = 1; END", "SELECT 1"),
                    sql(s));
            assertEquals(List.of(2, 4), lines(s));
        }

        @Test
        void knowsBackslashEscapesBackticksAndHashComments() {
            String script = "INSERT INTO `a;b` VALUES ('it\\'s; fine'); # comment; here\nSELECT 1 --x\n;-- real comment;\nSELECT 2;";
            var s = my.splitScript(script, "f.sql");
            assertEquals(3, s.size(), sql(s).toString());
            assertEquals("SELECT 1 --x", s.get(1).sql());
        }

        @Test
        void keepsConditionalCommentsAsStatements() {
            var s = my.splitScript("/*!40101 SET NAMES utf8mb4 */;\n/* plain */ SELECT 1;", "dump.sql");
            assertEquals(List.of("/*!40101 SET NAMES utf8mb4 */", "SELECT 1"), sql(s));
        }
    }
}
