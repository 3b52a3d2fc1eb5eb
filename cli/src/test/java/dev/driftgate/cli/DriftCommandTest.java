package dev.driftgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.testing.Target;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code driftgate drift} over several real environments at once. */
class DriftCommandTest {

    @TempDir
    Path dir;

    private static void run(ThrowawayDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void reportsEachEnvironmentAndKeepsScanningPastAnUnreachableOne() throws Exception {
        Target target = Target.POSTGRES_SERVER;
        Path expected = Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id int PRIMARY KEY, name text);");
        try (ThrowawayDatabase prod = target.server().createThrowaway();
                ThrowawayDatabase staging = target.server().createThrowaway()) {
            run(prod, "CREATE TABLE t (id int PRIMARY KEY, name text)");
            run(staging, "CREATE TABLE t (id int PRIMARY KEY, name text, hotfix int)");
            int closed;
            try (ServerSocket s = new ServerSocket(0)) {
                closed = s.getLocalPort();
            }
            CliRun all = CliRun.of("drift", "--expected", expected.toString(), "--env", "prod=" + prod.jdbcUrl(),
                    "--env", "staging=" + staging.jdbcUrl(), "--env", "dev=jdbc:postgresql://127.0.0.1:" + closed + "/dev",
                    "--user", "postgres");
            assertEquals(2, all.exitCode(), all.out() + all.err());
            assertTrue(all.out().contains("3 environments: 1 in sync; 1 drifted in 1 distinct way; 1 unreadable"), all.out());
            assertTrue(all.out().matches("(?s).*prod\\s+in sync.*"), all.out());
            assertTrue(all.out().matches("(?s).*column public\\.t\\.hotfix\\s+=\\s+DropColumn\\s+\\?.*"), all.out());
            assertTrue(all.out().contains("cannot connect"), all.out());

            CliRun drifted = CliRun.of("drift", "--expected", expected.toString(), "--env", "prod=" + prod.jdbcUrl(),
                    "--env", "staging=" + staging.jdbcUrl(), "--user", "postgres", "--format", "markdown");
            assertEquals(1, drifted.exitCode(), drifted.err());
            assertTrue(drifted.out().contains("| staging | DRIFT |"), drifted.out());

            Path html = dir.resolve("drift.html");
            CliRun repaired = CliRun.of("drift", "--expected", expected.toString(), "--env", "staging=" + staging.jdbcUrl(),
                    "--env", "prod=" + prod.jdbcUrl(), "--user", "postgres", "--sql", "--html", html.toString());
            assertEquals(1, repaired.exitCode(), repaired.err());
            String page = Files.readString(html);
            assertTrue(page.startsWith("<!DOCTYPE html>") && page.endsWith("</html>\n"), "one complete page");
            assertTrue(page.contains("<h1>1 of 2 environments drifted</h1>"), page);
            assertTrue(page.contains("<td><code>column public.t.hotfix</code></td><td class=\"cell-diff\">DropColumn</td>"
                    + "<td class=\"cell-eq\">=</td>"), page);
            assertTrue(page.contains("<h4>staging (actual)</h4><pre>{\n  &quot;name&quot; : &quot;hotfix&quot;"), page);
            assertTrue(page.contains("<pre class=\"sql\">-- verified on a scratch copy of staging"), page);
            assertTrue(!page.contains("<script") && !page.contains("src=\"http"), "self-contained: no scripts, no remote resources");
            assertTrue(repaired.out().contains("-- verified on a scratch copy of staging"), repaired.out());
            assertTrue(repaired.out().contains("ALTER TABLE \"public\".\"t\" DROP COLUMN \"hotfix\""), repaired.out());

            CliRun clean = CliRun.of("drift", "--expected", expected.toString(), "--env", "prod=" + prod.jdbcUrl(),
                    "--user", "postgres");
            assertEquals(0, clean.exitCode(), clean.out() + clean.err());
        }
    }

    @Test
    void anEnvironmentThatNeverAnswersEndsAtItsBudget() throws Exception {
        Path expected = Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE t (id int);");
        try (SilentServer silent = new SilentServer()) {
            long start = System.nanoTime();
            CliRun run = CliRun.of("drift", "--expected", expected.toString(), "--dialect", "postgresql",
                    "--env", "prod=jdbc:postgresql://127.0.0.1:" + silent.port() + "/shop", "--user", "u",
                    "--budget", "2", "--connect-timeout", "60");
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertEquals(2, run.exitCode(), run.out());
            assertTrue(run.out().contains("not read within the budget of 2 s"), run.out());
            assertTrue(seconds < 20, "took " + seconds + " s");
        }
    }
}
