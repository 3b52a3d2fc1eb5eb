package dev.driftgate.scenarios;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.driftgate.ReportEntryKeys;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The zero-downtime examples on both dialects (docs/zero-downtime.md): a rename that breaks the
 * previous release's statements is caught naming them and the rename; the same change done in two
 * releases passes, its backup's restore proven; shipped in one release it fails; a drop without a
 * backup is flagged.
 */
class ZeroDowntimeScenariosTest {

    private static EngineExecutionResults run(String directory) {
        return EngineTestKit.engine("driftgate").selectors(selectDirectory(directory)).execute();
    }

    private static Predicate<String> containing(String... parts) {
        return m -> Arrays.stream(parts).allMatch(m::contains);
    }

    /** The hazards the nodes published, as their JSON. */
    private static String hazards(EngineExecutionResults results) {
        return String.join("\n", results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get(ReportEntryKeys.HAZARDS))
                .filter(h -> h != null).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void aRenameBreaksThePreviousReleaseAndIsNamed(String dialect) {
        EngineExecutionResults results = run("broken/zero-downtime-rename-" + dialect);
        Events events = results.testEvents();
        events.assertThatEvents().haveExactly(1, event(test("step:compatibility"), finishedWithFailure(message(containing(
                "2 rename_email: all the previous release's 3 statements do not prepare on the state after it",
                "zero-downtime/" + dialect + "/queries/release-1.sql:2: SELECT id, name, email FROM customer WHERE id = ",
                "broken by: DropColumn column ", "customer.email, by ",
                "V2__rename_email.sql:1: ALTER TABLE customer RENAME COLUMN email TO email_address")))));
        events.assertStatistics(s -> s.failed(1));
        String hazards = hazards(results);
        assertTrue(hazards.contains("DG205") && hazards.contains("DG206"), hazards);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void theSameChangeInTwoReleasesPassesAndTheBackupRestoresTheRows(String dialect) {
        Events expand = run("zero-downtime/" + dialect + "/release-2").testEvents();
        expand.assertStatistics(s -> s.failed(0));
        expand.assertThatEvents().haveExactly(1, event(test("step:compatibility"), finishedSuccessfully()));
        EngineExecutionResults contractResults = run("zero-downtime/" + dialect + "/release-3");
        Events contract = contractResults.testEvents();
        contract.assertStatistics(s -> s.failed(0));
        contract.assertThatEvents().haveExactly(1, event(test("step:compatibility"), finishedSuccessfully()));
        contract.assertThatEvents().haveExactly(1, event(test("step:restore"), finishedSuccessfully()));
        String hazards = hazards(contractResults);
        assertTrue(!hazards.contains("DG105") && !hazards.contains("DG205") && !hazards.contains("DG206"), hazards);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void expandAndContractInOneReleaseFailsAtTheContractStep(String dialect) {
        EngineExecutionResults results = run("broken/zero-downtime-one-release-" + dialect);
        Events events = results.testEvents();
        events.assertThatEvents().haveExactly(1, event(test("step:compatibility"), finishedWithFailure(message(containing(
                "3 drop_email: all the previous release's 3 statements do not prepare",
                // MariaDB's copy of V3 has one more comment line (it is written to run again after a failure).
                "V3__drop_email.sql:" + (dialect.equals("postgres") ? 4 : 5) + ": ALTER TABLE customer DROP COLUMN")))));
        events.assertStatistics(s -> s.failed(1));
        String hazards = hazards(results);
        assertTrue(hazards.contains("DG205") && hazards.contains("DG206"), hazards);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "mariadb"})
    void aDropWithoutABackupIsFlaggedWithTheStatementToAdd(String dialect) {
        EngineExecutionResults results = run("zero-downtime/" + dialect + "-no-backup");
        results.testEvents().assertStatistics(s -> s.failed(0));
        String hazards = hazards(results);
        assertTrue(hazards.contains("DG105") && hazards.contains("CREATE TABLE customer_email_backup AS SELECT * FROM customer;"),
                hazards);
        assertTrue(List.of(hazards.split("DG105")).size() == 2, "one DG105: " + hazards);
    }
}
