package dev.driftgate.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.driftgate.database.LiveDatabase;
import dev.driftgate.dialect.Dialects;
import dev.driftgate.schema.Schema;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.SnapshotJson;
import dev.driftgate.schema.Table;
import dev.driftgate.sql.ConnectionSettings;
import dev.driftgate.sql.ScriptRunner;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;

/**
 * MySQL 8 is reached only through Testcontainers. Where Docker is absent (as on driftgate's own
 * CI machine) the test is skipped with that reason, visibly, never silently passed.
 */
class Mysql8ContainerTest {

    private static void needsDocker() {
        boolean docker;
        try {
            docker = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            docker = false;
        }
        if (!docker) {
            System.err.println("SKIPPED Mysql8ContainerTest: no Docker engine on this machine; "
                    + "MySQL 8 is tested through Testcontainers only where Docker exists");
        }
        assumeTrue(docker, "no Docker engine on this machine: MySQL 8 is tested through Testcontainers only");
    }

    @Test
    void goldenSchemaSnapshotsLikeMariaDb() throws Exception {
        needsDocker();
        try (MySQLContainer<?> mysql = new MySQLContainer<>("mysql:8.4")) {
            mysql.start();
            ConnectionSettings settings = ConnectionSettings.of("root", mysql.getPassword());
            String url = "jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306) + "/" + mysql.getDatabaseName();
            try (Connection c = DriverManager.getConnection(url, Dialects.mysql().connectionProperties(settings))) {
                Path everything = Path.of("src/test/resources/golden/mysql/everything.sql");
                ScriptRunner.run(c, Dialects.mysql().splitScript(ScriptRunner.read(everything), everything.toString()));
            }
            SchemaSnapshot mysql8 = LiveDatabase.snapshot(url, settings, List.of());
            SchemaSnapshot mariadb = SnapshotJson.read(Path.of("src/test/resources/golden/mysql/everything.json"));
            Schema actual = mysql8.schemas().get(0);
            Schema expected = mariadb.schemas().get(0);
            assertEquals(expected.tables().stream().map(Table::name).toList(),
                    actual.tables().stream().map(Table::name).toList());
            for (Table table : expected.tables()) {
                Table other = actual.table(table.name()).orElseThrow();
                assertEquals(table.columns().stream().map(c -> c.name() + " " + c.type() + " " + c.defaultValue()).toList(),
                        other.columns().stream().map(c -> c.name() + " " + c.type() + " " + c.defaultValue()).toList(),
                        "columns of " + table.name());
            }
        }
    }
}
