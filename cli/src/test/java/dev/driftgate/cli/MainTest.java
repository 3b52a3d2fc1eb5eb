package dev.driftgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The command line as a whole: its version and its answer to a misspelt command. */
class MainTest {

    @Test
    void theVersionNamesTheReleaseAndTheCommit() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().strip().matches("driftgate \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit [0-9a-f]{12}\\)"), run.out());
    }

    @Test
    void aMisspeltCommandGetsASuggestion() {
        CliRun run = CliRun.of("tets");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Did you mean: driftgate test?"), run.err());
    }
}
