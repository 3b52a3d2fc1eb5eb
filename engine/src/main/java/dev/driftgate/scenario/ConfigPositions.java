package dev.driftgate.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.driftgate.DriftgateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a driftgate.yaml is written, so that a bad value is reported the way a bad
 * key is: {@code file:line:column: key: 'value': expected ...}. Paths are keys joined by dots,
 * list items by index: {@code migrations.path}, {@code targets[1]}.
 */
final class ConfigPositions {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final Path file;
    private final Map<String, JsonLocation> values;

    private ConfigPositions(Path file, Map<String, JsonLocation> values) {
        this.file = file;
        this.values = values;
    }

    /** Reads the positions of text that has already parsed as a scenario file. */
    static ConfigPositions of(Path file, String text) {
        Map<String, JsonLocation> values = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() != null) {
                value(parser, "", values);
            }
        } catch (IOException e) {
            // The file parsed a moment ago; without positions the errors still name the file.
            values.clear();
        }
        return new ConfigPositions(file, values);
    }

    private static void value(JsonParser parser, String path, Map<String, JsonLocation> into) throws IOException {
        into.putIfAbsent(path, parser.currentTokenLocation());
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                parser.nextToken();
                value(parser, path.isEmpty() ? key : path + "." + key, into);
            }
        } else if (parser.currentToken() == JsonToken.START_ARRAY) {
            int i = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                value(parser, path + "[" + i++ + "]", into);
            }
        }
    }

    /** {@code file:line:column} of the value at the path, or of its nearest written parent, or the file alone. */
    String where(String path) {
        for (String p = path; ; p = parent(p)) {
            JsonLocation at = values.get(p);
            if (at != null && !p.isEmpty()) {
                return file + ":" + at.getLineNr() + ":" + at.getColumnNr();
            }
            if (p.isEmpty()) {
                return file.toString();
            }
        }
    }

    /** An error about the value at the path: {@code file:line:column: <path>: <message>}. */
    DriftgateException error(String path, String message) {
        return new DriftgateException(where(path) + ": " + path + ": " + message);
    }

    DriftgateException error(String path, String message, Throwable cause) {
        return new DriftgateException(where(path) + ": " + path + ": " + message, cause);
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
