package dev.driftgate.source;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.driftgate.DriftgateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The environments of a fleet, from a YAML file (docs/drift.md): each a name and one of {@code url},
 * {@code snapshot} or {@code dump}, optionally a group and labels, and credentials only by the name
 * of the environment variable that holds them, so the file can be committed. A bad entry is one
 * line naming the file, line and column.
 */
public record Inventory(Path file, List<Entry> environments) {

    private static final Set<String> TOP = Set.of("defaults", "environments");
    private static final Set<String> DEFAULTS = Set.of("user", "user-env", "password-env");
    private static final Set<String> KEYS = Set.of("name", "url", "snapshot", "dump", "group", "labels", "user",
            "user-env", "password-env");
    private static final Set<String> SOURCES = Set.of("url", "snapshot", "dump");

    /**
     * @param source a JDBC URL, or a snapshot or dump path resolved against the inventory's directory
     * @param user the user name, or null ({@code user}, or the variable {@code user-env} names)
     * @param passwordEnv the variable that holds the password, or null
     * @param where {@code file:line:column} of the entry
     */
    public record Entry(String name, String source, String group, Map<String, String> labels, String user,
            String passwordEnv, String where) {
        public Entry {
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }

        /** The password from the environment, or null when the entry names no variable. */
        public String password() {
            if (passwordEnv == null) {
                return null;
            }
            String value = System.getenv(passwordEnv);
            if (value == null) {
                throw new DriftgateException(where + ": password-env " + passwordEnv + ": the environment variable is not set");
            }
            return value;
        }
    }

    public static Inventory read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new DriftgateException(file + ": cannot read the inventory: " + e.getMessage(), e);
        }
        YAMLFactory yaml = new YAMLFactory();
        JsonNode root;
        Map<String, JsonLocation> at = new HashMap<>();
        try (JsonParser parser = yaml.createParser(text)) {
            root = new ObjectMapper(yaml).readTree(text);
            if (parser.nextToken() != null) {
                positions(parser, "", at);
            }
        } catch (IOException e) {
            String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null
                    ? file + ":" + p.getLocation().getLineNr() : file.toString();
            throw new DriftgateException(where + ": not YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        Positions where = new Positions(file, at);
        if (root == null || !root.isObject()) {
            throw new DriftgateException(file + ": an inventory is a mapping with an environments: list");
        }
        unknown(root, "", TOP, where);
        JsonNode defaults = root.path("defaults");
        unknown(defaults, "defaults", DEFAULTS, where);
        JsonNode list = root.path("environments");
        if (!list.isArray() || list.isEmpty()) {
            throw where.error("environments", "a list of at least one environment (name and url, snapshot or dump)");
        }
        Path dir = file.toAbsolutePath().getParent();
        List<Entry> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "environments[" + i + "]";
            JsonNode e = list.get(i);
            if (!e.isObject()) {
                throw where.error(path, "expected a mapping with name and url, snapshot or dump");
            }
            unknown(e, path, KEYS, where);
            String name = text(e, "name", path, where);
            if (name == null || name.isBlank()) {
                throw where.error(path, "no name");
            }
            if (!names.add(name)) {
                throw where.error(path + ".name", "'" + name + "' is named twice");
            }
            List<String> given = SOURCES.stream().filter(e::has).sorted().toList();
            if (given.size() != 1) {
                throw where.error(path, name + ": give exactly one of url, snapshot or dump" + (given.isEmpty() ? "" : " (found "
                        + String.join(", ", given) + ")"));
            }
            String kind = given.get(0);
            String value = text(e, kind, path, where);
            if (kind.equals("url")) {
                if (!value.startsWith("jdbc:")) {
                    throw where.error(path + ".url", "expected a JDBC URL (jdbc:postgresql://..., jdbc:mariadb://...)");
                }
                if (value.toLowerCase(java.util.Locale.ROOT).matches(".*[?&;]password=.*|.*//[^/@]*:[^/@]*@.*")) {
                    throw where.error(path + ".url", "holds a password: name the variable that holds it with password-env");
                }
            } else {
                value = dir.resolve(value).normalize().toString();
            }
            Map<String, String> labels = new LinkedHashMap<>();
            JsonNode l = e.path("labels");
            if (!l.isMissingNode() && !l.isObject()) {
                throw where.error(path + ".labels", "expected a mapping of label to value");
            }
            l.properties().forEach(f -> labels.put(f.getKey(), f.getValue().asText()));
            String user = text(e, "user", path, where);
            String userEnv = text(e, "user-env", path, where);
            String passwordEnv = text(e, "password-env", path, where);
            if (user == null && userEnv == null) {
                user = text(defaults, "user", "defaults", where);
                userEnv = text(defaults, "user-env", "defaults", where);
            }
            if (passwordEnv == null) {
                passwordEnv = text(defaults, "password-env", "defaults", where);
            }
            if (userEnv != null) {
                user = System.getenv(userEnv);
                if (user == null) {
                    String key = e.has("user-env") ? path + ".user-env" : "defaults.user-env";
                    throw where.error(key, userEnv + ": the environment variable is not set");
                }
            }
            out.add(new Entry(name, value, text(e, "group", path, where), labels, user, passwordEnv, where.where(path)));
        }
        return new Inventory(file, List.copyOf(out));
    }

    private static void unknown(JsonNode node, String path, Set<String> known, Positions where) {
        if (node.isMissingNode()) {
            return;
        }
        if (!node.isObject()) {
            throw where.error(path, "expected a mapping");
        }
        node.fieldNames().forEachRemaining(k -> {
            String p = path.isEmpty() ? k : path + "." + k;
            if (k.equals("password")) {
                throw where.error(p, "passwords are not written in an inventory: name the variable that holds it "
                        + "with password-env");
            }
            if (!known.contains(k)) {
                throw where.error(p, "unknown key (expected one of " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        });
    }

    private static String text(JsonNode node, String key, String path, Positions where) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw where.error(path + "." + key, "expected a single value");
        }
        return value.asText();
    }

    private static void positions(JsonParser parser, String path, Map<String, JsonLocation> into) throws IOException {
        into.putIfAbsent(path, parser.currentTokenLocation());
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                into.putIfAbsent(path.isEmpty() ? key : path + "." + key, parser.currentTokenLocation());
                parser.nextToken();
                positions(parser, path.isEmpty() ? key : path + "." + key, into);
            }
        } else if (parser.currentToken() == JsonToken.START_ARRAY) {
            int i = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                positions(parser, path + "[" + i++ + "]", into);
            }
        }
    }

    /** Where each key and value is written, for errors of the form {@code file:line:column: path: message}. */
    private record Positions(Path file, Map<String, JsonLocation> at) {
        String where(String path) {
            for (String p = path; !p.isEmpty(); p = p.contains(".") || p.endsWith("]")
                    ? p.substring(0, Math.max(p.lastIndexOf('.'), p.lastIndexOf('['))) : "") {
                JsonLocation l = at.get(p);
                if (l != null) {
                    return file + ":" + l.getLineNr() + ":" + l.getColumnNr();
                }
            }
            return file.toString();
        }

        DriftgateException error(String path, String message) {
            return new DriftgateException(where(path) + ": " + path + ": " + message);
        }
    }
}
