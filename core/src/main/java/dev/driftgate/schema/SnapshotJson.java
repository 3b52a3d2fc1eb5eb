package dev.driftgate.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.driftgate.AtomicFiles;
import dev.driftgate.DriftgateException;
import dev.driftgate.TextFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads and writes snapshots as JSON: keys sorted, two-space indent, LF line ends, a final newline,
 * empty values left out. The same snapshot always yields the same bytes, so snapshots diff cleanly
 * in git.
 */
public final class SnapshotJson {

    private static final Set<String> DIALECTS = Set.of("postgresql", "mysql");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .defaultPropertyInclusion(JsonInclude.Value.construct(
                    JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS))
            .build();

    private static final ObjectWriter WRITER;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        WRITER = MAPPER.writer(printer);
    }

    private SnapshotJson() {}

    public static String toJson(SchemaSnapshot snapshot) {
        try {
            return WRITER.writeValueAsString(snapshot).replace(" : ", ": ") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise snapshot: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Writes atomically: the snapshot goes to a temporary file beside the target, which is then
     * moved into place, so that a failed write never leaves a half-written snapshot behind.
     */
    public static void write(SchemaSnapshot snapshot, Path file) {
        try {
            AtomicFiles.writeString(file, toJson(snapshot));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write snapshot " + file + ": " + e.getMessage(), e);
        }
    }

    public static SchemaSnapshot read(Path file) {
        String text;
        try {
            text = TextFiles.read(file);
        } catch (DriftgateException e) {
            throw new SnapshotFormatException(e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses a snapshot, naming {@code source} and the line of any error. */
    public static SchemaSnapshot parse(String json, String source) {
        checkHeader(json, source);
        try {
            return MAPPER.readValue(json, SchemaSnapshot.class);
        } catch (JsonProcessingException e) {
            // Databind wraps the parser's syntax errors in its own, with the path that led there.
            boolean syntax = e instanceof JsonParseException || e.getCause() instanceof JsonParseException;
            throw error(source, e, syntax ? "not valid JSON" : "corrupt snapshot");
        }
    }

    /** The dialect of a snapshot file, checked as {@link #read} checks it, without building the snapshot. */
    public static String dialectOf(Path file) {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = MAPPER.createParser(in)) {
            return checkHeader(parser, file.toString());
        } catch (IOException e) {
            throw new SnapshotFormatException(file + ": cannot read snapshot: " + e.getMessage());
        }
    }

    /**
     * Checks that the text is a snapshot this driftgate reads (a JSON object with a known format
     * version and dialect) and returns its dialect. Streams the tokens, skipping everything below
     * the top level, so that a wrong version is named as such and malformed JSON with its line,
     * without building a tree of the whole document.
     */
    private static String checkHeader(String json, String source) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            return checkHeader(parser, source);
        } catch (IOException e) {
            throw new SnapshotFormatException(source + ": cannot read snapshot: " + e.getMessage());
        }
    }

    /**
     * Reads top-level fields until the format version and the dialect are known (keys are written
     * sorted, so both come before the schemas): the header of a 5,000-table snapshot is read in
     * microseconds. JSON that is malformed further on is reported by the full read, with its line.
     */
    private static String checkHeader(JsonParser parser, String source) {
        JsonNode version = null;
        String dialect = null;
        try {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new SnapshotFormatException(source + ": not a driftgate snapshot (expected a JSON object)");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("formatVersion")) {
                    version = MAPPER.readTree(parser);
                } else if (field.equals("dialect") && value == JsonToken.VALUE_STRING) {
                    dialect = parser.getText();
                } else {
                    parser.skipChildren();
                }
                if (version != null && dialect != null) {
                    break;
                }
            }
        } catch (JsonProcessingException e) {
            throw error(source, e, "not valid JSON");
        } catch (IOException e) {
            throw new SnapshotFormatException(source + ": cannot read snapshot: " + e.getMessage());
        }
        if (version == null || !version.canConvertToInt()) {
            throw new SnapshotFormatException(source + ": not a driftgate snapshot (no formatVersion field)");
        }
        if (version.asInt() != SchemaSnapshot.FORMAT_VERSION) {
            throw new SnapshotFormatException(source + ": snapshot format version " + version.asInt()
                    + " is not supported; this driftgate reads version " + SchemaSnapshot.FORMAT_VERSION
                    + " (re-dump the database with this driftgate)");
        }
        if (dialect == null || !DIALECTS.contains(dialect)) {
            throw new SnapshotFormatException(source + ": snapshot dialect "
                    + (dialect == null ? "is missing" : "'" + dialect + "' is unknown")
                    + "; expected one of postgresql, mysql");
        }
        return dialect;
    }

    private static SnapshotFormatException error(String source, JsonProcessingException e, String what) {
        JsonLocation at = e.getLocation();
        String where = at == null ? source : source + ":" + at.getLineNr() + ":" + at.getColumnNr();
        String message = e.getOriginalMessage().lines().findFirst().orElse("");
        return new SnapshotFormatException(where + ": " + what + ": " + message);
    }

    /** A snapshot file that cannot be read: its message names the file and, where known, the line. */
    public static final class SnapshotFormatException extends DriftgateException {
        private static final long serialVersionUID = 1L;

        public SnapshotFormatException(String message) {
            super(message);
        }
    }
}
