package dev.driftgate.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.driftgate.testing.Databases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.EventConditions;
import org.junit.platform.testkit.engine.Events;

/**
 * The gate on histories in the shapes real ones have (issue 16): small scenario directories under
 * {@code src/test/resources/histories}, each failing without the behaviour it names.
 */
class RealHistoryShapesTest {

    private static final Path HISTORIES = Path.of("src/test/resources/histories");

    private static Events run(String history) {
        return EngineTestKit.engine("driftgate").selectors(selectDirectory(HISTORIES.resolve(history).toFile()))
                .execute().testEvents();
    }

    /** The failed checks with their messages: what an assertion on the count shows when it fails. */
    private static String failures(Events events) {
        return events.failed().stream().map(e -> e.getTestDescriptor().getUniqueId().getLastSegment().getValue() + ": "
                + e.getPayload(org.junit.platform.engine.TestExecutionResult.class).flatMap(r -> r.getThrowable())
                        .map(Throwable::getMessage).orElse("")).toList().toString();
    }

    @Test
    void aValueFrozenIntoAViewIsItsOwnFindingAndTheCandidatesAfterItCompareWithTheRebuiltState() throws Exception {
        Events events = run("frozen-now");
        // 2's view holds the time it was created at: its re-apply reports that, by code, object and literal.
        events.assertThatEvents().haveExactly(1, event(test("migration:000002"), test("step:reapply"), finishedWithFailure(
                message(m -> m.startsWith("DG901 volatile value frozen into a definition: view public.recent holds '")
                        && m.contains("::timestamp without time zone") && !m.contains("does not converge")))));
        // The state is rebuilt with 2 applied once, at another time: 3 and 4 start from that state.
        for (String later : List.of("migration:000003", "migration:000004")) {
            for (String step : List.of("step:apply", "step:rollback", "step:reapply")) {
                events.assertThatEvents().haveExactly(1, event(test(later), test(step), finishedSuccessfully()));
            }
        }
        assertEquals(1, events.failed().count(), failures(events));
        Databases.assertNoThrowawayLeft();
    }

    @Test
    void anEmptyDownIsNothingToUndoAndAnEmptyUpIsANoOp() {
        Events events = run("empty-files");
        events.assertThatEvents().haveExactly(1, event(test("migration:000002"), test("step:rollback"),
                finishedSuccessfully()));
        events.assertThatEvents().haveExactly(1, event(test("migration:000003"), test("step:apply"), finishedSuccessfully()));
        events.assertThatEvents().haveExactly(1, event(test("migration:000003"), test("step:rollback"),
                finishedSuccessfully()));
        events.assertThatEvents().haveExactly(1, event(test("step:chain-rollback"), finishedSuccessfully()));
        assertEquals(0, events.failed().count(), failures(events));
    }

    @Test
    void theDialectSpecificFileWinsOverTheGenericOneOnBothDialects() {
        for (String dialect : List.of("postgresql", "mariadb")) {
            Events events = run("dialect-variants/" + dialect);
            for (String version : List.of("migration:20240102000000", "migration:20240103000000")) {
                for (String step : List.of("step:apply", "step:rollback", "step:reapply")) {
                    events.assertThatEvents().haveExactly(1, event(test(version), test(step), finishedSuccessfully()));
                }
            }
            assertEquals(0, events.failed().count(), failures(events));
            events.assertThatEvents().haveExactly(1, event(test("step:chain-rollback"), finishedSuccessfully()));
        }
    }

    @Test
    void eachLayoutsNoTransactionMarkerRunsTheScriptOutsideATransaction() {
        // A new enum value cannot be used in the transaction that adds it: in one, the apply fails.
        for (String layout : List.of("golang-migrate", "flyway", "dbmate", "diesel", "marker")) {
            Events events = run("no-transaction/" + layout);
            events.assertThatEvents().haveExactly(1, event(test("migration:2"), test("step:apply"), finishedSuccessfully()));
            // Checked by the non-transactional rules: a run that dies after the first statement is brought forward.
            events.assertThatEvents().haveExactly(1, event(test("migration:2"), test("step:partial-failure"),
                    finishedSuccessfully()));
            assertEquals(0, events.failed().count(), layout + ": " + failures(events));
        }
    }

    @Test
    void rowsThatCannotBeReadBecauseTheRollbackFailedAreNotCheckedRatherThanLost() {
        Events events = run("consequence");
        events.assertThatEvents().haveExactly(1, event(test("step:rollback"), finishedWithFailure(
                message(m -> m.startsWith("the rollback of 000002 rename does not restore the schema")))));
        events.assertThatEvents().haveExactly(1, event(test("step:data"), EventConditions.abortedWithReason(message(
                "not checked because the rollback of 000002 rename does not restore the schema before it (the rollback "
                        + "step): public.note cannot be read as before"))));
    }

    @Test
    void aStrictModeFailureSaysThatTheScenariosSqlModeDecides() {
        Events events = run("strict-mode");
        events.assertThatEvents().haveExactly(1, event(test("step:apply"), finishedWithFailure(message(m ->
                m.contains("Field 'created_at' doesn't have a default value")
                        && m.contains("raised under the server's sql_mode (strict by default)")
                        && m.contains("set sql-mode in " + HISTORIES.resolve("strict-mode/driftgate.yaml").toAbsolutePath())))));
    }

    @Test
    void aDefinitionThatDiffersShowsBothTextsAsAUnifiedDiff() {
        Events events = run("view-changed");
        events.assertThatEvents().haveExactly(1, event(test("step:rollback"), finishedWithFailure(message(m ->
                m.contains("ReplaceView view public.open_orders: differs in definition")
                        && m.contains("\n      @@ -3,2 +3,1 @@\n          FROM public.orders\n      -  WHERE status = 'open'::text")))));
    }
}
