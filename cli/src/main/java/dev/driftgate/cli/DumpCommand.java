package dev.driftgate.cli;

import dev.driftgate.database.LiveDatabase;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.SnapshotJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code driftgate dump}: reads a live database's schema into a snapshot, read-only. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = {"Write the schema of a live database as a canonical JSON snapshot.",
            "Safe against production: one read-only transaction with statement and lock timeouts; "
                    + "no statement that changes anything can run; the password never appears in output."},
        footer = {"", "Examples:",
            "  driftgate dump --url jdbc:postgresql://db:5432/shop --user reader --password-env PGPASSWORD --out shop.json",
            "  driftgate dump --url jdbc:mariadb://127.0.0.1:3306/shop --user root"})
final class DumpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--url", required = true,
            description = "JDBC URL: jdbc:postgresql://host:port/db, jdbc:mysql://... or jdbc:mariadb://...")
    String url;

    @Option(names = "--schema", paramLabel = "S",
            description = "Schema to read (repeatable). PostgreSQL default: every user schema; "
                    + "MySQL/MariaDB default: the database in the URL.")
    List<String> schemas = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the snapshot here instead of standard output.")
    Path out;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        SchemaSnapshot snapshot = LiveDatabase.snapshot(url, connection.settings(), schemas);
        if (out == null) {
            spec.commandLine().getOut().print(SnapshotJson.toJson(snapshot));
            spec.commandLine().getOut().flush();
        } else {
            SnapshotJson.write(snapshot, out);
            spec.commandLine().getErr().println("driftgate: wrote " + out + " (" + snapshot.tableCount() + " tables)");
        }
        return Main.OK;
    }
}
