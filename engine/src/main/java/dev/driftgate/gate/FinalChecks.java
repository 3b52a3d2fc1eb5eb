package dev.driftgate.gate;

import dev.driftgate.diff.DiffResult;
import dev.driftgate.diff.SchemaDiff;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.SnapshotJson;
import dev.driftgate.source.SchemaSources;
import dev.driftgate.sql.ConnectionSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The checks on the state the whole history reaches: approved snapshot, declared schema, environments. */
public final class FinalChecks {

    private FinalChecks() {}

    /** The final state as a snapshot, MySQL's throwaway database named after the scenario so files stay stable. */
    static SchemaSnapshot portable(TargetRun run, SchemaSnapshot s) {
        return s.withDatabaseNamed(run.scenario().directory().getFileName().toString());
    }

    /** The final state equals the approved snapshot; with {@code approve}, the snapshot is (re)written instead. */
    public static String matchesExpected(TargetRun run, boolean approve) {
        run.requireNotBlocked();
        Path expected = run.scenario().expected();
        if (expected == null) {
            throw new TestAbortedException("no expected snapshot (set expected: in driftgate.yaml, then run with "
                    + "-Ddriftgate.approve=true)");
        }
        return compareWithApproved(run, portable(run, run.currentSnapshot()), expected, approve, "the history's final schema",
                "after every migration");
    }

    /** The state right after one candidate equals its approved snapshot ({@code expected-each}). */
    static String matchesExpectedAfter(TargetRun run, SchemaSnapshot after, String version, boolean approve) {
        Path expected = run.scenario().expectedEach().resolve(version + ".json");
        return compareWithApproved(run, portable(run, after), expected, approve, "the schema after " + version,
                "after this migration");
    }

    private static String compareWithApproved(TargetRun run, SchemaSnapshot actual, Path expected, boolean approve,
            String what, String actualIs) {
        if (approve) {
            SnapshotJson.write(actual, expected);
            return "approved: wrote " + expected;
        }
        if (!Files.exists(expected)) {
            throw new AssertionFailedError(expected + " does not exist: run once with -Ddriftgate.approve=true, "
                    + "review the file and commit it");
        }
        DiffResult diff = SchemaDiff.compare(SnapshotJson.read(expected), actual, run.scenario().ignoreRules());
        if (!diff.isEmpty()) {
            throw new AssertionFailedError(what + " differs from " + expected + " (expected = the file, actual = "
                    + actualIs + "); if the change is intended, approve it with -Ddriftgate.approve=true:" + diff.summary(20));
        }
        return "matches " + expected;
    }

    /** The declared (state-based) schema, loaded in any order, equals what the migrations build. */
    public static String declaredAgrees(TargetRun run) {
        run.requireNotBlocked();
        Path dir = run.scenario().declared();
        if (dir == null) {
            throw new TestAbortedException("no declared schema in this scenario");
        }
        // A directory source is a declared schema: loaded in any order, as `driftgate diff` loads one.
        SchemaSnapshot declared = sources(run).snapshot(dir.toString(), run.scenario().dialect());
        DiffResult diff = SchemaDiff.compare(declared, run.currentSnapshot(), run.scenario().ignoreRules());
        if (!diff.isEmpty()) {
            throw new AssertionFailedError("the migrations and the declared schema " + dir + " disagree (expected = "
                    + "declared, actual = after every migration):" + diff.summary(20));
        }
        return "migrations and declared schema " + dir + " agree";
    }

    /** An environment (a database, a dump or a snapshot) holds the state the history reaches: no drift. */
    public static String environmentMatches(TargetRun run, String name, String source) {
        run.requireNotBlocked();
        SchemaSnapshot actual = sources(run).snapshot(source, run.scenario().dialect());
        DiffResult diff = SchemaDiff.compare(run.currentSnapshot(), actual, run.scenario().ignoreRules());
        if (!diff.isEmpty()) {
            throw new AssertionFailedError("environment " + name + " has drifted from the history (expected = after "
                    + "every migration, actual = " + name + "):" + diff.summary(20));
        }
        return name + " matches";
    }

    /** Sources (dumps, directories, snapshots, URLs) loaded on the target's own server. */
    private static SchemaSources sources(TargetRun run) {
        return new SchemaSources(ConnectionSettings.of(null, null), d -> run.server());
    }
}
