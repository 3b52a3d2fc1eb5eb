package dev.driftgate.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file assertions. {@code -Ddriftgate.approve=true} rewrites the golden file with what the
 * test produced; a missing golden file is written and the test fails, so that nothing passes
 * without a reviewed file in git.
 */
public final class Golden {

    private Golden() {}

    public static void assertMatches(Path golden, String actual) {
        try {
            // Keep what was produced beside the build output, for a diff against the golden file.
            Path produced = Path.of("target/golden-actual").resolve(golden.getFileName());
            Files.createDirectories(produced.getParent());
            Files.writeString(produced.resolveSibling(produced.getFileName() + "." + System.nanoTime()), actual,
                    StandardCharsets.UTF_8);
            if (Boolean.getBoolean("driftgate.approve") || !Files.exists(golden)) {
                boolean existed = Files.exists(golden);
                Files.createDirectories(golden.getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
                if (!existed) {
                    fail("golden file " + golden + " did not exist and has been written: review it and re-run");
                }
                return;
            }
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
                    "differs from " + golden + " (re-run with -Ddriftgate.approve=true to accept)");
        } catch (IOException e) {
            throw new AssertionError("cannot access golden file " + golden, e);
        }
    }

    /**
     * Snapshot JSON made comparable across the local targets. This machine's MariaDB server has an
     * account root@127.0.0.1, so definers (owners) read root@127.0.0.1 there and root@localhost on
     * the embedded server; snapshots record them as they are, and only tests map one to the other.
     */
    /** btree_gist as PostgreSQL 18 (embedded) reports it. */
    public static final String BTREE_GIST_18 = "\"name\": \"btree_gist\",\n      \"schema\": \"public\",\n      \"version\": \"1.8\"";

    public static String portable(String json, Target target) {
        // The server a snapshot was read from is recorded (plans are proven on its version); the
        // golden files hold what every target reads alike.
        json = json.replaceFirst(",\n  \"server\": \\{[^}]*\\}", "");
        if (target == Target.MARIADB_SERVER) {
            return json.replace("\"root@127.0.0.1\"", "\"root@localhost\"");
        }
        if (target == Target.POSTGRES_EMBEDDED) {
            // The one thing that differs between PostgreSQL 15 and 18 in the golden schemas: the
            // version of btree_gist each ships (1.7, 1.8), written as the golden files' (15).
            return json.replace(BTREE_GIST_18, BTREE_GIST_18.replace("1.8", "1.7"));
        }
        return json;
    }

    /** The source-tree path of a test resource, so approved output lands in git, not in target/. */
    public static Path sourcePath(String resource) {
        return Path.of("src/test/resources").resolve(resource);
    }
}
