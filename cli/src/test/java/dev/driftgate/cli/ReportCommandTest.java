package dev.driftgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real gate run on an example that passes and one that fails, with --results; then every report
 * rendered from those results: the merge-request summary, SARIF and Code Quality.
 */
class ReportCommandTest {

    private static final Path SCENARIOS = Path.of("../scenarios").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path results;

    @BeforeAll
    static void runTheGate() {
        CliRun run = CliRun.of("test", SCENARIOS.resolve("postgres-flyway").toString(),
                SCENARIOS.resolve("broken/rollback-leaves-column").toString(), "--results", results.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
    }

    @Test
    void theSummaryGivesTheVerdictFirstThenATablePerTargetThenTheDetails(@TempDir Path out) throws Exception {
        Path md = out.resolve("summary.md");
        CliRun run = CliRun.of("report", "--results", results.toString(), "--markdown", md.toString(),
                "--report-url", "https://ci.example/job/1/artifacts");
        assertEquals(0, run.exitCode(), run.err());
        String text = Files.readString(md);
        assertTrue(text.startsWith("<!-- driftgate:summary -->\n### ❌ driftgate: 3 checks failed\n"), text);
        assertTrue(text.contains("| 2 contact_fields | ✅ | ❌ | ➖ | ❌ | ➖ | ⚠️ DG308 |"), text);
        assertTrue(text.contains("| 3 add_order_status | ✅ | ✅ | ✅ | ✅ | ➖ | ⚠️ DG308 DG305 DG403 |"), text);
        assertTrue(text.contains("rollback-leaves-column › embedded › 2 contact_fields › rollback restores the schema</summary>"),
                text);
        assertTrue(text.contains("DropColumn column public.account.verified"), text);
        assertTrue(text.endsWith("[Full report](https://ci.example/job/1/artifacts)\n"), text);
    }

    @Test
    void aSummaryPastTheLimitCutsTheDetailsAndLinksTheFullReport() {
        CliRun run = CliRun.of("report", "--results", results.toString(), "--limit", "1500", "--report-url", "https://r.example/x");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().length() <= 1500, run.out().length() + " characters");
        assertTrue(run.out().startsWith("<!-- driftgate:summary -->\n### ❌ driftgate: 3 checks failed"), run.out());
        assertTrue(run.out().endsWith("_Details cut to stay within 1500 characters: [full report](https://r.example/x)._\n"),
                run.out());
        assertFalse(run.out().contains("<details>") && !run.out().contains("</details>"), "no half-open details block");
    }

    @Test
    void sarifAndCodeQualityPointAtFileAndLine(@TempDir Path out) throws Exception {
        Path sarif = out.resolve("driftgate.sarif");
        Path quality = out.resolve("gl-code-quality-report.json");
        CliRun run = CliRun.of("report", "--results", results.toString(), "--sarif", sarif.toString(),
                "--code-quality", quality.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode s = JSON.readTree(sarif.toFile());
        assertEquals("2.1.0", s.path("version").asText());
        JsonNode driver = s.path("runs").get(0).path("tool").path("driver");
        assertEquals("driftgate", driver.path("name").asText());
        assertTrue(driver.path("rules").size() > 25);
        JsonNode hazard = null;
        for (JsonNode r : s.path("runs").get(0).path("results")) {
            if (r.path("ruleId").asText().equals("DG305")) {
                hazard = r;
            }
        }
        assertTrue(hazard != null, s.toPrettyString());
        JsonNode location = hazard.path("locations").get(0).path("physicalLocation");
        assertTrue(location.path("artifactLocation").path("uri").asText().endsWith("postgres-flyway/migrations/V3__add_order_status.sql"));
        assertEquals(3, location.path("region").path("startLine").asInt());
        assertEquals("warning", hazard.path("level").asText());

        JsonNode q = JSON.readTree(quality.toFile());
        assertTrue(q.isArray() && q.size() >= 5, q.toPrettyString());
        boolean blocker = false;
        for (JsonNode issue : q) {
            assertTrue(issue.hasNonNull("fingerprint") && issue.hasNonNull("description") && issue.hasNonNull("severity"));
            assertTrue(issue.path("location").path("lines").path("begin").asInt() >= 1);
            blocker |= issue.path("severity").asText().equals("blocker");
        }
        assertTrue(blocker, "the failed rollback is a blocker");
        // The same run rendered again gives the same fingerprints: the widget shows what is new.
        CliRun again = CliRun.of("report", "--results", results.toString(), "--code-quality", quality.toString());
        assertEquals(0, again.exitCode());
        assertEquals(q, JSON.readTree(quality.toFile()));
    }

    @Test
    void missingOrMalformedResultsAreOneLineAndWriteNothing(@TempDir Path dir) throws Exception {
        Path md = dir.resolve("summary.md");
        CliRun missing = CliRun.of("report", "--results", dir.resolve("none").toString(), "--markdown", md.toString());
        assertEquals(2, missing.exitCode());
        assertEquals("driftgate report: " + dir.resolve("none/results.json") + ": no results here (run the gate with --results "
                + dir.resolve("none") + ")", missing.err().strip());
        Files.writeString(dir.resolve("results.json"), "{\"format\": 1, \"checks\": [ {\"scenario\": ");
        CliRun malformed = CliRun.of("report", "--results", dir.toString(), "--markdown", md.toString());
        assertEquals(2, malformed.exitCode());
        assertTrue(malformed.err().startsWith("driftgate report: " + dir.resolve("results.json") + ": malformed results: "),
                malformed.err());
        assertEquals(1, malformed.err().strip().lines().count());
        assertFalse(Files.exists(md), "nothing half-written");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }
}
