package dev.driftgate.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.driftgate.DriftgateException;
import dev.driftgate.config.DriftgateConfig;
import dev.driftgate.config.Settings;
import dev.driftgate.dialect.Dialects;
import dev.driftgate.provision.EmbeddedPostgresServer;
import dev.driftgate.provision.ExistingServer;
import dev.driftgate.sql.ConnectionSettings;
import dev.driftgate.testing.Databases;
import dev.driftgate.testing.Target;
import dev.driftgate.testing.ScenarioFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventConditions;
import org.junit.platform.testkit.engine.Events;
import org.testcontainers.DockerClientFactory;

/** The engine's behaviour on small scenarios it discovers in temporary directories. */
class DriftgateTestEngineTest {

    @TempDir
    Path root;

    private Path scenario(String name, String yaml) throws Exception {
        Path dir = root.resolve(name);
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("driftgate.yaml"), yaml);
        Files.writeString(dir.resolve("migrations/V1__a.sql"), "CREATE TABLE a (id int PRIMARY KEY);\n");
        Files.writeString(dir.resolve("migrations/U1__a.sql"), "DROP TABLE a;\n");
        Files.writeString(dir.resolve("migrations/V2__b.sql"), "ALTER TABLE a ADD COLUMN b text;\n");
        Files.writeString(dir.resolve("migrations/U2__b.sql"), "ALTER TABLE a DROP COLUMN b;\n");
        return dir;
    }

    /** A scenario directory from (relative path, text) pairs. */
    private Path files(String name, String... pathsAndTexts) throws Exception {
        return ScenarioFiles.write(root.resolve(name), pathsAndTexts);
    }

    @Test
    void treeHasStableIdsAndEveryStepPasses() throws Exception {
        Path dir = scenario("ok", "dialect: postgresql\ncandidates: '2'\n");
        TestDescriptor tree = EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile()))
                .discover().getEngineDescriptor();
        TestDescriptor s = tree.getChildren().iterator().next();
        TestDescriptor target = s.getChildren().iterator().next();
        assertEquals(List.of("step:baseline", "migration:2", "step:chain-rollback"), target.getChildren().stream()
                .map(d -> d.getUniqueId().getLastSegment().getType() + ":" + d.getUniqueId().getLastSegment().getValue()).toList());
        assertEquals("target", target.getUniqueId().getLastSegment().getType());
        assertEquals("embedded", target.getUniqueId().getLastSegment().getValue());

        Events events = EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().testEvents();
        events.assertStatistics(st -> st.failed(0).succeeded(6).aborted(2));
        events.assertThatEvents().haveExactly(1, event(test("step:chain-rollback"), finishedSuccessfully()));
        events.assertThatEvents().haveExactly(1, event(test("step:partial-failure"), EventConditions
                .abortedWithReason(message(m -> m.contains("runs in one transaction")))));
    }

    @Test
    void aUniqueIdReRunsItsTarget() throws Exception {
        Path dir = scenario("ok", "dialect: postgresql\ncandidates: '2'\n");
        TestDescriptor tree = EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile()))
                .discover().getEngineDescriptor();
        UniqueId step = tree.getDescendants().stream().filter(d -> d.getUniqueId().getLastSegment().getValue().equals("rollback"))
                .findFirst().orElseThrow().getUniqueId();
        Events events = EngineTestKit.engine("driftgate").selectors(selectUniqueId(step)).execute().testEvents();
        events.assertThatEvents().haveExactly(1, event(test("step:rollback"), finishedSuccessfully()));
    }

    @Test
    void aBrokenScenarioIsAFailingNodeNotACrashedRun() throws Exception {
        Path bad = scenario("bad", "dialect: postgresql\nrollbak: optional\n");
        Path good = scenario("good", "dialect: postgresql\ncandidates: none\n");
        Events events = EngineTestKit.engine("driftgate").selectors(selectDirectory(root.toFile())).execute().testEvents();
        events.assertThatEvents().haveExactly(1, event(test("scenario:"), finishedWithFailure(message(m ->
                m.equals(bad.resolve("driftgate.yaml") + ":2:1: unknown key 'rollbak' (known here: baseline, branch-base, candidates, "
                        + "compatibility, declared, dialect, environments, expected, expected-each, forward-fix, groups, ignore, migrations, "
                        + "online-safety, restore, rollback, rollback-modes, seed, sql-mode, targets)")))));
        events.assertThatEvents().haveExactly(1, event(test("step:baseline"), finishedSuccessfully()));
        assertEquals(true, Files.exists(good));
    }

    @Test
    void aBadValueIsAFailingNodeNamingItsPositionAndTheOtherScenariosRun() throws Exception {
        Path bad = scenario("typo", "dialect: postgressql\ncandidates: none\n");
        scenario("good", "dialect: postgresql\ncandidates: none\n");
        Events events = EngineTestKit.engine("driftgate").selectors(selectDirectory(root.toFile())).execute().testEvents();
        events.assertThatEvents().haveExactly(1, event(test("scenario:"), finishedWithFailure(message(
                bad.resolve("driftgate.yaml") + ":1:10: dialect: 'postgressql': expected postgresql or mysql (MySQL and MariaDB)"))));
        events.assertThatEvents().haveExactly(1, event(test("step:baseline"), finishedSuccessfully()));
    }

    @Test
    void aFailingMigrationNamesFileLineAndStatementAndStopsWhatDependsOnIt() throws Exception {
        Path dir = scenario("fails", "dialect: postgresql\ncandidates: '2'\n");
        Files.writeString(dir.resolve("migrations/V2__b.sql"), "-- adds b\nALTER TABLE a ADD COLUMN b text;\nALTER TABLE nope ADD COLUMN c int;\n");
        Events events = EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().testEvents();
        events.assertThatEvents().haveExactly(1, event(test("step:apply"), finishedWithFailure(message(m ->
                m.startsWith("2 b does not apply: " + dir.resolve("migrations/V2__b.sql") + ":3: statement 2 failed")
                        && m.contains("relation \"nope\" does not exist")))));
        events.assertStatistics(st -> st.failed(1).aborted(6));
    }

    @Test
    void testcontainersTargetsAreSkippedWithAVisibleReasonWithoutDocker() throws Exception {
        Assumptions.assumeFalse(
                DockerClientFactory.instance().isDockerAvailable(), "Docker is here: the target runs");
        Path dir = scenario("tc", "dialect: postgresql\ncandidates: '2'\ntargets: ['testcontainers:postgres:16']\n");
        Events events = EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().containerEvents();
        events.assertThatEvents().haveExactly(1, event(container("target:testcontainers"),
                skippedWithReason(r -> r.contains("no Docker engine") && r.contains("testcontainers:postgres:16"))));
    }

    @Test
    void aVersionMatrixRunsOnEveryTargetAndTheSweeperDropsOnlyOldLeftovers() throws Exception {
        String hostPort = System.getProperty("driftgate.test.postgres", "127.0.0.1:5432");
        var server = new ExistingServer(Dialects.postgres(),
                hostPort.split(":")[0], Integer.parseInt(hostPort.split(":")[1]),
                ConnectionSettings.of("postgres", null));
        String old = "dg_1000000000_1_1";
        try (var c = server.connect("postgres"); var st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + old);
            st.execute("CREATE DATABASE " + old);
        }
        Path dir = scenario("matrix", "dialect: postgresql\ncandidates: '2'\n");
        Events events = EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile()))
                .configurationParameter(DriftgateConfig.TARGETS, "embedded,server")
                .configurationParameter(DriftgateConfig.SERVER_POSTGRESQL, "jdbc:postgresql://" + hostPort + "/postgres")
                .configurationParameter(DriftgateConfig.SERVER_USER, "postgres")
                .execute().testEvents();
        events.assertStatistics(st -> st.failed(0).succeeded(12));
        events.assertThatEvents().haveExactly(2, event(test("step:rollback"), finishedSuccessfully()));
        try (var c = server.connect("postgres"); var st = c.createStatement();
                var rs = st.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + old + "'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the leftover of a run from 2001 is swept");
        }
    }

    @Test
    void approvedSnapshotsPerMigrationAreWrittenThenEnforced() throws Exception {
        Path dir = scenario("each", "dialect: postgresql\ncandidates: '2'\nexpected-each: approved\nexpected: approved/final.json\n");
        EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile()))
                .configurationParameter(DriftgateConfig.APPROVE, "true").execute().testEvents()
                .assertStatistics(st -> st.failed(0));
        assertEquals(true, Files.exists(dir.resolve("approved/2.json")) && Files.exists(dir.resolve("approved/final.json")));
        EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().testEvents()
                .assertStatistics(st -> st.failed(0).succeeded(8));
        // The migration changes; its approved snapshot no longer matches, and the message is the diff.
        Files.writeString(dir.resolve("migrations/V2__b.sql"), "ALTER TABLE a ADD COLUMN b varchar(10);\n");
        Events events = EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().testEvents();
        events.assertThatEvents().haveExactly(1, event(test("step:expected"), finishedWithFailure(message(m ->
                m.startsWith("the schema after 2 differs from " + dir.resolve("approved/2.json"))
                        && m.contains("AlterColumn column public.a.b")))));
    }

    @Test
    void aRollbackThatLeavesAnUnmodelledObjectFails() throws Exception {
        Path dir = scenario("rule", "dialect: postgresql\ncandidates: '2'\n");
        Files.writeString(dir.resolve("migrations/V2__b.sql"), "CREATE RULE a_keep AS ON DELETE TO a DO INSTEAD NOTHING;\n");
        Files.writeString(dir.resolve("migrations/U2__b.sql"), "SELECT 1;\n");
        Events events = EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().testEvents();
        events.assertThatEvents().haveExactly(1, event(test("step:rollback"), finishedWithFailure(message(m ->
                m.equals("the rollback of 2 b does not restore the schema before it: objects driftgate does not model "
                        + "differ: rule public.a.a_keep (only after)")))));
    }

    @Test
    void scenariosOnTheClasspathAreFoundByResourceAndByPackage() {
        for (var selector : List.of(DiscoverySelectors.selectClasspathResource(
                "driftgate-scenarios/tiny"), DiscoverySelectors.selectPackage(
                "driftgate-scenarios"))) {
            Events events = EngineTestKit.engine("driftgate").selectors(selector).execute().testEvents();
            events.assertStatistics(st -> st.failed(0).succeeded(6).aborted(2));
        }
    }

    /** A golang-migrate scenario of one dialect whose candidates are version 2 and later. */
    private Path fromSecond(String name, String dialect, String... pathsAndTexts) throws Exception {
        Path dir = files(name + "-" + dialect, pathsAndTexts);
        Files.writeString(dir.resolve("driftgate.yaml"), "dialect: " + dialect + "\ncandidates: '2..'\n");
        return dir;
    }

    @Test
    void aFailedCandidateStillLeavesTheNextOneAKnownStateOnBothDialects() throws Exception {
        for (String dialect : List.of("postgresql", "mysql")) {
            // 2's rollback leaves column x behind: its checks fail on the state they ran on, which
            // is rebuilt (PostgreSQL: from a copy of the baseline; MySQL: by replay) for 3 and 4.
            Path dir = fromSecond("failed", dialect,
                    "migrations/000001_a.up.sql", "CREATE TABLE a (id int PRIMARY KEY);\n",
                    "migrations/000001_a.down.sql", "DROP TABLE a;\n",
                    "migrations/000002_x.up.sql", "ALTER TABLE a ADD COLUMN x int;\n",
                    "migrations/000002_x.down.sql", "SELECT 1;\n",
                    "migrations/000003_y.up.sql", "ALTER TABLE a ADD COLUMN y int;\n",
                    "migrations/000003_y.down.sql", "ALTER TABLE a DROP COLUMN y;\n",
                    // Needs 2's column: it only applies on a state that holds 2 applied once.
                    "migrations/000004_z.up.sql", "ALTER TABLE a RENAME COLUMN x TO z;\n",
                    "migrations/000004_z.down.sql", "ALTER TABLE a RENAME COLUMN z TO x;\n");
            Events events = EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().testEvents();
            events.assertThatEvents().haveExactly(1, event(test("migration:000002"), test("step:rollback"), finishedWithFailure()));
            events.assertThatEvents().haveExactly(1, event(test("migration:000002"), test("step:reapply"), finishedWithFailure()));
            for (String later : List.of("migration:000003", "migration:000004")) {
                for (String step : List.of("step:apply", "step:rollback", "step:reapply", "step:online-safety")) {
                    events.assertThatEvents().haveExactly(1, event(test(later), test(step), finishedSuccessfully()));
                }
            }
            events.assertThatEvents().haveExactly(1, event(test("chain-rollback"), finishedWithFailure()));
            events.assertStatistics(st -> st.failed(3));
            Databases.assertNoThrowawayLeft();
        }
    }

    @Test
    void theObservedCopyKeepsItsRowsFromCandidateToCandidateAndIsRebuiltAfterAFailedRun() throws Exception {
        for (String dialect : List.of("postgresql", "mysql")) {
            String schema = dialect.equals("postgresql") ? "public." : "";
            Path dir = fromSecond("observed", dialect,
                    "migrations/000001_account.up.sql", "CREATE TABLE team (id int PRIMARY KEY, name varchar(20) NOT NULL);\n"
                            + "CREATE TABLE account (id int PRIMARY KEY, team_id int NOT NULL REFERENCES team (id), "
                            + "email varchar(40));\n",
                    "migrations/000001_account.down.sql", "DROP TABLE account;\nDROP TABLE team;\n",
                    "migrations/000002_note.up.sql", "ALTER TABLE account ADD COLUMN note varchar(10);\n",
                    "migrations/000002_note.down.sql", "ALTER TABLE account DROP COLUMN note;\n",
                    // Fails on the generated rows (their emails repeat): the observed copy is dropped.
                    "migrations/000003_email.up.sql", "CREATE UNIQUE INDEX account_email ON account (email);\n",
                    "migrations/000003_email.down.sql", "DROP INDEX account_email" + (dialect.equals("mysql") ? " ON account" : "")
                            + ";\n",
                    // Runs on a copy rebuilt with 2 and 3 applied: dropping 3's index works there.
                    "migrations/000004_no_email.up.sql", "DROP INDEX account_email" + (dialect.equals("mysql") ? " ON account" : "")
                            + ";\nALTER TABLE account DROP COLUMN note;\n",
                    "migrations/000004_no_email.down.sql", "ALTER TABLE account ADD COLUMN note varchar(10);\n"
                            + "CREATE UNIQUE INDEX account_email ON account (email);\n");
            // Warnings fail the step here, so that its message shows what the observation saw.
            Events events = EngineTestKit.engine("driftgate").configurationParameter("driftgate.safety.fail-on", "warning")
                    .selectors(selectDirectory(dir.toFile())).execute().testEvents();
            String fresh = "representative rows added: " + schema + "team 100, " + schema + "account 100";
            String kept = "representative rows added: " + schema + "team 100 (added for an earlier candidate), " + schema
                    + "account 100 (added for an earlier candidate)";
            events.assertThatEvents().haveExactly(1, event(test("migration:000002"), test("step:online-safety"),
                    finishedWithFailure(message(m -> m.contains(fresh) && !m.contains("DG640")))));
            events.assertThatEvents().haveExactly(1, event(test("migration:000003"), test("step:online-safety"),
                    finishedWithFailure(message(m -> m.contains(kept) && m.contains("DG640 error: fails on representative rows")))));
            events.assertThatEvents().haveExactly(1, event(test("migration:000004"), test("step:online-safety"),
                    finishedWithFailure(message(m -> m.contains(fresh) && !m.contains("DG640")))));
            Databases.assertNoThrowawayLeft();
        }
    }

    @Test
    void aReappliedMigrationHandsOutTheIdsOfItsFirstRunSoLaterOnesSeeProductionsRows() throws Exception {
        for (String dialect : List.of("postgresql", "mysql")) {
            String serial = dialect.equals("postgresql") ? "serial" : "int AUTO_INCREMENT";
            // 3 names the row 2 inserted by its id, as data migrations do: after 2's apply, rollback
            // and re-apply the row must carry the id production gives it.
            Path dir = fromSecond("ids", dialect,
                    "migrations/000001_role.up.sql", "CREATE TABLE role (id " + serial + " PRIMARY KEY, name varchar(20) NOT NULL);\n",
                    "migrations/000001_role.down.sql", "DROP TABLE role;\n",
                    "migrations/000002_admin.up.sql", "INSERT INTO role (name) VALUES ('admin');\n",
                    "migrations/000002_admin.down.sql", "DELETE FROM role WHERE name = 'admin';\n",
                    "migrations/000003_grants.up.sql", "CREATE TABLE IF NOT EXISTS grants (role_id int NOT NULL REFERENCES role (id));\n"
                            + "INSERT INTO grants (role_id) VALUES (1);\n",
                    "migrations/000003_grants.down.sql", "DROP TABLE grants;\n",
                    // A rollback that keeps the row: the counter stays advanced, as in production,
                    // so the re-apply does not collide with the row left behind.
                    "migrations/000004_guest.up.sql", "INSERT INTO role (name) VALUES ('guest');\n",
                    "migrations/000004_guest.down.sql", "SELECT 1;\n");
            Events events = EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().testEvents();
            events.assertThatEvents().haveExactly(1, event(test("migration:000003"), test("step:apply"), finishedSuccessfully()));
            events.assertThatEvents().haveExactly(1, event(test("migration:000004"), test("step:data"), finishedWithFailure()));
            events.assertThatEvents().haveExactly(1, event(test("migration:000004"), test("step:reapply"), finishedSuccessfully()));
            events.assertStatistics(st -> st.failed(1));
        }
    }

    @Test
    void onPostgresqlAMigrationThatCannotRunInATransactionIsInterruptedAtEveryStatement() throws Exception {
        Path dir = scenario("concurrently", "dialect: postgresql\ncandidates: '2'\n");
        Files.writeString(dir.resolve("migrations/V2__b.sql"),
                "CREATE INDEX CONCURRENTLY a_id ON a (id);\nALTER TABLE a ADD COLUMN b text;\n");
        Files.writeString(dir.resolve("migrations/U2__b.sql"), "DROP INDEX a_id;\nALTER TABLE a DROP COLUMN b;\n");
        Events events = EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().testEvents();
        events.assertThatEvents().haveExactly(1, event(test("step:partial-failure"), finishedWithFailure(message(m ->
                m.contains("cannot be brought forward after a failure after statement 1 of 2")
                        && m.contains("relation \"a_id\" already exists")))));
        // Made re-runnable, the same migration passes.
        Files.writeString(dir.resolve("migrations/V2__b.sql"),
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS a_id ON a (id);\nALTER TABLE a ADD COLUMN IF NOT EXISTS b text;\n");
        EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().testEvents()
                .assertThatEvents().haveExactly(1, event(test("step:partial-failure"), finishedSuccessfully()));
    }

    @Test
    void aPersistentServerKeepsTheBaselineForTheNextRunWhenAsked() throws Exception {
        String hostPort = System.getProperty("driftgate.test.postgres", "127.0.0.1:5432");
        Path dir = scenario("cached", "dialect: postgresql\ncandidates: '2'\ntargets: [server]\n");
        var server = new ExistingServer(Dialects.postgres(),
                hostPort.split(":")[0], Integer.parseInt(hostPort.split(":")[1]),
                ConnectionSettings.of("postgres", null));
        List<String> baselines = new ArrayList<>();
        try {
            for (int run = 0; run < 2; run++) {
                var results = EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile()))
                        .configurationParameter(DriftgateConfig.SERVER_POSTGRESQL, "jdbc:postgresql://" + hostPort + "/postgres")
                        .configurationParameter(DriftgateConfig.BASELINE_CACHE, "true")
                        .execute();
                results.testEvents().assertStatistics(st -> st.failed(0).succeeded(6));
                results.allEvents().reportingEntryPublished().stream()
                        .filter(e -> e.getTestDescriptor().getUniqueId().toString().contains("step:baseline"))
                        .map(e -> e.getRequiredPayload(ReportEntry.class)
                                .getKeyValuePairs().get("driftgate.result"))
                        .filter(Objects::nonNull)
                        .forEach(baselines::add);
            }
            assertEquals(2, baselines.size(), baselines.toString());
            assertEquals(true, baselines.get(0).contains("; cached as dg_base_"), baselines.get(0));
            assertEquals(true, baselines.get(1).startsWith("copied from the cached baseline dg_base_"), baselines.get(1));
        } finally {
            try (var c = server.connect("postgres"); var st = c.createStatement()) {
                var names = new ArrayList<String>();
                try (var rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'dg\\_base\\_%'")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                for (String n : names) {
                    st.execute("DROP DATABASE \"" + n + "\" WITH (FORCE)");
                }
            }
        }
    }

    @Test
    void chainRollbackUndoesEveryCandidateInReverseAndNamesTheOneThatFails() throws Exception {
        Path dir = scenario("chain", "dialect: postgresql\ncandidates: '2..'\nrollback-modes: [chain]\n");
        Files.writeString(dir.resolve("migrations/V3__c.sql"), "CREATE VIEW v AS SELECT id, b FROM a;\n");
        // 3's rollback forgets its view: alone only the chain sees it, and 2's rollback then fails on it.
        Files.writeString(dir.resolve("migrations/U3__c.sql"), "SELECT 1;\n");
        Events events = EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().testEvents();
        events.assertThatEvents().haveExactly(1, event(test("step:chain-rollback"), finishedWithFailure(message(m ->
                m.startsWith("chain rollback: the rollback of 2 b fails: " + dir.resolve("migrations/U2__b.sql") + ":1: ")
                        && m.contains("cannot drop column b of table a because other objects depend on it")
                        && m.endsWith("\n  after rolling back 1: 3 c")))));
        assertEquals(0, events.filter(e -> e.getTestDescriptor().getUniqueId().toString().contains("step:rollback")).count(),
                "per-migration steps are off in this scenario");
        Files.writeString(dir.resolve("migrations/U3__c.sql"), "DROP VIEW v;\n");
        EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().testEvents()
                .assertThatEvents().haveExactly(1, event(test("step:chain-rollback"), finishedSuccessfully()));
    }

    @Test
    void theOnlineSafetyStepFailsOnAnErrorLevelHazardWithWhatItObserved() throws Exception {
        Path dir = scenario("safety", "dialect: postgresql\ncandidates: '2'\n");
        Files.writeString(dir.resolve("migrations/V2__b.sql"), "CREATE INDEX a_id_idx ON a (id);\n");
        Files.writeString(dir.resolve("migrations/U2__b.sql"), "DROP INDEX a_id_idx;\n");
        Events events = EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().testEvents();
        events.assertThatEvents().haveExactly(1, event(test("step:online-safety"), finishedWithFailure(message(m ->
                m.startsWith("2 b: 1 hazard at or above error (1 error, 1 warning):")
                        && m.contains("V2__b.sql:1: DG301 error: builds an index without CONCURRENTLY on an existing table")
                        && m.contains("[observed: locks public.a ShareLock]")
                        && m.contains("observed on a seeded copy:")))));
        events.assertStatistics(stats -> stats.failed(1));

        // Configured down to a warning, it is reported and passes.
        EngineTestKit.engine("driftgate").configurationParameter("driftgate.safety.level.DG301", "warning")
                .selectors(selectDirectory(dir.toFile())).execute().testEvents()
                .assertThatEvents().haveExactly(1, event(test("step:online-safety"), finishedSuccessfully()));
        // Suppressed in the file with a reason, it passes too.
        Files.writeString(dir.resolve("migrations/V2__b.sql"),
                "-- driftgate:ignore DG301 a holds a handful of rows\nCREATE INDEX a_id_idx ON a (id);\n");
        EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().testEvents()
                .assertThatEvents().haveExactly(1, event(test("step:online-safety"), finishedSuccessfully()));
        // A bad level is one line naming the key.
        EngineTestKit.engine("driftgate").configurationParameter("driftgate.safety.fail-on", "loud")
                .selectors(selectDirectory(dir.toFile())).execute().allEvents()
                .assertThatEvents().haveAtLeastOne(event(finishedWithFailure(message(m ->
                        m.contains("driftgate.safety.fail-on: level 'loud': expected off, info, warning or error")))));
    }

    @Test
    void aNarrowedColumnIsSeenInTheStatesAndCanBeSuppressed() throws Exception {
        Path dir = files("narrow", "driftgate.yaml", "dialect: mysql\ncandidates: '2'\n",
                "migrations/V1__a.sql", "CREATE TABLE a (id int PRIMARY KEY, code varchar(40));\n",
                "migrations/U1__a.sql", "DROP TABLE a;\n",
                "migrations/V2__b.sql", "SET SESSION lock_wait_timeout = 5;\nALTER TABLE a MODIFY code varchar(10);\n",
                "migrations/U2__b.sql", "ALTER TABLE a MODIFY code varchar(40);\n");
        Events events = EngineTestKit.engine("driftgate").configurationParameter("driftgate.safety.fail-on", "warning")
                .selectors(selectDirectory(dir.toFile())).execute().testEvents();
        events.assertThatEvents().haveExactly(1, event(test("step:online-safety"), finishedWithFailure(message(m ->
                m.contains("V2__b.sql:2: DG203 warning: narrows a column type (a.code: varchar(40) to varchar(10))")
                        && m.contains("DG320 warning")))));
        Files.writeString(dir.resolve("migrations/V2__b.sql"), "SET SESSION lock_wait_timeout = 5;\n"
                + "-- driftgate:ignore DG203 codes are 6 characters, checked in production\n"
                + "-- driftgate:ignore DG320 the table holds 30 rows\n"
                + "ALTER TABLE a MODIFY code varchar(10);\n");
        EngineTestKit.engine("driftgate").configurationParameter("driftgate.safety.fail-on", "warning")
                .selectors(selectDirectory(dir.toFile())).execute().testEvents()
                .assertThatEvents().haveExactly(1, event(test("step:online-safety"), finishedSuccessfully()));
    }

    @Test
    void representativeRowsMakeDataDependentFailuresShowOnBothDialects() throws Exception {
        for (String dialect : List.of("postgresql", "mysql")) {
            String index = dialect.equals("postgresql") ? "CREATE UNIQUE INDEX CONCURRENTLY account_email ON account (email);\n"
                    : "SET SESSION lock_wait_timeout = 5;\nCREATE UNIQUE INDEX account_email ON account (email);\n";
            Path dir = files("rows-" + dialect, "driftgate.yaml", "dialect: " + dialect + "\ncandidates: '2'\n",
                    "migrations/V1__account.sql", "CREATE TABLE team (id int PRIMARY KEY, name varchar(20) NOT NULL);\n"
                            + "CREATE TABLE account (id int PRIMARY KEY, team_id int NOT NULL REFERENCES team (id), "
                            + "email varchar(40), status varchar(10) NOT NULL CHECK (status IN ('active', 'closed')));\n",
                    "migrations/U1__account.sql", "DROP TABLE account;\nDROP TABLE team;\n",
                    "migrations/V2__email_unique.sql", index,
                    "migrations/U2__email_unique.sql", "DROP INDEX account_email" + (dialect.equals("mysql") ? " ON account" : "")
                            + ";\n");
            // No seed: the gate's own steps pass on empty tables; the generated rows hold duplicates.
            Events events = EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().testEvents();
            events.assertThatEvents().haveExactly(1, event(test("step:online-safety"), finishedWithFailure(message(m ->
                    m.contains("DG401 warning: adds a unique constraint to existing data")
                            && m.contains("[observed: confirmed: fails on representative rows]")
                            && m.contains("DG640 error: fails on representative rows (observed)")
                            && m.contains("representative rows added: " + (dialect.equals("postgresql")
                                    ? "public.team 100, public.account 100" : "team 100, account 100"))))));
            events.assertStatistics(st -> st.failed(1));
            EngineTestKit.engine("driftgate").configurationParameter("driftgate.safety.rows", "0")
                    .selectors(selectDirectory(dir.toFile())).execute().testEvents()
                    .assertThatEvents().haveExactly(1, event(test("step:online-safety"), finishedSuccessfully()));
        }
    }

    @Test
    void baselineEmptyChainsTheWholeHistoryFromAnEmptyDatabase() throws Exception {
        // V1 is baseline, not a candidate: only the full-history chain runs its rollback, and it leaves a table.
        Path dir = scenario("history", "dialect: mysql\ncandidates: '2..'\nbaseline: empty\n");
        Files.writeString(dir.resolve("migrations/U1__a.sql"), "CREATE TABLE leftover (id int);\nDROP TABLE a;\n");
        Events events = EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().testEvents();
        events.assertThatEvents().haveExactly(1, event(test("step:history-rollback"), finishedWithFailure(message(m ->
                m.startsWith("chain rollback from an empty database: the whole history up and down again leaves objects behind")
                        && m.contains("leftover")))));
        assertEquals(0, events.filter(e -> e.getTestDescriptor().getUniqueId().toString().contains("step:chain-rollback"))
                .count(), "the history chain replaces the candidates' chain");
        events.assertThatEvents().haveExactly(1, event(test("step:rollback"), finishedSuccessfully()));

        Files.writeString(dir.resolve("migrations/U1__a.sql"), "DROP TABLE a;\n");
        EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().testEvents()
                .assertThatEvents().haveExactly(1, event(test("step:history-rollback"), finishedSuccessfully()));
        Files.delete(dir.resolve("migrations/U1__a.sql"));
        EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().testEvents()
                .assertThatEvents().haveExactly(1, event(test("step:history-rollback"), finishedWithFailure(message(
                        "chain rollback from an empty database: no rollback for 1 a"))));
    }

    @Test
    void baselineEmptyNeedsTheChainModeAndAKnownValue() throws Exception {
        Path dir = scenario("history-bad", "dialect: postgresql\nbaseline: nothing\n");
        Events events = EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().allEvents();
        events.assertThatEvents().haveAtLeastOne(event(finishedWithFailure(message(m ->
                m.contains("baseline: 'nothing': expected migrations or empty")))));
        Files.writeString(dir.resolve("driftgate.yaml"), "dialect: postgresql\ncandidates: all\nbaseline: empty\nrollback-modes: [per-migration]\n");
        EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().allEvents()
                .assertThatEvents().haveAtLeastOne(event(finishedWithFailure(message(m ->
                        m.contains("baseline: empty is a chain rollback over the whole history")))));
    }

    @Test
    void aHistoryWithPostgresql18SyntaxRunsOn18AndFailsOn15And16NamingTheStatement() throws Exception {
        // The version matrix: the PostgreSQL 15 server, embedded 16 (fetched) and embedded 18 (the default).
        var server = Target.POSTGRES_SERVER.server();
        Path dir = scenario("pg18", "dialect: postgresql\ncandidates: '2'\ntargets: ['server:" + server.jdbcUrl("postgres") + "', 'embedded:16', embedded]\n");
        // A named NOT NULL constraint: new syntax in PostgreSQL 18.
        Files.writeString(dir.resolve("migrations/V2__b.sql"), "ALTER TABLE a ADD COLUMN b text;\n"
                + "ALTER TABLE a ADD CONSTRAINT a_b_not_null NOT NULL b;\n");
        Files.writeString(dir.resolve("migrations/U2__b.sql"), "ALTER TABLE a DROP COLUMN b;\n");
        Events events = EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().testEvents();
        assertEquals(1, events.finished().succeeded().filter(e -> onTarget(e, "embedded") && isStep(e, "reapply")).count());
        String statement = dir.resolve("migrations/V2__b.sql") + ":2: statement 2 failed: ERROR: syntax error";
        assertEquals(1, events.failed().filter(e -> onTarget(e, "embedded:16") && isStep(e, "apply")
                && failure(e).contains(statement)
                && failure(e).endsWith("(refused by PostgreSQL 16 (embedded) at localhost:"
                        + EmbeddedPostgresServer.shared(16).port()
                        + "; if the statement needs a newer version, name one in targets:, e.g. embedded:18)")).count());
        assertEquals(1, events.failed().filter(e -> onTarget(e, "server:" + server.host() + ":" + server.port())
                && isStep(e, "apply")
                && failure(e).contains(statement) && failure(e).contains("(refused by PostgreSQL 15.")).count());
    }

    private static boolean onTarget(Event e, String target) {
        return e.getTestDescriptor().getUniqueId().getSegments().stream().anyMatch(seg -> seg.getValue().equals(target));
    }

    private static boolean isStep(Event e, String step) {
        return e.getTestDescriptor().getUniqueId().getLastSegment().getValue().equals(step);
    }

    private static String failure(Event e) {
        return e.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow().getMessage();
    }

    @Test
    void mariadbSqlModeIsTheScenariosToChooseAndIsReported() throws Exception {
        // Written for a lax server: '' into an integer column is an error in strict mode.
        Path dir = files("mode", "driftgate.yaml", "dialect: mysql\ncandidates: '2'\n",
                "migrations/000001_a.up.sql", "CREATE TABLE a (id int PRIMARY KEY, n int NOT NULL);\n",
                "migrations/000001_a.down.sql", "DROP TABLE a;\n",
                "migrations/000002_b.up.sql", "INSERT INTO a VALUES (1, '');\n",
                "migrations/000002_b.down.sql", "DELETE FROM a WHERE id = 1;\n");
        Events strict = EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().testEvents();
        strict.assertThatEvents().haveExactly(1, event(test("step:apply"), finishedWithFailure(message(m ->
                m.contains("Incorrect integer value")))));
        Files.writeString(dir.resolve("driftgate.yaml"), "dialect: mysql\ncandidates: '2'\nsql-mode: NO_ENGINE_SUBSTITUTION\n");
        var relaxed = EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute();
        relaxed.testEvents().assertThatEvents().haveExactly(1, event(test("step:apply"), finishedSuccessfully()));
        assertEquals(true, relaxed.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .anyMatch(kv -> String.valueOf(kv.get("driftgate.target")).endsWith("; sql_mode NO_ENGINE_SUBSTITUTION")));
    }

    @Test
    void anUnreachableServerTargetFailsInOneLineAndTheOtherTargetsRun() throws Exception {
        Path dir = scenario("down", "dialect: postgresql\ncandidates: '2'\ntargets: [embedded, server]\n");
        Events events = EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile()))
                .configurationParameter(DriftgateConfig.SERVER_POSTGRESQL, "jdbc:postgresql://127.0.0.1:1/postgres")
                .execute().containerEvents();
        assertEquals(List.of("target server (postgresql server at 127.0.0.1:1): cannot connect: server unreachable "
                + "(Connection refused)"), events.failed().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable()
                        .orElseThrow().getMessage()).toList());
        assertEquals(1, events.succeeded().filter(e -> e.getTestDescriptor().getUniqueId().getLastSegment().getValue()
                .equals("embedded")).count());
    }

    @Test
    void generatedGroupsFailPairByPairAndPassAsAGroup() throws Exception {
        Path dir = files("groups", "driftgate.yaml", "dialect: postgresql\ncandidates: all\nrollback-modes: [per-migration]\n",
                "migrations/2024010112000001_a.up.sql", "CREATE TABLE a (id int PRIMARY KEY, e text);\n",
                "migrations/2024010112000001_a.down.sql", "DROP INDEX IF EXISTS a_e;\n",
                "migrations/2024010112000002_b.up.sql", "CREATE INDEX a_e ON a (e);\n",
                "migrations/2024010112000002_b.down.sql", "DROP TABLE a;\n");
        EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().testEvents()
                .assertThatEvents().haveExactly(2, event(test("step:rollback"), finishedWithFailure()));
        Files.writeString(dir.resolve("driftgate.yaml"), "dialect: postgresql\ncandidates: all\n"
                + "rollback-modes: [per-migration, group]\ngroups: {by: version-prefix, length: 14}\n");
        Events grouped = EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().testEvents();
        grouped.assertStatistics(st -> st.failed(0));
        assertEquals(1, grouped.succeeded().filter(e -> e.getTestDescriptor().getUniqueId().getLastSegment().getType()
                .equals("group")).count());
        // A group whose reversed rollbacks do not restore the schema is named with the diff.
        Files.writeString(dir.resolve("migrations/2024010112000002_b.down.sql"), "SELECT 1;\n");
        Events broken = EngineTestKit.engine("driftgate").selectors(selectDirectory(dir.toFile())).execute().testEvents();
        assertEquals(List.of("group 2024010112000001 a … 2024010112000002 b: its rollbacks, run in reverse, do not restore "
                + "the schema before it (expected = before the group, actual = after its rollbacks):\n"
                + "  DropTable table public.a: unexpected (2 columns)"), broken.failed().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class).getThrowable()
                        .orElseThrow().getMessage()).toList());
    }

    @Test
    void shardsSplitScenariosDeterministicallyAndCoverEachOnce() {
        List<String> names = List.of("a", "b", "c", "d", "e");
        List<String> one = DriftgateTestEngine.shard(names, shard("1/2"));
        List<String> two = DriftgateTestEngine.shard(names, shard("2/2"));
        assertEquals(List.of("a", "c", "e"), one);
        assertEquals(List.of("b", "d"), two);
        assertEquals(names, DriftgateTestEngine.shard(names, null));
        assertEquals("driftgate.shard=3/2: expected 1 <= i <= n",
                assertThrows(DriftgateException.class, () -> shard("3/2")).getMessage());
    }

    private static Settings.Shard shard(String text) {
        return Settings.read(k -> k.equals(DriftgateConfig.SHARD) ? Optional.of(text) : Optional.empty()).shard();
    }
}
