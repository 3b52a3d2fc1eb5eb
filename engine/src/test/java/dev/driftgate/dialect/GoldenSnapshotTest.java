package dev.driftgate.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftgate.database.LiveDatabase;
import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.SnapshotJson;
import dev.driftgate.testing.Databases;
import dev.driftgate.testing.Golden;
import dev.driftgate.testing.Target;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loads a schema that covers every modelled object kind on every local target and compares the
 * snapshot with one golden file per dialect: the same file for PostgreSQL 15 and 18 (but for an extension's version), and for the
 * MariaDB server and the embedded MariaDB, which proves the snapshot is version-independent.
 */
class GoldenSnapshotTest {

    static List<Target> targets() {
        return Target.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void snapshotMatchesGoldenFile(Target target) throws Exception {
        Path script = Golden.sourcePath("golden/" + target.dialect() + "/everything.sql");
        try (ThrowawayDatabase db = Databases.loaded(target, script)) {
            SchemaSnapshot snapshot = LiveDatabase.snapshot(db.jdbcUrl(), Databases.settings(target), List.of());
            String raw = SnapshotJson.toJson(snapshot).replace(db.name(), "{database}");
            if (target == Target.POSTGRES_EMBEDDED) {
                assertTrue(raw.contains(Golden.BTREE_GIST_18), "PostgreSQL 18 ships btree_gist 1.8");
            }
            String json = Golden.portable(raw, target);
            Golden.assertMatches(Golden.sourcePath("golden/" + target.dialect() + "/everything.json"), json);

            SchemaSnapshot again = LiveDatabase.snapshot(db.jdbcUrl(), Databases.settings(target), List.of());
            assertEquals(SnapshotJson.toJson(snapshot), SnapshotJson.toJson(again), "re-dump is not byte-identical");
            assertEquals(snapshot, SnapshotJson.parse(SnapshotJson.toJson(snapshot), "round trip"),
                    "JSON round trip changed the snapshot");
            assertTrue(snapshot.tableCount() > 5);
        }
    }
}
