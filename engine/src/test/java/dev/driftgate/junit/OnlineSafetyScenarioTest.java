package dev.driftgate.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.driftgate.testing.ScenarioFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The online-safety step as a scenario sets it up: the levels a scenario file gives itself, and
 * what the rules know of the state before a candidate (column types, the session's time zone).
 */
class OnlineSafetyScenarioTest {

    @TempDir
    Path root;

    /** A scenario directory from (relative path, text) pairs. */
    private Path files(String name, String... pathsAndTexts) throws Exception {
        return ScenarioFiles.write(root.resolve(name), pathsAndTexts);
    }

    private static Events run(Path dir, String... parameters) {
        var kit = EngineTestKit.engine("driftgate");
        for (int i = 0; i < parameters.length; i += 2) {
            kit = kit.configurationParameter(parameters[i], parameters[i + 1]);
        }
        return kit.selectors(selectDirectory(dir.toFile())).execute().testEvents();
    }

    private Path indexOnExistingTable(String name, String yamlTail) throws Exception {
        return files(name, "driftgate.yaml", "dialect: postgresql\ncandidates: '2'\n" + yamlTail,
                "migrations/V1__a.sql", "CREATE TABLE a (id int PRIMARY KEY);\n",
                "migrations/U1__a.sql", "DROP TABLE a;\n",
                "migrations/V2__b.sql", "CREATE INDEX a_id_idx ON a (id);\n",
                "migrations/U2__b.sql", "DROP INDEX a_id_idx;\n");
    }

    @Test
    void aScenarioSetsItsOwnLevelAndTheRunsParameterWinsOverIt() throws Exception {
        Path dir = indexOnExistingTable("historic", "online-safety:\n  fail-on: off\n");
        run(dir).assertThatEvents().haveExactly(1, event(test("step:online-safety"), finishedSuccessfully()));
        run(dir, "driftgate.safety.fail-on", "error").assertThatEvents().haveExactly(1, event(test("step:online-safety"),
                finishedWithFailure(message(m -> m.contains("DG301 error")))));

        Path levels = indexOnExistingTable("levels", "online-safety:\n  levels:\n    DG301: warning\n");
        run(levels).assertThatEvents().haveExactly(1, event(test("step:online-safety"), finishedSuccessfully()));
        run(levels, "driftgate.safety.fail-on", "warning").assertThatEvents().haveExactly(1, event(test("step:online-safety"),
                finishedWithFailure(message(m -> m.contains("DG301 warning")))));
    }

    @Test
    void aBadOnlineSafetyValueNamesItsLine() throws Exception {
        Path dir = indexOnExistingTable("bad", "online-safety:\n  levels:\n    DG999: warning\n");
        EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().allEvents()
                .assertThatEvents().haveAtLeastOne(event(finishedWithFailure(message(m ->
                        m.contains("driftgate.yaml:5") && m.contains("online-safety.levels")
                                && m.contains("'DG999': no such rule code")))));
        Files.writeString(dir.resolve("driftgate.yaml"), "dialect: postgresql\ncandidates: '2'\nonline-safety:\n  fail-on: loud\n");
        EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().allEvents()
                .assertThatEvents().haveAtLeastOne(event(finishedWithFailure(message(m ->
                        m.contains("driftgate.yaml:4") && m.contains("online-safety.fail-on")))));
    }

    /**
     * timestamp to timestamptz rewrites nothing on PostgreSQL 12+ when the session's zone is UTC:
     * the gate asks the session (the JDBC driver gives it the JVM's zone) and knows the old type
     * from the state before the candidate. Static rules only, so the observation cannot hide it.
     * (DG203 is off: the schema diff classes timestamp to timestamptz as a breaking type change.)
     */
    @Test
    void timestampToTimestamptzIsNoRewriteInAUtcSessionOnly() throws Exception {
        Path dir = files("tz", "driftgate.yaml", "dialect: postgresql\ncandidates: '2'\n",
                "migrations/V1__a.sql", "CREATE TABLE a (id int PRIMARY KEY, at timestamp);\n",
                "migrations/U1__a.sql", "DROP TABLE a;\n",
                "migrations/V2__b.sql", "SET lock_timeout = '2s';\nALTER TABLE a ALTER COLUMN at TYPE timestamptz;\n",
                "migrations/U2__b.sql", "ALTER TABLE a ALTER COLUMN at TYPE timestamp;\n");
        TimeZone was = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            run(dir, "driftgate.safety.fail-on", "warning", "driftgate.safety.observe", "false",
                    "driftgate.safety.level.DG203", "off").assertThatEvents()
                    .haveExactly(1, event(test("step:online-safety"), finishedSuccessfully()));
            TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
            run(dir, "driftgate.safety.fail-on", "warning", "driftgate.safety.observe", "false",
                    "driftgate.safety.level.DG203", "off").assertThatEvents()
                    .haveExactly(1, event(test("step:online-safety"), finishedWithFailure(message(m ->
                            m.contains("DG302 warning: changes a column type")))));
        } finally {
            TimeZone.setDefault(was);
        }
    }
}
