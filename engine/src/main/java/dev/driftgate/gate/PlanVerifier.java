package dev.driftgate.gate;

import dev.driftgate.DriftgateException;
import dev.driftgate.database.LiveDatabase;
import dev.driftgate.diff.DiffResult;
import dev.driftgate.diff.IgnoreRules;
import dev.driftgate.diff.SchemaDiff;
import dev.driftgate.plan.PlannedStatement;
import dev.driftgate.plan.Planner;
import dev.driftgate.provision.DatabaseServer;
import dev.driftgate.provision.DialectDump;
import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.ServerOrigin;
import dev.driftgate.sql.ScriptRunner;
import dev.driftgate.sql.ServerVersion;
import dev.driftgate.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Proves a plan: on a throwaway database of the same product and major version as the one ACTUAL
 * was read from, rebuilds the actual schema from its snapshot, applies the plan statement by
 * statement, and checks the result twice: read back and diffed against the expected snapshot, and
 * dumped with the dialect's own tool and compared with the dump of EXPECTED. The snapshot diff alone
 * shares the snapshot's blind spots; only both agreeing make a plan verified.
 */
public final class PlanVerifier {

    /**
     * The verdict.
     *
     * @param verified true when applying the plan leaves no difference, by the snapshot and by the dump
     * @param reason why not, in one line, or null
     * @param remaining what still differs after the plan ran, or null when it did not run
     * @param provenOn the server the plan ran on ({@code PostgreSQL 15.20}), or null when it did not run
     */
    public record Verification(boolean verified, String reason, DiffResult remaining, String provenOn) {

        Verification(boolean verified, String reason, DiffResult remaining) {
            this(verified, reason, remaining, null);
        }
    }

    private PlanVerifier() {}

    public static Verification verify(DatabaseServer scratch, SchemaSnapshot actual, SchemaSnapshot expected,
            Planner.Plan plan, IgnoreRules rules) {
        return verify(scratch, actual, expected, null, plan, rules);
    }

    /**
     * @param expectedDump the normalised dump of the database EXPECTED was read from, when there is
     *     one; otherwise EXPECTED is built from its snapshot on a second throwaway database and dumped
     */
    public static Verification verify(DatabaseServer scratch, SchemaSnapshot actual, SchemaSnapshot expected,
            String expectedDump, Planner.Plan plan, IgnoreRules rules) {
        if (!plan.unplanned().isEmpty()) {
            return new Verification(false, plan.unplanned().size() + " difference(s) have no planned statement: "
                    + plan.unplanned().get(0), null);
        }
        ServerVersion version = DialectDump.version(scratch);
        Optional<String> mismatch = versionMismatch(actual.server(), version);
        if (mismatch.isPresent()) {
            return new Verification(false, mismatch.get(), null);
        }
        Optional<String> noDump = scratch.dialect().schemaDumper().unavailable(version);
        if (noDump.isPresent()) {
            return new Verification(false, "cannot check the result with the dialect's own dump: " + noDump.get(), null);
        }
        try (ThrowawayDatabase db = scratch.createThrowaway()) {
            Optional<String> notRebuilt = rebuild(db, scratch, actual);
            if (notRebuilt.isPresent()) {
                return new Verification(false, notRebuilt.get(), null);
            }
            try (Connection c = db.connect()) {
                ScriptRunner.run(c, statements(plan, "plan"));
            } catch (DriftgateException e) {
                return new Verification(false, e.getMessage(), null);
            }
            DiffResult remaining = SchemaDiff.compare(expected, read(db, scratch), rules);
            if (!remaining.isEmpty()) {
                return new Verification(false, remaining.differences().size() + " difference(s) remain after the plan",
                        remaining, version.toString());
            }
            String wanted = expectedDump != null ? expectedDump : dumpOfRebuilt(scratch, expected);
            Optional<String> dumpDiffers = DialectDump.firstDifference(wanted, DialectDump.of(scratch, db.name()));
            return dumpDiffers.isEmpty() ? new Verification(true, null, remaining, version.toString())
                    : new Verification(false, "the dump of the result differs from EXPECTED's ("
                            + scratch.dialect().name() + "'s own dump tool): " + dumpDiffers.get(), remaining,
                            version.toString());
        } catch (SQLException e) {
            throw new DriftgateException(scratch.description() + ": cannot create a scratch database: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Why a plan for a database read from {@code origin} cannot be proven on a server of
     * {@code version}, or empty when it can (same product and major version, or origin unknown).
     */
    public static Optional<String> versionMismatch(ServerOrigin origin, ServerVersion version) {
        if (origin == null || (origin.product().equals(version.product()) && origin.major() == version.major())) {
            return Optional.empty();
        }
        return Optional.of("ACTUAL was read from " + origin + ", the scratch server is " + version
                + ": a plan is proven on the product and major version it will run on");
    }

    /**
     * Builds a schema from its snapshot alone on an empty database with driftgate's own plan, and
     * checks that the snapshot reads back unchanged: why not, or empty.
     */
    public static Optional<String> rebuild(ThrowawayDatabase db, DatabaseServer scratch, SchemaSnapshot snapshot) {
        Planner planner = scratch.dialect().planner();
        SchemaSnapshot empty = read(db, scratch);
        SchemaSnapshot target = snapshot.withDatabaseNamed(db.name());
        Planner.Plan rebuild = planner.plan(SchemaDiff.compare(target, empty, IgnoreRules.defaults()), false);
        if (!rebuild.unplanned().isEmpty()) {
            return Optional.of("cannot rebuild the schema on a scratch database: " + rebuild.unplanned().get(0));
        }
        try (Connection c = db.connect()) {
            ScriptRunner.runUnordered(c, statements(rebuild, "rebuild of the schema"),
                    scratch.dialect().deferredForeignKeys());
        } catch (DriftgateException | SQLException e) {
            return Optional.of("cannot rebuild the schema on a scratch database: " + e.getMessage());
        }
        DiffResult rebuilt = SchemaDiff.compare(target, read(db, scratch), IgnoreRules.defaults());
        if (!rebuilt.isEmpty()) {
            return Optional.of("the scratch copy of the schema differs from its snapshot: "
                    + rebuilt.differences().get(0).change().object());
        }
        return Optional.empty();
    }

    private static String dumpOfRebuilt(DatabaseServer scratch, SchemaSnapshot snapshot) throws SQLException {
        try (ThrowawayDatabase db = scratch.createThrowaway()) {
            Optional<String> notRebuilt = rebuild(db, scratch, snapshot);
            if (notRebuilt.isPresent()) {
                throw new DriftgateException("EXPECTED: " + notRebuilt.get());
            }
            return DialectDump.of(scratch, db.name());
        }
    }

    private static SchemaSnapshot read(ThrowawayDatabase db, DatabaseServer scratch) {
        return LiveDatabase.snapshot(db.jdbcUrl(), scratch.adminSettings(), List.of());
    }

    private static List<SqlStatement> statements(Planner.Plan plan, String source) {
        List<SqlStatement> out = new ArrayList<>();
        int n = 0;
        for (PlannedStatement s : plan.statements()) {
            n++;
            out.add(new SqlStatement(s.sql(), source, n, n));
        }
        return out;
    }
}
