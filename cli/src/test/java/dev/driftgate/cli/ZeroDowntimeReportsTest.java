package dev.driftgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-downtime nodes and hazards in every report: a real gate run on the rename that breaks
 * release 1 and on the release whose backup restore is proven, then JUnit XML, the merge-request
 * summary, SARIF and Code Quality rendered from it.
 */
class ZeroDowntimeReportsTest {

    private static final Path SCENARIOS = Path.of("../scenarios").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path out;

    @BeforeAll
    static void runTheGate() {
        CliRun run = CliRun.of("test", SCENARIOS.resolve("broken/zero-downtime-rename-postgres").toString(),
                SCENARIOS.resolve("zero-downtime/postgres/release-3").toString(),
                "--results", out.resolve("results").toString(), "--junit-xml", out.resolve("junit").toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
    }

    @Test
    void junitXmlHasTheCompatibilityAndRestoreNodes() throws Exception {
        String xml;
        try (Stream<Path> files = Files.list(out.resolve("junit"))) {
            xml = String.join("\n", files.filter(f -> f.toString().endsWith(".xml")).map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList());
        }
        assertTrue(xml.contains("name=\"compatibility: the releases' statements prepare\"")
                || xml.contains("name=\"compatibility: the releases&apos; statements prepare\""), xml);
        assertTrue(xml.contains("all the previous release&apos;s 3 statements do not prepare")
                || xml.contains("all the previous release's 3 statements do not prepare"), xml);
        assertTrue(xml.contains("safety net: restore brings the rows back from the backup"), xml);
    }

    @Test
    void theSummaryShowsTheNewColumnsAndAsksForApprovalOfTheContractStep() {
        CliRun run = CliRun.of("report", "--results", out.resolve("results").toString());
        assertEquals(0, run.exitCode(), run.err());
        String text = run.out();
        assertTrue(text.contains("| safety | releases compatible |"), text);
        assertTrue(text.contains("| safety | releases compatible | backup restores |"), text);
        assertTrue(text.contains("| 2 rename_email | ✅ |") && text.contains("❌ DG205"), text);
        assertTrue(text.contains("#### Needs an extra approval"), text);
        assertTrue(text.contains("DG205 contract step while the previous release still uses the object"), text);
    }

    @Test
    void sarifAndCodeQualityCarryTheNewHazards() throws Exception {
        Path sarif = out.resolve("driftgate.sarif");
        Path quality = out.resolve("gl-code-quality-report.json");
        CliRun run = CliRun.of("report", "--results", out.resolve("results").toString(), "--sarif", sarif.toString(),
                "--code-quality", quality.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode s = JSON.readTree(sarif.toFile());
        String rules = s.path("runs").get(0).path("tool").path("driver").path("rules").toString();
        assertTrue(rules.contains("DG105") && rules.contains("DG205") && rules.contains("DG206"), rules);
        boolean dg205 = false;
        for (JsonNode r : s.path("runs").get(0).path("results")) {
            if (r.path("ruleId").asText().equals("DG205")) {
                dg205 = true;
                assertTrue(r.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText()
                        .endsWith("zero-downtime-rename-postgres/migrations/V2__rename_email.sql"), r.toString());
                assertEquals("error", r.path("level").asText());
            }
        }
        assertTrue(dg205, s.toPrettyString());
        assertTrue(Files.readString(quality).contains("DG205"), Files.readString(quality));
    }
}
