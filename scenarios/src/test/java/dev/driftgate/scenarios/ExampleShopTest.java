package dev.driftgate.scenarios;

import dev.driftgate.provision.SchemaLoader;
import dev.driftgate.schema.SnapshotJson;
import dev.driftgate.testing.Golden;
import dev.driftgate.testing.Target;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled example schema loads on every local target and snapshots to the approved file in
 * {@code example-shop/expected}, the same file the demo compares against.
 */
class ExampleShopTest {

    static List<Target> targets() {
        return Target.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void exampleSchemaMatchesApprovedSnapshot(Target target) {
        Path dir = Path.of("example-shop");
        SchemaLoader.Loaded loaded = SchemaLoader.load(target.server(),
                List.of(dir.resolve(target.dialect()).resolve("schema.sql")), "example-shop");
        Golden.assertMatches(dir.resolve("expected").resolve(target.dialect() + ".json"),
                Golden.portable(SnapshotJson.toJson(loaded.snapshot()), target));
    }
}
