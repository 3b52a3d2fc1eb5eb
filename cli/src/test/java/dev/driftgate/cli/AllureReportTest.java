package dev.driftgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Allure results from a real gate run, then the HTML report made offline by the Allure command line. */
class AllureReportTest {

    private static final Path SCENARIOS = Path.of("../scenarios").toAbsolutePath().normalize();

    @Test
    void everyCheckIsAnAllureTestInTheEnginesTreeWithWhatAReviewerNeeds(@TempDir Path dir) throws Exception {
        Path results = dir.resolve("allure-results");
        CliRun run = CliRun.of("test", SCENARIOS.resolve("broken/rollback-leaves-column").toString(), "--allure", results.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        List<JsonNode> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(results)) {
            for (Path f : files.filter(p -> p.toString().endsWith("-result.json")).toList()) {
                tests.add(new ObjectMapper().readTree(f.toFile()));
            }
        }
        JsonNode rollback = tests.stream().filter(t -> t.path("name").asText().equals("rollback restores the schema"))
                .findFirst().orElseThrow();
        assertEquals("failed", rollback.path("status").asText());
        List<String> labels = new ArrayList<>();
        rollback.path("labels").forEach(l -> labels.add(l.path("name").asText() + "=" + l.path("value").asText()));
        assertTrue(labels.contains("parentSuite=" + SCENARIOS.resolve("broken/rollback-leaves-column"))
                && labels.contains("suite=postgresql · embedded") && labels.contains("subSuite=2 contact_fields"), labels.toString());
        List<String> attachments = new ArrayList<>();
        rollback.path("attachments").forEach(a -> attachments.add(a.path("name").asText()));
        assertEquals(List.of("failure (diff, statement)", "U2__contact_fields.sql"), attachments);
        String diff = Files.readString(results.resolve(rollback.path("attachments").get(0).path("source").asText()));
        assertTrue(diff.contains("DropColumn column public.account.verified"), diff);
        assertTrue(tests.stream().anyMatch(t -> t.path("name").asText().equals("online safety")
                && t.path("attachments").toString().contains("online-safety hazards")));

        Path html = dir.resolve("allure-report");
        CliRun report = CliRun.of("report", "--allure-results", results.toString(), "--allure-html", html.toString());
        assertEquals(0, report.exitCode(), report.out() + report.err());
        assertTrue(Files.size(html.resolve("index.html")) > 100_000, "a single-file report");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("allure-report", "allure-results"), left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "nothing half-made left beside the report");
        }
    }

    @Test
    void badAllureArgumentsAreOneLine(@TempDir Path dir) {
        CliRun missing = CliRun.of("report", "--allure-results", dir.resolve("none").toString(), "--allure-html",
                dir.resolve("out").toString());
        assertEquals(2, missing.exitCode());
        assertEquals("driftgate report: " + dir.resolve("none") + ": no Allure results here (run the gate with --allure "
                + dir.resolve("none") + ")", missing.err().strip());
        CliRun half = CliRun.of("report", "--allure-html", dir.resolve("out").toString());
        assertEquals("driftgate report: --allure-results and --allure-html go together", half.err().strip());
    }
}
