package dev.driftgate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotJsonTest {

    private static SchemaSnapshot sample() {
        Column id = new Column("id", "integer", false, null, "ALWAYS", null, null, null, Map.of());
        Column name = new Column("Name \"x\"", "text", true, "'a'", null, null, null, "a comment", Map.of());
        Table b = new Table("b", "postgres", null, List.of(id, name), List.of(), List.of(), List.of(), List.of(),
                null, null, null, List.of(), List.of(), Map.of("z", "1", "a", "2"), List.of());
        Table a = new Table("a", "postgres", null, List.of(id), List.of(), List.of(), List.of(), List.of(),
                null, null, null, List.of(), List.of(), Map.of(), List.of());
        Schema schema = new Schema("public", "postgres", null, List.of(b, a), List.of(), List.of(), List.of(),
                List.of(), List.of(), Map.of(), List.of(), List.of());
        return new SchemaSnapshot(SchemaSnapshot.FORMAT_VERSION, "postgresql", List.of(schema), List.of(), List.of());
    }

    @Test
    void writesSortedKeysAndListsWithAFinalNewline() {
        String json = SnapshotJson.toJson(sample());
        assertTrue(json.startsWith("{\n  \"dialect\": \"postgresql\",\n  \"formatVersion\": 1,\n"), json);
        assertTrue(json.endsWith("}\n"));
        assertTrue(json.indexOf("\"name\": \"a\"") < json.indexOf("\"name\": \"b\""), "tables sorted by name");
        assertTrue(json.indexOf("\"a\": \"2\"") < json.indexOf("\"z\": \"1\""), "attribute keys sorted");
        assertTrue(json.indexOf("\"id\"") < json.indexOf("Name \\\"x\\\""), "columns keep their order");
    }

    @Test
    void roundTripsExactly() {
        SchemaSnapshot snapshot = sample();
        String json = SnapshotJson.toJson(snapshot);
        assertEquals(snapshot, SnapshotJson.parse(json, "mem"));
        assertEquals(json, SnapshotJson.toJson(SnapshotJson.parse(json, "mem")));
    }

    @Test
    void namesFileLineAndColumnOfCorruptJson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n  \"formatVersion\": 1,\n  \"dialect\": \"postgresql\",\n  \"schemas\": [ {\"name\": }\n");
        var e = assertThrows(SnapshotJson.SnapshotFormatException.class, () -> SnapshotJson.read(file));
        assertTrue(e.getMessage().startsWith(file + ":4:"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void refusesAnotherFormatVersion() {
        var e = assertThrows(SnapshotJson.SnapshotFormatException.class,
                () -> SnapshotJson.parse("{\"formatVersion\": 99, \"dialect\": \"postgresql\"}", "old.json"));
        assertEquals("old.json: snapshot format version 99 is not supported; this driftgate reads version 1 "
                + "(re-dump the database with this driftgate)", e.getMessage());
    }

    @Test
    void refusesAnUnknownDialectAndUnknownFields() {
        var dialect = assertThrows(SnapshotJson.SnapshotFormatException.class,
                () -> SnapshotJson.parse("{\"formatVersion\": 1, \"dialect\": \"oracle\"}", "x.json"));
        assertTrue(dialect.getMessage().contains("'oracle' is unknown"), dialect.getMessage());
        var field = assertThrows(SnapshotJson.SnapshotFormatException.class,
                () -> SnapshotJson.parse("{\"formatVersion\": 1, \"dialect\": \"mysql\", \"tablez\": []}", "x.json"));
        assertTrue(field.getMessage().startsWith("x.json:1:"), field.getMessage());
        assertTrue(field.getMessage().contains("tablez"), field.getMessage());
        var notSnapshot = assertThrows(SnapshotJson.SnapshotFormatException.class,
                () -> SnapshotJson.parse("[1, 2]", "x.json"));
        assertTrue(notSnapshot.getMessage().contains("not a driftgate snapshot"), notSnapshot.getMessage());
    }

    @Test
    void writesAtomicallyAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out/snap.json");
        SnapshotJson.write(sample(), file);
        SnapshotJson.write(sample(), file);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
        assertEquals(sample(), SnapshotJson.read(file));
    }
}
