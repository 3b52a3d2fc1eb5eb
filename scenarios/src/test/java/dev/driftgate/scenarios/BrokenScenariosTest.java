package dev.driftgate.scenarios;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.Arrays;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The deliberately broken examples in scenarios/broken: each fails exactly where it should, with a
 * message that says why, and nothing else fails. These are the failures docs/scenarios.md shows.
 */
class BrokenScenariosTest {

    private static Events run(String directory) {
        return EngineTestKit.engine("driftgate").selectors(selectDirectory(directory)).execute().testEvents();
    }

    private static Predicate<String> containing(String... parts) {
        return m -> Arrays.stream(parts).allMatch(m::contains);
    }

    @Test
    void aRollbackThatLeavesAColumnBehindFailsTheRollbackStep() {
        Events events = run("broken/rollback-leaves-column");
        events.assertThatEvents().haveExactly(1, event(test("step:rollback"), finishedWithFailure(message(containing(
                "the rollback of 2 contact_fields does not restore the schema", "DropColumn column public.account.verified")))));
        events.assertThatEvents().haveExactly(1, event(test("step:apply"), finishedSuccessfully()));
        // The column left behind also stops the migration from applying again: a second, honest failure.
        events.assertThatEvents().haveExactly(1, event(test("step:reapply"), finishedWithFailure(message(containing(
                "does not apply again after its rollback", "column \"verified\" of relation \"account\" already exists")))));
        // And the chain of rollbacks (here one) does not reach the baseline either.
        events.assertThatEvents().haveExactly(1, event(test("step:chain-rollback"), finishedWithFailure(message(containing(
                "chain rollback: rolling back 2 contact_fields in turn does not restore the baseline",
                "DropColumn column public.account.verified")))));
        events.assertStatistics(s -> s.failed(3));
    }

    @Test
    void everyPairPassesButTheChainFails() {
        Events events = run("broken/chain-only");
        events.assertThatEvents().haveExactly(2, event(test("step:rollback"), finishedSuccessfully()));
        events.assertThatEvents().haveExactly(2, event(test("step:data"), finishedSuccessfully()));
        events.assertThatEvents().haveExactly(1, event(test("step:chain-rollback"), finishedWithFailure(message(containing(
                "chain rollback: the rollback of 2 invoice_id_bigint fails: ", "U2__invoice_id_bigint.sql:1",
                "cannot be greater than MAXVALUE", "\n  after rolling back 1: 3 import_archive")))));
        events.assertStatistics(s -> s.failed(1));
    }

    @Test
    void aRollbackThatRebuildsTheTableLosesTheRows() {
        Events events = run("broken/rollback-loses-rows");
        events.assertThatEvents().haveExactly(1, event(test("step:rollback"), finishedSuccessfully()));
        events.assertThatEvents().haveExactly(1, event(test("step:data"), finishedWithFailure(message(containing(
                "lost or changed rows in 1 table", "public.note: 2 rows:", "-> 0 rows:")))));
        events.assertStatistics(s -> s.failed(1));
    }

    @Test
    void aMigrationThatCannotRunTwiceFailsThePartialFailureStep() {
        Events events = run("broken/not-rerunnable");
        events.assertThatEvents().haveExactly(1, event(test("step:partial-failure"), finishedWithFailure(message(containing(
                "cannot be brought forward after a failure after statement 1 of 2",
                "000002_two_columns.up.sql:1", "Duplicate column name 'a'")))));
        events.assertStatistics(s -> s.failed(1));
    }

    @Test
    void aHandEditedEnvironmentIsReportedAsDrift() {
        Events events = run("broken/drifted-environment");
        events.assertThatEvents().haveExactly(1, event(test("environment:production"), finishedWithFailure(message(containing(
                "environment production has drifted", "AlterColumn column public.invoice.number",
                "DropIndex index public.invoice.invoice_number_hotfix")))));
        events.assertStatistics(s -> s.failed(1));
    }
}
