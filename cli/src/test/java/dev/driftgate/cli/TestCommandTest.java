package dev.driftgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code driftgate test} on the repository's example scenarios, as a user without a Java build runs it. */
class TestCommandTest {

    private static final Path SCENARIOS = Path.of("../scenarios").toAbsolutePath().normalize();

    @Test
    void anExamplePassesEveryCheckAndWritesJUnitXml(@TempDir Path xml) throws Exception {
        CliRun run = CliRun.of("test", SCENARIOS.resolve("mariadb-golang-migrate").toString(), "--junit-xml", xml.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        // The short console: a line for the scenario counting its checks, not one per check.
        assertTrue(run.out().contains("✔ " + SCENARIOS.resolve("mariadb-golang-migrate") + ": ")
                && run.out().contains(" checks passed"), run.out());
        assertTrue(!run.out().contains("forward fix converges"), run.out());
        assertTrue(run.out().contains(" 0 failed"), run.out());
        try (var files = Files.list(xml)) {
            String report = Files.readString(files.filter(f -> f.toString().endsWith(".xml")).findFirst().orElseThrow());
            assertTrue(report.contains("re-apply converges"), report);
            // One test case per check, its class the path down to it: GitLab's widget groups them unambiguously.
            assertTrue(report.contains("<testcase name=\"re-apply converges\" classname=\"" + SCENARIOS.resolve("mariadb-golang-migrate") + " › mysql · "
                    + "embedded › 000002 add_price\""), report);
        }
    }

    @Test
    void aBrokenExampleFailsWithTheReason() {
        CliRun run = CliRun.of("test", SCENARIOS.resolve("broken/rollback-loses-rows").toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("✘ ") && run.out().contains("lost or changed rows in 1 table"), run.out());
        assertTrue(run.out().contains("\nFailed, by check:\n  rows survive apply + rollback: 1\n    ✘ "
                + SCENARIOS.resolve("broken/rollback-loses-rows") + " › "), "a recap of the failures at the end: " + run.out());
        CliRun verbose = CliRun.of("test", "--verbose", SCENARIOS.resolve("broken/rollback-loses-rows").toString());
        assertTrue(verbose.out().contains("✔ ") && verbose.out().contains("lost or changed rows in 1 table"), verbose.out());
        assertTrue(verbose.out().lines().filter(l -> l.startsWith("✔ ")).count() > 1, "a line per passed check: " + verbose.out());
        assertTrue(verbose.out().contains("\nFailed, by check:\n"), "a recap on every console: " + verbose.out());
    }

    @Test
    void aMisspeltOptionGetsASuggestion() {
        CliRun run = CliRun.of("test", "--junit-xlm", "x");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Did you mean: --junit-xml?"), run.err());
    }

    @Test
    void noScenarioIsAnError(@TempDir Path empty) {
        CliRun run = CliRun.of("test", empty.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.out().contains("no scenario found"), run.out());
        CliRun missing = CliRun.of("test", empty.resolve("nope").toString());
        assertEquals(2, missing.exitCode());
        assertEquals("driftgate: " + empty.resolve("nope") + ": not a directory", missing.err().strip());
    }
}
