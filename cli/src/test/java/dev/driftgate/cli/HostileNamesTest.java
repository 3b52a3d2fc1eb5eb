package dev.driftgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.testing.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Names and literals are data, whatever they hold. Schemas whose tables, columns, indexes, views,
 * comments and defaults are named with newlines, quotes, backticks, backslashes, comment openers,
 * psql and mariadb client commands, terminal escapes, bidi overrides and markup go through every
 * renderer: the printed plan is run by the dialect's own client (psql -f, mariadb) and must apply,
 * converge and run nothing else; the text, Markdown, JSON, SARIF and HTML outputs, the gate's
 * JUnit XML and the reports rendered from its results must stay well-formed with every name in
 * its place. Cases are generated from fixed seeds (the seed is in every failure message), plus one
 * case holding every payload.
 */
class HostileNamesTest {

    /** Fragments that have broken a renderer somewhere, in some tool. {@code pwned} is the sentinel file. */
    private static final List<String> PAYLOADS = List.of("\n", "\r\n", "\r", "'", "\"", "`", "\\", "--", "/*", "*/",
            ";", "\\! touch pwned", "\nDROP TABLE victim; --", "\u001b[31m", "\u001b]0;t\u0007", "\b", "\u202e",
            "\u2028", "é", "|", "<script>x</script>", "$$", "$body$", "]]>", "&amp;", "*_[a](b)_*", "#", "\t");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A name built from payloads: short enough for both servers (63 bytes, 64 characters), never blank-ended. */
    static String name(Random random, String prefix) {
        StringBuilder out = new StringBuilder(prefix);
        int parts = 2 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            out.append(PAYLOADS.get(random.nextInt(PAYLOADS.size()))).append((char) ('a' + random.nextInt(26)));
        }
        return fit(out.toString());
    }

    private static String fit(String name) {
        String s = name;
        while (s.getBytes(StandardCharsets.UTF_8).length > 60) {
            s = s.substring(0, s.offsetByCodePoints(s.length(), -1));
        }
        return s.strip() + "z";
    }

    /** The literal that holds every payload at once (comments and defaults have no length limit). */
    static String everyPayload() {
        return String.join("·", PAYLOADS);
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Target target : List.of(Target.POSTGRES_SERVER, Target.MARIADB_SERVER)) {
            for (long seed = 1; seed <= 3; seed++) {
                out.add(Arguments.of(target, seed));
            }
        }
        return out.stream();
    }

    /** The objects of one case: a table with a column, index, view, comments and a default, all named hostilely. */
    record Names(String table, String column, String index, String view, String dropped, String comment,
            String fallback) {

        static Names of(long seed) {
            Random random = new Random(seed);
            return new Names(name(random, "t"), name(random, "c"), name(random, "i"), name(random, "v"),
                    name(random, "d"), seed == 1 ? everyPayload() : name(random, "k"), name(random, "f"));
        }
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("cases")
    void thePrintedPlanRunsInTheDialectsOwnClientAndRunsNothingElse(Target target, long seed) throws Exception {
        Names n = Names.of(seed);
        boolean pg = target.dialect().equals("postgresql");
        String context = target + ", seed " + seed + ", names " + JSON.writeValueAsString(n);
        try (ThrowawayDatabase expected = target.server().createThrowaway();
                ThrowawayDatabase actual = target.server().createThrowaway()) {
            execute(expected, "CREATE TABLE victim (id int)");
            for (String ddl : pg ? postgresObjects(n) : mysqlObjects(n)) {
                execute(expected, ddl);
            }
            execute(actual, "CREATE TABLE victim (id int)");
            execute(actual, "CREATE TABLE " + q(pg, n.dropped()) + " (id int)");

            String user = pg ? "postgres" : "root";
            String scratch = pg ? "jdbc:postgresql://127.0.0.1:5432/postgres" : "jdbc:mariadb://127.0.0.1:3306/";
            CliRun text = CliRun.of("diff", expected.jdbcUrl(), actual.jdbcUrl(), "--user", user);
            assertEquals(1, text.exitCode(), context + text.err());
            assertPrintable(text.out(), context);
            for (String line : text.out().split("\n")) {
                assertFalse(line.startsWith("DROP"), context + ": a name started a line of its own: " + text.out());
            }
            assertMarkdownTables(CliRun.of("diff", expected.jdbcUrl(), actual.jdbcUrl(), "--user", user, "--format",
                    "markdown").out(), context);
            JSON.readTree(CliRun.of("diff", expected.jdbcUrl(), actual.jdbcUrl(), "--user", user, "--format", "json").out());
            JSON.readTree(CliRun.of("diff", expected.jdbcUrl(), actual.jdbcUrl(), "--user", user, "--format", "sarif").out());

            CliRun plan = CliRun.of("diff", expected.jdbcUrl(), actual.jdbcUrl(), "--user", user, "--sql",
                    "--scratch-url", scratch);
            assertEquals(1, plan.exitCode(), context + plan.err());
            assertTrue(plan.out().contains("-- verified"), context + ": " + plan.out());
            Path script = Files.writeString(dir.resolve("plan.sql"), plan.out());
            runClient(pg, actual, script, context);
            assertFalse(Files.exists(dir.resolve("pwned")), context + ": the client ran a shell command from the plan");
            assertTrue(tableExists(actual, "victim"), context + ": the plan dropped a table it does not name");
            CliRun after = CliRun.of("diff", expected.jdbcUrl(), actual.jdbcUrl(), "--user", user);
            assertEquals(0, after.exitCode(), context + ": the plan as printed does not converge: " + after.out());
        }
    }

    @Test
    void theDriftReportsKeepEveryNameInItsPlace() throws Exception {
        Names n = Names.of(1);
        Target target = Target.POSTGRES_SERVER;
        try (ThrowawayDatabase expected = target.server().createThrowaway();
                ThrowawayDatabase actual = target.server().createThrowaway()) {
            for (String ddl : postgresObjects(n)) {
                execute(expected, ddl);
            }
            execute(actual, "CREATE TABLE " + q(true, n.dropped()) + " (id int)");
            Path snapshot = dir.resolve("expected.json");
            assertEquals(0, CliRun.of("dump", "--url", expected.jdbcUrl(), "--user", "postgres", "--out",
                    snapshot.toString()).exitCode());
            Path html = dir.resolve("drift.html");
            String env = "prod" + n.table();
            CliRun text = CliRun.of("drift", "--expected", snapshot.toString(), "--env", env + "=" + actual.jdbcUrl(),
                    "--user", "postgres", "--html", html.toString());
            assertEquals(1, text.exitCode(), text.out() + text.err());
            assertPrintable(text.out(), "drift text");
            String page = Files.readString(html);
            assertPrintable(page, "drift html");
            assertFalse(page.contains("<script>"), "markup from a name reached the page: " + page);
            CliRun markdown = CliRun.of("drift", "--expected", snapshot.toString(), "--env", env + "=" + actual.jdbcUrl(),
                    "--user", "postgres", "--format", "markdown");
            assertPrintable(markdown.out(), "drift markdown");
            assertFalse(markdown.out().contains("<script>"), markdown.out());
        }
    }

    @Test
    void theGatesJunitXmlAndReportsStayWellFormed() throws Exception {
        Names n = Names.of(2);
        Path scenario = Files.createDirectories(dir.resolve("scenario"));
        Path migrations = Files.createDirectories(scenario.resolve("migrations"));
        Files.writeString(scenario.resolve("driftgate.yaml"), """
                dialect: postgresql
                migrations:
                  path: migrations
                  layout: flyway
                candidates: "2.."
                rollback: required
                """);
        Files.writeString(migrations.resolve("V1__victim.sql"), "CREATE TABLE victim (id int);\n");
        Files.writeString(migrations.resolve("U1__victim.sql"), "DROP TABLE victim;\n");
        Files.writeString(migrations.resolve("V2__hostile.sql"), String.join(";\n", postgresObjects(n)) + ";\n");
        Files.writeString(migrations.resolve("U2__hostile.sql"), "DROP VIEW " + q(true, n.view()) + ";\nDROP TABLE "
                + q(true, n.table()) + ";\n");
        // A rollback that forgets a hostile column: its name travels into every failure message.
        Files.writeString(migrations.resolve("V3__broken.sql"), "ALTER TABLE " + q(true, n.table()) + " ADD COLUMN "
                + q(true, n.fallback()) + " int;\n");
        Files.writeString(migrations.resolve("U3__broken.sql"), "SELECT 1;\n");
        Path junit = dir.resolve("junit");
        Path results = dir.resolve("results");
        CliRun gate = CliRun.of("test", scenario.toString(), "--junit-xml", junit.toString(), "--results",
                results.toString());
        assertEquals(1, gate.exitCode(), gate.out() + gate.err());
        assertPrintable(gate.out(), "gate console");
        assertTrue(gate.out().contains("rollback restores the schema"), gate.out());
        try (Stream<Path> files = Files.list(junit)) {
            List<Path> xml = files.filter(p -> p.toString().endsWith(".xml")).toList();
            assertFalse(xml.isEmpty(), "no JUnit XML written");
            for (Path f : xml) {
                try {
                    DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(f.toFile());
                } catch (Exception e) {
                    fail("JUnit XML " + f.getFileName() + " is not well-formed: " + e.getMessage());
                }
            }
        }
        Path md = dir.resolve("summary.md");
        Path sarif = dir.resolve("gate.sarif");
        Path quality = dir.resolve("quality.json");
        CliRun report = CliRun.of("report", "--results", results.toString(), "--markdown", md.toString(), "--sarif",
                sarif.toString(), "--code-quality", quality.toString());
        assertEquals(0, report.exitCode(), report.err());
        String summary = Files.readString(md);
        assertPrintable(summary, "summary");
        assertFalse(summary.contains("<script>"), summary);
        assertMarkdownTables(summary, "summary");
        JSON.readTree(sarif.toFile());
        JSON.readTree(quality.toFile());
    }

    private static List<String> postgresObjects(Names n) {
        String t = q(true, n.table());
        String c = q(true, n.column());
        return List.of("CREATE TABLE " + t + " (id int PRIMARY KEY, " + c + " text DEFAULT " + literal(n.comment()) + ")",
                "COMMENT ON TABLE " + t + " IS " + literal(n.comment()),
                "COMMENT ON COLUMN " + t + "." + c + " IS " + literal(n.table()),
                "CREATE INDEX " + q(true, n.index()) + " ON " + t + " (" + c + ")",
                "CREATE VIEW " + q(true, n.view()) + " AS SELECT " + c + " FROM " + t,
                "COMMENT ON VIEW " + q(true, n.view()) + " IS " + literal(n.view()));
    }

    private static List<String> mysqlObjects(Names n) {
        String t = q(false, n.table());
        String c = q(false, n.column());
        return List.of("CREATE TABLE " + t + " (id int PRIMARY KEY, " + c + " varchar(200) DEFAULT "
                        + mysqlLiteral(n.fallback()) + " COMMENT " + mysqlLiteral(n.table()) + ") COMMENT "
                        + mysqlLiteral(n.comment()),
                "CREATE INDEX " + q(false, n.index()) + " ON " + t + " (" + c + ")",
                "CREATE VIEW " + q(false, n.view()) + " AS SELECT " + c + " FROM " + t);
    }

    private static String q(boolean pg, String name) {
        return pg ? "\"" + name.replace("\"", "\"\"") + "\"" : "`" + name.replace("`", "``") + "`";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A MariaDB literal in the server's default sql_mode (backslashes escape). */
    private static String mysqlLiteral(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    private static void execute(ThrowawayDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static boolean tableExists(ThrowawayDatabase db, String table) throws Exception {
        try (Connection c = db.connect(); ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
            return rs.next();
        }
    }

    /** Runs the script with the dialect's own client, in this test's directory (where {@code pwned} would appear). */
    private void runClient(boolean pg, ThrowawayDatabase db, Path script, String context) throws IOException,
            InterruptedException {
        List<String> command = pg
                ? List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-U", "postgres", "-d", db.name(),
                        "-f", script.toString())
                : List.of("mariadb", "--protocol=tcp", "-h", "127.0.0.1", "-uroot", db.name());
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        if (!pg) {
            builder.redirectInput(script.toFile());
        }
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), context + ": the client did not finish");
        assertEquals(0, p.exitValue(), context + ": the client failed on the printed plan: " + output + "\n"
                + Files.readString(script));
    }

    /** No character that could steer a terminal or fake a line: only line feeds among the controls. */
    private static void assertPrintable(String text, String context) {
        text.codePoints().forEach(cp -> {
            boolean control = Character.getType(cp) == Character.CONTROL && cp != '\n';
            boolean steering = cp == 0x2028 || cp == 0x2029 || (cp >= 0x202a && cp <= 0x202e);
            if (control || steering) {
                fail(context + ": raw U+" + String.format("%04X", cp) + " in output: " + text);
            }
        });
    }

    /** Every row of each Markdown table has as many cells as its header: no name split a row or a table. */
    private static void assertMarkdownTables(String markdown, String context) {
        assertPrintable(markdown, context);
        int header = -1;
        int tables = 0;
        for (String line : markdown.split("\n")) {
            if (!line.startsWith("|")) {
                header = -1;
                continue;
            }
            int cells = line.replace("\\|", "").split("\\|", -1).length - 2;
            if (header < 0) {
                header = cells;
                tables++;
            } else if (cells != header) {
                fail(context + ": a table row with " + cells + " cells under a header of " + header + ": " + line
                        + "\n" + markdown);
            }
        }
        assertTrue(tables > 0, context + ": no table at all: " + markdown);
    }
}
