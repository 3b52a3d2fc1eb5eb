package dev.driftgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.testing.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code driftgate drift} over a fleet: an inventory file, identical schemas grouped by digest,
 * shards merged into one report, schema per tenant, and the connection limits.
 */
class DriftFleetTest {

    private static final String SCHEMA = "CREATE TABLE customer (id serial PRIMARY KEY, name text NOT NULL);"
            + "CREATE TABLE orders (id serial PRIMARY KEY, customer_id int REFERENCES customer (id), total numeric(10,2));"
            + "CREATE INDEX orders_customer ON orders (customer_id)";

    @TempDir
    Path dir;

    private static void run(ThrowawayDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String statement : sql.split(";")) {
                s.execute(statement);
            }
        }
    }

    private Path snapshotOf(ThrowawayDatabase db, String name) {
        Path file = dir.resolve(name + ".json");
        CliRun dump = CliRun.of("dump", "--url", db.jdbcUrl(), "--user", "postgres", "--out", file.toString());
        assertEquals(0, dump.exitCode(), dump.err());
        return file;
    }

    @Test
    void anInventoryOfTwelveIsGroupedByDigestAndShardsMergeIntoTheSameReport() throws Exception {
        Target target = Target.POSTGRES_SERVER;
        List<ThrowawayDatabase> dbs = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                ThrowawayDatabase db = target.server().createThrowaway();
                dbs.add(db);
                run(db, SCHEMA);
            }
            run(dbs.get(1), "ALTER TABLE customer ADD COLUMN hotfix int");
            run(dbs.get(3), "ALTER TABLE customer ADD COLUMN hotfix int");
            run(dbs.get(4), "DROP INDEX orders_customer");
            Path expected = snapshotOf(dbs.get(0), "expected");
            StringBuilder yaml = new StringBuilder("defaults:\n  user: postgres\nenvironments:\n");
            for (int i = 0; i < dbs.size(); i++) {
                yaml.append("  - name: tenant-").append(i).append("\n    url: ").append(dbs.get(i).jdbcUrl())
                        .append("\n    group: eu\n    labels: {tier: gold}\n");
            }
            // Snapshots of the expected schema stand for seven more in-sync databases.
            for (int i = 5; i < 12; i++) {
                yaml.append("  - name: tenant-").append(i).append("\n    snapshot: expected.json\n");
            }
            Path inventory = Files.writeString(dir.resolve("fleet.yaml"), yaml);

            Path html = dir.resolve("fleet.html");
            CliRun all = CliRun.of("drift", "--expected", expected.toString(), "--inventory", inventory.toString(),
                    "--parallel", "3", "--per-server", "2", "--html", html.toString(), "--results", dir.resolve("all").toString());
            assertEquals(1, all.exitCode(), all.out() + all.err());
            assertTrue(all.out().startsWith("drift scan: 12 environments: 9 in sync; 3 drifted in 2 distinct ways; 0 unreadable"),
                    all.out());
            assertFalse(all.out().contains("parity matrix"), "no matrix for a fleet of more than ten: " + all.out());
            assertTrue(all.out().contains("== drift 1 of 2: 2 environments (schema "), all.out());
            assertTrue(all.out().contains("): tenant-1, tenant-3\n"), all.out());
            assertTrue(all.out().contains("== drift 2 of 2: 1 environment (schema "), all.out());
            assertTrue(all.out().contains("in sync (9, schema "), all.out());
            assertEquals(1, all.out().split("DropColumn", -1).length - 1, "each distinct drift is shown once: " + all.out());
            String page = Files.readString(html);
            assertTrue(page.contains("<h1>3 of 12 environments drifted in 2 distinct ways</h1>"), page);
            assertFalse(page.contains("Parity matrix"), page);
            JsonNode results = new ObjectMapper().readTree(dir.resolve("all/results.json").toFile());
            assertEquals(3, results.path("groups").size());
            assertEquals("eu", results.path("groups").get(1).path("members").get(0).path("group").asText());
            assertEquals("gold", results.path("groups").get(1).path("members").get(0).path("labels").path("tier").asText());

            CliRun markdown = CliRun.of("drift", "--expected", expected.toString(), "--inventory", inventory.toString(),
                    "--format", "markdown");
            assertTrue(markdown.out().contains("**12 environments: 9 in sync; 3 drifted in 2 distinct ways; 0 unreadable**"),
                    markdown.out());
            assertTrue(markdown.out().contains("| drift 1 (`"), markdown.out());

            for (int shard = 1; shard <= 3; shard++) {
                CliRun part = CliRun.of("drift", "--expected", expected.toString(), "--inventory", inventory.toString(),
                        "--shard", shard + "/3", "--results", dir.resolve("shard-" + shard).toString());
                assertTrue(part.out().startsWith("drift scan: 4 environments: "), part.out());
                assertTrue(part.out().contains("(shard " + shard + "/3)"), part.out());
            }
            CliRun merged = CliRun.of("drift", "--merge", dir.resolve("shard-1").toString(), "--merge",
                    dir.resolve("shard-2").toString(), "--merge", dir.resolve("shard-3").toString());
            assertEquals(1, merged.exitCode(), merged.out() + merged.err());
            assertEquals(all.out().replaceAll("\\d+ ms", ""), merged.out().replaceAll("\\d+ ms", ""));

            CliRun twice = CliRun.of("drift", "--merge", dir.resolve("shard-1").toString(), "--merge",
                    dir.resolve("shard-1").toString());
            assertEquals(2, twice.exitCode());
            assertTrue(twice.err().contains("is in more than one shard"), twice.err());
        } finally {
            for (ThrowawayDatabase db : dbs) {
                db.close();
            }
        }
    }

    @Test
    void eachTenantSchemaOfOneDatabaseIsComparedWithTheExpectedSchema() throws Exception {
        Target target = Target.POSTGRES_SERVER;
        try (ThrowawayDatabase reference = target.server().createThrowaway();
                ThrowawayDatabase app = target.server().createThrowaway()) {
            run(reference, SCHEMA);
            Path expected = snapshotOf(reference, "expected");
            for (String tenant : List.of("tenant_a", "tenant_b", "tenant_c")) {
                run(app, "CREATE SCHEMA " + tenant + ";SET search_path = " + tenant + ";" + SCHEMA);
            }
            run(app, "ALTER TABLE tenant_c.orders ADD COLUMN note text");
            CliRun scan = CliRun.of("drift", "--expected", expected.toString(), "--tenants", app.jdbcUrl(),
                    "--tenant-pattern", "tenant_.*", "--user", "postgres");
            assertEquals(1, scan.exitCode(), scan.out() + scan.err());
            assertTrue(scan.out().startsWith("drift scan: 3 environments: 2 in sync; 1 drifted in 1 distinct way"), scan.out());
            assertTrue(scan.out().matches("(?s).*tenant_a\\s+in sync.*tenant_b\\s+in sync.*tenant_c\\s+DRIFT.*"), scan.out());
            assertTrue(scan.out().contains("column public.orders.note"), scan.out());
        }
    }

    @Test
    void noMoreConnectionsAtOnceThanTheLimitsAllow() throws Exception {
        Path expected = Files.writeString(dir.resolve("empty.json"), """
                {"formatVersion": 1, "dialect": "postgresql", "schemas": []}
                """);
        assertEquals(List.of(1, 1), connectionsAtOnce(expected, "1", "8"), "--per-server 1");
        assertEquals(3, connectionsAtOnce(expected, "8", "3").stream().mapToInt(Integer::intValue).sum(), "--parallel 3");
    }

    /** Connections open on each of two silent servers a moment after the scan of four environments on each began. */
    private static List<Integer> connectionsAtOnce(Path expected, String perServer, String parallel) throws Exception {
        try (SilentServer a = new SilentServer(); SilentServer b = new SilentServer()) {
            List<String> args = new ArrayList<>(List.of("drift", "--expected", expected.toString(), "--user", "u",
                    "--budget", "3", "--connect-timeout", "4", "--per-server", perServer, "--parallel", parallel));
            for (int i = 0; i < 4; i++) {
                args.addAll(List.of("--env", "a" + i + "=jdbc:postgresql://127.0.0.1:" + a.port() + "/db" + i));
                args.addAll(List.of("--env", "b" + i + "=jdbc:postgresql://127.0.0.1:" + b.port() + "/db" + i));
            }
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of(args.toArray(String[]::new)));
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (a.accepted() + b.accepted() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(400);
            List<Integer> open = List.of(a.accepted(), b.accepted());
            CliRun done = run.get();
            assertEquals(2, done.exitCode(), done.out() + done.err());
            assertTrue(done.out().startsWith("drift scan: 8 environments: 0 in sync; 0 drifted; 8 unreadable"), done.out());
            assertEquals(8, a.accepted() + b.accepted(), "each environment was tried");
            return open;
        }
    }
}
