package dev.driftgate.gate;

import dev.driftgate.DriftgateException;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.safety.BackupNets;
import dev.driftgate.safety.Hazard;
import dev.driftgate.safety.HazardLevel;
import dev.driftgate.safety.Rule;
import dev.driftgate.scenario.Migration;
import dev.driftgate.scenario.Scenario;
import dev.driftgate.scenario.Script;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.sql.SqlStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Backup-table safety nets (docs/zero-downtime.md): the destructive statements of a candidate that
 * no copy protects are DG105 hazards; where a copy exists, the restore path (the rollback, or the
 * scenario's {@code restore:} script) must bring the destroyed rows back exactly.
 */
public final class SafetyNets {

    private SafetyNets() {}

    /** The up statements of the migrations before a candidate: the baseline and the candidates before it. */
    static List<SqlStatement> earlier(Scenario scenario, Migration candidate) {
        List<SqlStatement> out = new ArrayList<>();
        for (Migration m : scenario.baseline()) {
            out.addAll(m.up().statements(scenario.dialect()));
        }
        for (Migration m : scenario.candidates()) {
            if (m.equals(candidate)) {
                break;
            }
            out.addAll(m.up().statements(scenario.dialect()));
        }
        return out;
    }

    /** Whether a candidate destroys something a copy protects: then it has a restore step. */
    public static boolean hasProtected(Scenario scenario, Migration candidate) {
        List<SqlStatement> statements = candidate.up().statements(scenario.dialect());
        List<BackupNets.Destructive> destructive = BackupNets.destructive(statements);
        return destructive.size() > BackupNets.unprotected(destructive, statements, earlier(scenario, candidate)).size();
    }

    /** DG105 for each destructive statement without a copy. */
    static List<Hazard> missing(TargetRun target, Migration migration, List<SqlStatement> statements) {
        HazardLevel level = Rule.NO_BACKUP.levelIn(target.safety().levels());
        if (level == HazardLevel.OFF) {
            return List.of();
        }
        // Not a narrowed type: on PostgreSQL and strict MySQL/MariaDB a value that no longer fits
        // fails the ALTER instead of being cut (DG203 and DG640 cover that).
        List<BackupNets.Destructive> destructive = BackupNets.destructive(statements);
        List<Hazard> out = new ArrayList<>();
        for (BackupNets.Destructive d : BackupNets.unprotected(destructive, statements, earlier(target.scenario(), migration))) {
            out.add(new Hazard(Rule.NO_BACKUP, level, d.at().source(), d.at().line(), d.at().summary(),
                    d.what() + "; add before it: " + BackupNets.suggestion(d), null, null));
        }
        return out;
    }

    /**
     * The restore step: the rows of every table a protected destructive statement touched, as the
     * restore path leaves them, equal the rows before the candidate (the gate's row checksums).
     *
     * @param afterRollback the rows after the candidate's rollback, or null when it did not run
     */
    static String proveRestore(TargetRun target, Migration migration, SchemaSnapshot before,
            Map<String, Checksums.TableRows> rowsBefore, Map<String, Checksums.TableRows> afterRollback) throws SQLException {
        Dialect dialect = target.scenario().dialect();
        List<SqlStatement> statements = migration.up().statements(dialect);
        List<BackupNets.Destructive> destructive = BackupNets.destructive(statements);
        List<BackupNets.Destructive> unprotected = BackupNets.unprotected(destructive, statements, earlier(target.scenario(), migration));
        Set<String> tables = new LinkedHashSet<>();
        destructive.stream().filter(d -> !unprotected.contains(d)).forEach(d -> tables.add(d.table()));
        if (tables.isEmpty()) {
            throw new TestAbortedException("no backup copy to restore from (see DG105 under online safety)");
        }
        Script script = target.scenario().restore().get(migration.version());
        Map<String, Checksums.TableRows> restored;
        String how;
        if (script != null) {
            how = "the restore script " + script.file();
            ThrowawayDatabase copy = target.rebuiltCurrent();
            try {
                target.apply(copy, migration.up());
                try {
                    target.apply(copy, script);
                } catch (DriftgateException e) {
                    throw new AssertionFailedError(how + " fails after " + migration.label() + ": " + e.getMessage(), e);
                }
                restored = target.rows(copy, before);
            } finally {
                target.discard(copy);
            }
        } else if (afterRollback != null) {
            how = "the rollback";
            restored = afterRollback;
        } else {
            throw new TestAbortedException("not run: the rollback did not run on seeded rows and no restore: script is "
                    + "declared for " + migration.version());
        }
        List<String> proven = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        for (String table : tables) {
            Map.Entry<String, Checksums.TableRows> was = byTable(rowsBefore, table);
            if (was == null || was.getValue().count() == 0) {
                throw new TestAbortedException("no seeded rows in " + table + " to prove the restore on (add seed: to driftgate.yaml)");
            }
            Map.Entry<String, Checksums.TableRows> now = byTable(restored, table);
            if (now == null || !was.getValue().equals(now.getValue())) {
                lost.add(was.getKey() + ": " + was.getValue() + " -> " + (now == null ? "missing" : now.getValue()));
            } else {
                proven.add(was.getKey() + " (" + was.getValue().count() + " rows)");
            }
        }
        if (!lost.isEmpty()) {
            throw new AssertionFailedError("after " + migration.label() + ", " + how + " does not bring the rows back "
                    + "from the backup exactly:\n  " + String.join("\n  ", lost));
        }
        return how + " brings the rows back exactly: " + String.join(", ", proven);
    }

    /** A table's entry by its name alone: on MySQL a copy is another database, so the schema part differs. */
    private static Map.Entry<String, Checksums.TableRows> byTable(Map<String, Checksums.TableRows> rows, String table) {
        return rows.entrySet().stream().filter(e -> e.getKey().toLowerCase(Locale.ROOT).endsWith("." + table))
                .findFirst().orElse(null);
    }
}
