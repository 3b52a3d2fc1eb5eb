package dev.driftgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deploy job's guard, on a manifest a real gate run wrote. */
class VerifyManifestCommandTest {

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        Path s = dir.resolve("db");
        Files.createDirectories(s.resolve("migrations"));
        Files.writeString(s.resolve("driftgate.yaml"), "dialect: mysql\ncandidates: '2..'\n");
        Files.writeString(s.resolve("migrations/V1__a.sql"), "CREATE TABLE a (id int PRIMARY KEY);\n");
        Files.writeString(s.resolve("migrations/U1__a.sql"), "DROP TABLE a;\n");
        Files.writeString(s.resolve("migrations/V2__b.sql"), "CREATE TABLE b (id int PRIMARY KEY);\r\n");
        Files.writeString(s.resolve("migrations/U2__b.sql"), "DROP TABLE b;\n");
        return s;
    }

    @Test
    void verifiedMigrationsPassAndChangedMissingOrFailedOnesDoNot() throws Exception {
        Path s = scenario();
        Path results = dir.resolve("results");
        assertEquals(0, CliRun.of("test", s.toString(), "--results", results.toString()).exitCode());
        String manifest = results.resolve("manifest.json").toString();
        CliRun ok = CliRun.of("verify-manifest", "--manifest", manifest, s.resolve("migrations").toString());
        assertEquals(0, ok.exitCode(), ok.out() + ok.err());
        assertTrue(ok.out().startsWith("✔ 2 migrations verified by the gate"), ok.out());

        // Line endings do not count: a checkout with LF verifies what the gate saw with CRLF.
        Files.writeString(s.resolve("migrations/V2__b.sql"), "CREATE TABLE b (id int PRIMARY KEY);\n");
        assertEquals(0, CliRun.of("verify-manifest", "--manifest", manifest, s.resolve("migrations").toString()).exitCode());

        Files.writeString(s.resolve("migrations/V2__b.sql"), "CREATE TABLE b (id bigint PRIMARY KEY);\n");
        Files.writeString(s.resolve("migrations/V3__c.sql"), "CREATE TABLE c (id int);\n");
        CliRun bad = CliRun.of("verify-manifest", "--manifest", manifest, s.resolve("migrations").toString());
        assertEquals(1, bad.exitCode(), bad.out());
        assertTrue(bad.out().contains("V2__b.sql: changed since the gate verified it (SHA-256 differs)"), bad.out());
        assertTrue(bad.out().contains("V3__c.sql: not verified (not in the manifest)"), bad.out());
        assertTrue(bad.out().strip().endsWith("2 problems in 3 migrations: do not deploy"), bad.out());
    }

    @Test
    void aMigrationThatFailedInTheGateIsRefused() throws Exception {
        Path s = scenario();
        Files.writeString(s.resolve("migrations/U2__b.sql"), "SELECT 1;\n");
        Path results = dir.resolve("results");
        assertEquals(1, CliRun.of("test", s.toString(), "--results", results.toString()).exitCode());
        Path manifest = results.resolve("manifest.json");
        CliRun refused = CliRun.of("verify-manifest", "--manifest", manifest.toString(), s.resolve("migrations").toString());
        assertEquals(1, refused.exitCode());
        assertTrue(refused.out().contains("V2__b.sql: failed in the gate (embedded: rollback"), refused.out());

    }

    @Test
    void aMissingOrMalformedManifestIsOneLine() throws Exception {
        Path s = scenario();
        CliRun missing = CliRun.of("verify-manifest", "--manifest", dir.resolve("m.json").toString(), s.resolve("migrations").toString());
        assertEquals(2, missing.exitCode());
        assertEquals("driftgate verify-manifest: " + dir.resolve("m.json") + ": manifest not found", missing.err().strip());
        Files.writeString(dir.resolve("m.json"), "[1, 2");
        CliRun malformed = CliRun.of("verify-manifest", "--manifest", dir.resolve("m.json").toString(), s.resolve("migrations").toString());
        assertEquals(2, malformed.exitCode());
        assertTrue(malformed.err().startsWith("driftgate verify-manifest: " + dir.resolve("m.json") + ": malformed manifest"),
                malformed.err());
    }
}
