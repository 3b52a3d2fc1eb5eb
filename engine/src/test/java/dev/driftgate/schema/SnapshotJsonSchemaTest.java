package dev.driftgate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The documented JSON Schema (docs/snapshot.schema.json) describes the snapshots driftgate writes. */
class SnapshotJsonSchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonSchema schema() throws Exception {
        JsonNode schema = MAPPER.readTree(Files.readString(Path.of("../docs/snapshot.schema.json")));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "src/test/resources/golden/postgresql/everything.json",
        "src/test/resources/golden/mysql/everything.json",
        "../scenarios/example-shop/expected/postgresql.json",
        "../scenarios/example-shop/expected/mysql.json"})
    void snapshotsWrittenByDriftgateConformToTheSchema(String file) throws Exception {
        Set<ValidationMessage> errors = schema().validate(MAPPER.readTree(Files.readString(Path.of(file))));
        assertEquals(List.of(), errors.stream().map(ValidationMessage::getMessage).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"formatVersion\": 1, \"dialect\": \"postgresql\", \"schemas\": [{\"nam\": \"x\"}]}",
        "{\"formatVersion\": 2, \"dialect\": \"postgresql\"}",
        "{\"formatVersion\": 1, \"dialect\": \"postgresql\", \"schemas\": [{\"name\": \"s\", \"tables\": [{\"name\": \"t\", "
                + "\"columns\": [{\"name\": \"c\", \"type\": \"int\"}]}]}]}"})
    void theSchemaRejectsWhatDriftgateWouldRefuse(String json) throws Exception {
        assertFalse(schema().validate(MAPPER.readTree(json)).isEmpty());
    }
}
