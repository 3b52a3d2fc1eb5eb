package dev.driftgate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftgate.DriftgateException;
import dev.driftgate.config.DriftgateConfig;
import dev.driftgate.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A driftgate.yaml's paths stay inside the scenario's repository unless whoever runs driftgate allows more. */
class ScenarioPathsTest {

    @TempDir
    Path repo;

    private Path scenario;

    @BeforeEach
    void repository() throws Exception {
        Files.createDirectories(repo.resolve(".git"));
        scenario = Files.createDirectories(repo.resolve("db/gate"));
        Files.createDirectories(repo.resolve("db/migrations"));
        Files.writeString(repo.resolve("db/migrations/V1__a.sql"), "CREATE TABLE a (id int);\n");
    }

    private String rejected(String yaml) throws Exception {
        Files.writeString(scenario.resolve("driftgate.yaml"), yaml);
        return assertThrows(DriftgateException.class, () -> ScenarioLoader.load(scenario, "s", Settings.defaults()))
                .getMessage();
    }

    @Test
    void aPathInsideTheRepositoryButOutsideTheScenarioIsFine() throws Exception {
        Files.writeString(scenario.resolve("driftgate.yaml"), "dialect: postgresql\ncandidates: all\nmigrations:\n  path: ../migrations\n");
        assertEquals(1, ScenarioLoader.load(scenario, "s", Settings.defaults()).candidates().size()
                + ScenarioLoader.load(scenario, "s", Settings.defaults()).baseline().size());
    }

    @Test
    void migrationsSeedsAndSnapshotsOutsideTheRepositoryAreRefusedAtTheirLine() throws Exception {
        String m = rejected("dialect: postgresql\ncandidates: all\nmigrations:\n  path: /etc\n");
        assertTrue(m.contains("driftgate.yaml:4:") && m.contains("outside the scenario's repository"), m);
        m = rejected("dialect: postgresql\ncandidates: all\nmigrations:\n  path: ../migrations\nseed:\n  - /etc/passwd\n");
        assertTrue(m.contains("seed[0]") && m.contains("outside the scenario's repository") && !m.contains("root:"), m);
        m = rejected("dialect: postgresql\ncandidates: all\nmigrations:\n  path: ../migrations\nexpected: ../../../elsewhere/schema.json\n");
        assertTrue(m.contains("expected") && m.contains("outside the scenario's repository"), m);
    }

    @Test
    void aLinkCannotLeadAPathOut() throws Exception {
        Files.createSymbolicLink(repo.resolve("db/etc"), Path.of("/etc"));
        String m = rejected("dialect: postgresql\ncandidates: all\nmigrations:\n  path: ../etc\n");
        assertTrue(m.contains("outside the scenario's repository"), m);
    }

    @Test
    void whoeverRunsDriftgateMayAllowMore() throws Exception {
        Path outside = Files.createTempDirectory("driftgate-outside");
        try {
            Files.writeString(outside.resolve("V1__a.sql"), "CREATE TABLE a (id int);\n");
            Files.writeString(scenario.resolve("driftgate.yaml"), "dialect: postgresql\ncandidates: all\nmigrations:\n  path: " + outside + "\n");
            Scenario s = ScenarioLoader.load(scenario, "s",
                    Settings.read(k -> k.equals(DriftgateConfig.PATHS_ALLOW_OUTSIDE) ? Optional.of("true") : Optional.empty()));
            assertEquals(1, s.candidates().size() + s.baseline().size());
        } finally {
            Files.deleteIfExists(outside.resolve("V1__a.sql"));
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void anEmptyHistoryIsAnErrorNotAPass() throws Exception {
        Files.createDirectories(scenario.resolve("migrations"));
        String m = rejected("dialect: postgresql\ncandidates: all\nmigrations:\n  path: migrations\n  layout: flyway\n");
        assertTrue(m.contains("holds no migration in the flyway layout"), m);
    }
}
