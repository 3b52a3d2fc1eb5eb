package dev.driftgate.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.driftgate.AtomicFiles;
import dev.driftgate.DriftgateException;
import dev.driftgate.diff.IgnoreRules;
import dev.driftgate.diff.SchemaDiff;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.SnapshotJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A drift scan as {@code results.json} in a results directory: grouped as the reports are, every
 * member listed, and each distinct schema's snapshot kept, so that the shards of a fleet scanned by
 * several CI jobs merge into one report ({@link #merge}) by digest, with the diffs computed again
 * from the snapshots rather than trusted from a file.
 */
public final class DriftResults {

    public static final String FILE = "results.json";
    static final String KIND = "driftgate drift scan";
    static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What a scan read: the grouped fleet, the expected snapshot and each group's snapshot by digest. */
    public record Scan(DriftFleet fleet, SchemaSnapshot expected, Map<String, SchemaSnapshot> snapshots) {}

    private DriftResults() {}

    public static void write(Scan scan, Path directory) {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", KIND).put("format", FORMAT).put("expectedSource", scan.fleet().expected());
        if (scan.fleet().shard() != null) {
            root.put("shard", scan.fleet().shard());
        }
        root.put("headline", scan.fleet().headline());
        root.set("expected", snapshot(scan.expected()));
        ArrayNode groups = root.putArray("groups");
        for (DriftFleet.Group g : scan.fleet().groups()) {
            ObjectNode node = groups.addObject().put("digest", g.digest()).put("status", g.inSync() ? "in sync" : "drift")
                    .put("verdict", DiffReport.verdict(g.result()));
            if (g.remediation() != null) {
                node.put("remediation", g.remediation());
            }
            ArrayNode members = node.putArray("members");
            g.members().forEach(m -> members.add(member(m)));
            try {
                node.set("differences", JSON.readTree(DiffReport.json(g.result())).path("differences"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            node.set("snapshot", snapshot(scan.snapshots().get(g.digest())));
        }
        ArrayNode unreadable = root.putArray("unreadable");
        scan.fleet().unreadable().forEach(u -> unreadable.add(member(u.member()).put("error", u.error())));
        try {
            AtomicFiles.writeReport(directory.resolve(FILE), JSON.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new DriftgateException(directory.resolve(FILE) + ": cannot write: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the results of several shards and merges them into one scan: groups of the same digest
     * become one, each diff is computed again with {@code rules}. The shards must have been scanned
     * against the same expected schema.
     */
    public static Scan merge(List<Path> directories, IgnoreRules rules) {
        SchemaSnapshot expected = null;
        String expectedSource = null;
        Map<String, SchemaSnapshot> snapshots = new LinkedHashMap<>();
        Map<String, List<DriftFleet.Member>> members = new LinkedHashMap<>();
        Map<String, String> remediation = new LinkedHashMap<>();
        List<DriftFleet.Unreadable> unreadable = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path directory : directories) {
            Path file = directory.resolve(FILE);
            JsonNode root = read(file);
            SchemaSnapshot shardExpected = SnapshotJson.parse(root.path("expected").toString(), file + " (expected)");
            if (expected == null) {
                expected = shardExpected;
                expectedSource = root.path("expectedSource").asText();
            } else if (!expected.equals(shardExpected)) {
                throw new DriftgateException(file + ": scanned against another expected schema than "
                        + directories.get(0).resolve(FILE) + "; merge shards of one scan");
            }
            for (JsonNode g : root.path("groups")) {
                String digest = g.path("digest").asText();
                snapshots.computeIfAbsent(digest, d -> SnapshotJson.parse(g.path("snapshot").toString(), file + " (" + d + ")"));
                if (g.hasNonNull("remediation")) {
                    remediation.putIfAbsent(digest, g.path("remediation").asText());
                }
                for (JsonNode m : g.path("members")) {
                    DriftFleet.Member member = member(m, file, names);
                    members.computeIfAbsent(digest, d -> new ArrayList<>()).add(member);
                }
            }
            for (JsonNode u : root.path("unreadable")) {
                DriftFleet.Member member = member(u, file, names);
                unreadable.add(new DriftFleet.Unreadable(member, u.path("error").asText()));
            }
        }
        if (expected == null) {
            throw new DriftgateException("--merge: no results directories given");
        }
        SchemaSnapshot expectedSnapshot = expected;
        List<DriftFleet.Group> groups = new ArrayList<>();
        members.forEach((digest, list) -> groups.add(new DriftFleet.Group(digest,
                SchemaDiff.compare(expectedSnapshot, snapshots.get(digest), rules), remediation.get(digest), list)));
        return new Scan(new DriftFleet(expectedSource, groups, unreadable, null), expected, snapshots);
    }

    private static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DriftgateException(file + ": no drift results here (run drift with --results " + file.getParent() + ")");
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (!KIND.equals(root.path("kind").asText()) || root.path("format").asInt() != FORMAT) {
                throw new DriftgateException(file + ": not the results of a drift scan of format " + FORMAT);
            }
            return root;
        } catch (IOException e) {
            throw new DriftgateException(file + ": malformed results: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static ObjectNode member(DriftFleet.Member m) {
        ObjectNode node = JSON.createObjectNode().put("index", m.index()).put("name", m.name()).put("source", m.source())
                .put("millis", m.millis());
        if (m.group() != null) {
            node.put("group", m.group());
        }
        if (!m.labels().isEmpty()) {
            ObjectNode labels = node.putObject("labels");
            m.labels().forEach(labels::put);
        }
        return node;
    }

    /** A member read back; a shard keeps the inventory's indexes, so merged shards keep its order. */
    private static DriftFleet.Member member(JsonNode m, Path file, Set<String> names) {
        String name = m.path("name").asText();
        if (!names.add(name)) {
            throw new DriftgateException(file + ": environment " + name + " is in more than one shard");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        m.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return new DriftFleet.Member(m.path("index").asInt(), name, m.path("source").asText(),
                m.hasNonNull("group") ? m.path("group").asText() : null, labels, m.path("millis").asLong());
    }

    private static JsonNode snapshot(SchemaSnapshot snapshot) {
        try {
            return JSON.readTree(SnapshotJson.toJson(snapshot));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
