package dev.driftgate.gate;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * A declared restore script runs after the candidate on a fresh copy and must bring the rows the
 * backup table protects back exactly (the rollback path is covered by scenarios/zero-downtime).
 */
class SafetyNetsTest {

    @TempDir
    Path dir;

    private Events run(String restore) throws Exception {
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("driftgate.yaml"), "dialect: postgresql\nmigrations:\n  layout: flyway\ncandidates: '2'\n"
                + "rollback-modes: [chain]\nseed: [seed.sql]\nrestore:\n  '2': restore.sql\n");
        Files.writeString(dir.resolve("migrations/V1__note.sql"), "CREATE TABLE note (id int PRIMARY KEY, body text);\n");
        Files.writeString(dir.resolve("migrations/U1__note.sql"), "DROP TABLE note;\n");
        Files.writeString(dir.resolve("migrations/V2__drop_note.sql"), "CREATE TABLE note_backup AS SELECT * FROM note;\n"
                + "DROP TABLE note;\n");
        Files.writeString(dir.resolve("migrations/U2__drop_note.sql"), "CREATE TABLE note (id int PRIMARY KEY, body text);\n"
                + "INSERT INTO note SELECT * FROM note_backup;\nDROP TABLE note_backup;\n");
        Files.writeString(dir.resolve("seed.sql"), "INSERT INTO note VALUES (1, 'a'), (2, 'b'), (3, NULL);\n");
        Files.writeString(dir.resolve("restore.sql"), restore);
        return EngineTestKit.engine("driftgate").configurationParameter("driftgate.safety.observe", "false")
                .selectors(selectDirectory(dir.toFile())).execute().testEvents();
    }

    @Test
    void aRestoreScriptThatBringsTheRowsBackPasses() throws Exception {
        run("CREATE TABLE note (id int PRIMARY KEY, body text);\nINSERT INTO note SELECT * FROM note_backup;\n")
                .assertThatEvents().haveExactly(1, event(test("step:restore"), finishedSuccessfully()));
    }

    @Test
    void aRestoreScriptThatLosesARowFailsNamingTheTable() throws Exception {
        run("CREATE TABLE note (id int PRIMARY KEY, body text);\nINSERT INTO note SELECT * FROM note_backup WHERE body IS NOT NULL;\n")
                .assertThatEvents().haveExactly(1, event(test("step:restore"), finishedWithFailure(message(m ->
                        m.contains("the restore script ") && m.contains("does not bring the rows back from the backup exactly")
                                && m.contains("public.note: 3 rows:") && m.contains("-> 2 rows:")))));
    }
}
