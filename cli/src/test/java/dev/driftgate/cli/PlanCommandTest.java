package dev.driftgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.sql.ScriptRunner;
import dev.driftgate.testing.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code driftgate plan}: a declared schema directory against a live database, the plan proven and then applied. */
class PlanCommandTest {

    @TempDir
    Path dir;

    static List<Target> targets() {
        return List.of(Target.POSTGRES_SERVER, Target.MARIADB_SERVER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void plansFromTheDatabaseToTheDeclaredSchemaAndThePlanReallyGetsThere(Target target) throws Exception {
        Path schema = Files.createDirectories(dir.resolve("schema"));
        Files.writeString(schema.resolve("b_orders.sql"),
                "CREATE TABLE orders (id int PRIMARY KEY, customer_id int, total decimal(10,2) NOT NULL DEFAULT 0, "
                        + "CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (id));");
        Files.writeString(schema.resolve("a_views.sql"), "CREATE VIEW big AS SELECT id FROM orders WHERE total > 100;");
        Files.writeString(schema.resolve("c_customer.sql"), "CREATE TABLE customer (id int PRIMARY KEY, name varchar(80));");
        String user = target.server().adminSettings().user();
        try (ThrowawayDatabase db = target.server().createThrowaway()) {
            try (Connection c = db.connect()) {
                ScriptRunner.run(c, target.server().dialect().splitScript(
                        "CREATE TABLE customer (id int PRIMARY KEY, name varchar(40), legacy int)", "setup"));
            }
            CliRun plan = CliRun.of("plan", "--target", schema.toString(), "--url", db.jdbcUrl(), "--user", user);
            assertEquals(1, plan.exitCode(), plan.out() + plan.err());
            assertTrue(plan.out().contains("-- verified:"), plan.out());
            assertFalse(plan.out().contains("UNVERIFIED"), plan.out());

            // Apply the printed plan to the real database: it must now match the declared schema.
            String script = plan.out().substring(plan.out().indexOf("-- verified:"));
            try (Connection c = db.connect()) {
                ScriptRunner.run(c, target.server().dialect().splitScript(script, "plan output"));
            }
            CliRun again = CliRun.of("plan", "--target", schema.toString(), "--url", db.jdbcUrl(), "--user", user);
            assertEquals(0, again.exitCode(), again.out() + again.err());
        }
    }
}
