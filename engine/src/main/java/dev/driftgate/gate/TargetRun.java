package dev.driftgate.gate;

import dev.driftgate.DriftgateException;
import dev.driftgate.database.DatabaseServer;
import dev.driftgate.database.LiveDatabase;
import dev.driftgate.database.ScriptRunner;
import dev.driftgate.database.ThrowawayDatabase;
import dev.driftgate.dialect.SqlStatement;
import dev.driftgate.diff.DiffResult;
import dev.driftgate.diff.SchemaDiff;
import dev.driftgate.scenario.Migration;
import dev.driftgate.scenario.Scenario;
import dev.driftgate.scenario.Script;
import dev.driftgate.scenario.TargetSpec;
import dev.driftgate.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * One scenario on one target: the baseline applied once, then each candidate checked on the state
 * before it, in version order. The state advances candidate by candidate, so each one is checked on
 * exactly what production will hold when it runs.
 *
 * <p>The checks run on the current state itself: a candidate whose checks pass leaves it where a
 * single apply would (applied, rolled back, applied again), and one that fails has the state
 * rebuilt ({@link #rebuiltCurrent()}). So the sessions on it stay warm from one candidate to the
 * next: on PostgreSQL a new database is a new server process with cold catalog caches, which cost
 * more than the copy itself. What a check needs a copy of the state for is rebuilt from a pristine
 * copy of the baseline (PostgreSQL) or by replaying the history (MySQL, which cannot copy a database).
 */
public final class TargetRun implements AutoCloseable {

    private final Scenario scenario;
    private final TargetSpec spec;
    private final DatabaseServer server;
    private final boolean ownsServer;
    /** The scripts that bring an empty database to the current state: the baseline, the seed, then one per applied candidate. */
    private final List<Script> replay = new ArrayList<>();
    /** How many of {@link #replay} make the baseline (migrations and seed). */
    private int baselineScripts;
    /**
     * PostgreSQL: a database holding the baseline that nobody connects to, so that it can be copied
     * (a template must have no sessions): what states are rebuilt from. Null on MySQL.
     */
    private String pristineBaseline;
    /** The online-safety node's copy of the state, kept from one candidate to the next ({@link #observationCopy()}). */
    private ObservationCopy observation;
    private final List<ThrowawayDatabase> databases = new ArrayList<>();
    /**
     * One connection per database, kept open: a new PostgreSQL connection starts a server process
     * with cold catalog caches, and a fresh clone is read several times per candidate. On PostgreSQL
     * it serves the scripts, the row checksums and the snapshots (read-only transactions, rolled
     * back); on MySQL, whose read-only mode is per session, only the snapshots.
     */
    private final Map<ThrowawayDatabase, Connection> sessions = new HashMap<>();
    private ThrowawayDatabase current;
    private SchemaSnapshot currentSnapshot;
    private String blocked;
    private boolean baselineCache;
    private dev.driftgate.safety.OnlineSafety safety;
    private SchemaSnapshot baselineSnapshot;
    private final List<Migration> applied = new ArrayList<>();
    private final Timings timings = new Timings();

    /**
     * Where a target's time went, for the report and the benchmark: copies of the state (clones or
     * replays), DDL, catalog reads, comparisons, row checksums.
     */
    public static final class Timings {
        private long serverNanos;
        private long copyNanos;
        private int copies;
        private long ddlNanos;
        private long snapshotNanos;
        private int snapshots;
        private long diffNanos;
        private long rowsNanos;

        synchronized void server(long nanos) {
            serverNanos += nanos;
        }

        synchronized void copy(long nanos) {
            copyNanos += nanos;
            copies++;
        }

        synchronized void ddl(long nanos) {
            ddlNanos += nanos;
        }

        synchronized void snapshot(long nanos) {
            snapshotNanos += nanos;
            snapshots++;
        }

        synchronized void diff(long nanos) {
            diffNanos += nanos;
        }

        synchronized void rows(long nanos) {
            rowsNanos += nanos;
        }

        public synchronized boolean ranAnything() {
            return ddlNanos > 0 || snapshots > 0;
        }

        @Override
        public synchronized String toString() {
            return String.format("server ready in %d ms, copies %d in %d ms (%.1f ms each), DDL %d ms, snapshots %d in %d ms, "
                    + "diffs %d ms, row checksums %d ms", serverNanos / 1_000_000, copies, copyNanos / 1_000_000,
                    copies == 0 ? 0.0 : copyNanos / 1e6 / copies,
                    ddlNanos / 1_000_000, snapshots, snapshotNanos / 1_000_000, diffNanos / 1_000_000, rowsNanos / 1_000_000);
        }
    }

    public Timings timings() {
        return timings;
    }

    private TargetRun(Scenario scenario, TargetSpec spec, DatabaseServer server, boolean ownsServer) {
        this.scenario = scenario;
        this.spec = spec;
        this.server = server;
        this.ownsServer = ownsServer;
    }

    public static TargetRun open(Scenario scenario, TargetSpec spec, Function<String, Optional<String>> settings) {
        long start = System.nanoTime();
        TargetServers.Opened opened = TargetServers.open(TargetServers.resolveEnvironmentVersion(spec, scenario),
                scenario.dialect(), settings);
        TargetRun run = new TargetRun(scenario, spec, opened.server(), opened.owned());
        // Started here, or already running (an embedded server shared by the JVM's targets: about 0).
        run.timings.server(System.nanoTime() - start);
        run.safety = dev.driftgate.safety.OnlineSafety.configured(settings);
        // Only a server that outlives the run can keep a baseline for the next one, and only where
        // databases can be copied (PostgreSQL); opt-in, since the cache is a database left behind.
        run.baselineCache = spec.provider().equals("server")
                && settings.apply("driftgate.baseline-cache").map(Boolean::parseBoolean).orElse(false)
                && run.copiesDatabases();
        return run;
    }

    private boolean copiesDatabases() {
        return scenario.dialect().copiesDatabases();
    }

    public Scenario scenario() {
        return scenario;
    }

    /** How hazards are levelled and when they fail ({@code driftgate.safety.*}). */
    dev.driftgate.safety.OnlineSafety safety() {
        return safety;
    }

    public DatabaseServer server() {
        return server;
    }

    public String description() {
        return spec + ": " + server.description();
    }

    /** Why the remaining checks cannot run (the baseline or an earlier candidate did not apply), or null. */
    public String blocked() {
        return blocked;
    }

    void block(String reason) {
        if (blocked == null) {
            blocked = reason;
        }
    }

    /** Applies the baseline migrations and the seed to a new database: the state the first candidate starts from. */
    public String applyBaseline() throws SQLException {
        block("the baseline did not apply");
        List<Script> scripts = new ArrayList<>();
        scenario.baseline().forEach(m -> scripts.add(m.up()));
        scripts.addAll(scenario.seed());
        replay.addAll(scripts);
        baselineScripts = scripts.size();
        String cache = baselineCache ? BaselineCache.name(scenario.dialect(), scripts) : null;
        String how;
        if (cache != null && BaselineCache.exists(server, cache)) {
            current = ThrowawayDatabase.cloneOf(server, cache);
            databases.add(current);
            pristineBaseline = cache;
            how = "copied from the cached baseline " + cache;
        } else {
            current = newDatabase();
            int statements = 0;
            for (Script script : scripts) {
                statements += apply(current, script);
            }
            how = statements + " statement" + (statements == 1 ? "" : "s");
            if (cache != null) {
                closeSession(current);
                BaselineCache.store(server, current, cache);
                pristineBaseline = cache;
                how += "; cached as " + cache;
            } else if (copiesDatabases()) {
                pristineBaseline = copyOf(current).name();
            }
        }
        currentSnapshot = snapshot(current);
        baselineSnapshot = currentSnapshot;
        blocked = null;
        return how;
    }

    /** Tables earlier candidates created: new in production too, so empty there when this candidate runs. */
    java.util.Set<String> tablesNewSinceBaseline() {
        java.util.Set<String> before = tableNames(baselineSnapshot);
        java.util.Set<String> now = tableNames(currentSnapshot);
        now.removeAll(before);
        return now;
    }

    private java.util.Set<String> tableNames(SchemaSnapshot snapshot) {
        java.util.Set<String> out = new java.util.HashSet<>();
        snapshot.schemas().forEach(s -> s.tables().forEach(t -> out.add(tableKey(scenario.dialect(), s.name(), t.name()))));
        return out;
    }

    /**
     * A table's name across the copies of a target's state: schema-qualified on PostgreSQL; on
     * MySQL the schema is the database, which differs between copies, so the table name alone.
     */
    static String tableKey(dev.driftgate.dialect.Dialect dialect, String schema, String table) {
        return dialect.name().equals("postgresql") ? schema + "." + table : table;
    }

    /** The state before the next candidate, as a snapshot. */
    public SchemaSnapshot currentSnapshot() {
        return currentSnapshot;
    }

    /** A file copy of a database (PostgreSQL); its sessions are closed first, as a template must have none. */
    private ThrowawayDatabase copyOf(ThrowawayDatabase db) throws SQLException {
        long start = System.nanoTime();
        closeSession(db);
        ThrowawayDatabase copy = ThrowawayDatabase.cloneOf(db).orElseThrow(() -> new SQLException(
                scenario.dialect().name() + " cannot copy databases"));
        databases.add(copy);
        timings.copy(System.nanoTime() - start);
        return copy;
    }

    /**
     * The database a candidate's checks run on: the current state itself (see the class comment).
     * A candidate that leaves it broken has it rebuilt ({@link #rebuiltCurrent()}), so the next
     * candidate still starts from a known state.
     */
    ThrowawayDatabase workDatabase() {
        return current;
    }

    /**
     * A new database holding the state before the running candidate: the baseline and the
     * candidates applied so far.
     */
    ThrowawayDatabase rebuiltCurrent() throws SQLException {
        return stateAfter(applied.size());
    }

    /**
     * A new database holding the baseline and the first {@code candidates} applied candidates: on
     * PostgreSQL a copy of the pristine baseline with their scripts run on it, on MySQL a replay of
     * the whole history.
     */
    private ThrowawayDatabase stateAfter(int candidates) throws SQLException {
        List<Script> scripts = replay.subList(0, baselineScripts + candidates);
        if (pristineBaseline == null) {
            return replayed(scripts);
        }
        long start = System.nanoTime();
        ThrowawayDatabase db = ThrowawayDatabase.cloneOf(server, pristineBaseline);
        databases.add(db);
        for (Script s : scripts.subList(baselineScripts, scripts.size())) {
            runScript(db, s.statements(scenario.dialect()));
        }
        timings.copy(System.nanoTime() - start);
        return db;
    }

    /** A new database that the given scripts of the history, run in order, bring to its state. */
    private ThrowawayDatabase replayed(List<Script> scripts) throws SQLException {
        long start = System.nanoTime();
        ThrowawayDatabase db = newDatabase();
        for (Script s : scripts) {
            runScript(db, s.statements(scenario.dialect()));
        }
        timings.copy(System.nanoTime() - start);
        return db;
    }

    /** Makes a database holding the state after a candidate the state for the next one. */
    void advance(ThrowawayDatabase db, Migration migration, SchemaSnapshot snapshot) {
        ThrowawayDatabase old = current;
        current = db;
        currentSnapshot = snapshot;
        replay.add(migration.up());
        applied.add(migration);
        if (old != null && old != db) {
            closeSession(old);
            old.close();
            databases.remove(old);
        }
    }

    private ThrowawayDatabase newDatabase() throws SQLException {
        ThrowawayDatabase db = server.createThrowaway();
        databases.add(db);
        return db;
    }

    /** Reads a database's schema on the connection kept for reading it. */
    SchemaSnapshot snapshot(ThrowawayDatabase db) {
        long start = System.nanoTime();
        try {
            Connection c = session(db);
            try {
                return LiveDatabase.snapshot(c, scenario.dialect(), server.adminSettings());
            } finally {
                if (sharedSession()) {
                    c.setReadOnly(false);
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new DriftgateException(db.name() + " on " + server.description() + ": cannot read the schema: "
                    + e.getMessage(), e);
        } finally {
            timings.snapshot(System.nanoTime() - start);
        }
    }

    private boolean sharedSession() {
        return scenario.dialect().name().equals("postgresql");
    }

    private Connection session(ThrowawayDatabase db) throws SQLException {
        Connection c = sessions.get(db);
        if (c == null) {
            c = db.connect();
            sessions.put(db, c);
        }
        return c;
    }

    /** Row checksums of every table the snapshot lists. */
    Map<String, Checksums.TableRows> rows(ThrowawayDatabase db, SchemaSnapshot tables) throws SQLException {
        long start = System.nanoTime();
        try {
            if (sharedSession()) {
                return Checksums.of(session(db), tables);
            }
            try (Connection c = db.connect()) {
                return Checksums.of(c, tables);
            }
        } finally {
            timings.rows(System.nanoTime() - start);
        }
    }

    /** The id counters of a database (sequences, AUTO_INCREMENT) and where they stand. */
    Map<String, String> idCounters(ThrowawayDatabase db) throws SQLException {
        if (sharedSession()) {
            return scenario.dialect().idCounters(session(db));
        }
        try (Connection c = db.connect()) {
            return scenario.dialect().idCounters(c);
        }
    }

    /**
     * Puts the id counters that moved since {@code before} back where they were. A rollback that
     * deletes the rows its migration inserted leaves the counters advanced; without this, applying
     * the migration again would hand out other ids than production's single run, and every later
     * candidate would run on a state production never has (a data migration that names a row by
     * its id would touch another one). Counters the rollback dropped or created are left alone.
     *
     * @return how many counters were put back
     */
    int rewindIdCounters(ThrowawayDatabase db, Map<String, String> before) throws SQLException {
        Map<String, String> now = idCounters(db);
        List<SqlStatement> rewind = new ArrayList<>();
        before.forEach((counter, position) -> {
            if (now.containsKey(counter) && !java.util.Objects.equals(now.get(counter), position)) {
                rewind.add(new SqlStatement(scenario.dialect().rewindIdCounterSql(counter, position), "driftgate: id counters",
                        1, rewind.size() + 1));
            }
        });
        if (!rewind.isEmpty()) {
            apply(db, rewind);
        }
        return rewind.size();
    }

    /** Compares two states of this target under the scenario's ignore rules, timed. */
    DiffResult compare(SchemaSnapshot expected, SchemaSnapshot actual) {
        long start = System.nanoTime();
        try {
            return SchemaDiff.compare(expected, actual, scenario.ignoreRules());
        } finally {
            timings.diff(System.nanoTime() - start);
        }
    }

    /** Reads a database's schema on a new connection: what a check that must not trust a session uses. */
    SchemaSnapshot snapshotOnFreshConnection(ThrowawayDatabase db) {
        long start = System.nanoTime();
        try {
            return LiveDatabase.snapshot(db.jdbcUrl(), server.adminSettings(), List.of());
        } finally {
            timings.snapshot(System.nanoTime() - start);
        }
    }

    /** Closes the reading connection of a database (PostgreSQL copies only a database nobody is connected to). */
    private void closeSession(ThrowawayDatabase db) {
        Connection c = sessions.remove(db);
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing a read-only connection: nothing to lose
            }
        }
    }

    /** Runs a script on a fresh connection; on PostgreSQL in one transaction unless a statement forbids it. */
    int apply(ThrowawayDatabase db, Script script) throws SQLException {
        return apply(db, script.statements(scenario.dialect()));
    }

    int apply(ThrowawayDatabase db, List<SqlStatement> statements) throws SQLException {
        long start = System.nanoTime();
        try {
            return runScript(db, statements);
        } finally {
            timings.ddl(System.nanoTime() - start);
        }
    }

    private int runScript(ThrowawayDatabase db, List<SqlStatement> statements) throws SQLException {
        if (sharedSession()) {
            runScript(session(db), statements);
        } else {
            try (Connection c = scriptConnection(db)) {
                runScript(c, statements);
            }
        }
        return statements.size();
    }

    /** A new connection for running migrations: on MySQL/MariaDB under the scenario's sql_mode. */
    Connection scriptConnection(ThrowawayDatabase db) throws SQLException {
        Connection c = db.connect();
        if (scenario.sqlMode() != null) {
            try (Statement s = c.createStatement()) {
                s.execute("SET SESSION sql_mode = '" + scenario.sqlMode().replace("'", "''") + "'");
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    /** The sql_mode migrations run under on MySQL/MariaDB: the scenario's, else the server's own. */
    public String sqlMode() throws SQLException {
        if (!scenario.dialect().name().equals("mysql")) {
            return null;
        }
        if (scenario.sqlMode() != null) {
            return scenario.sqlMode();
        }
        try (Connection c = server.connect(server.dialect().maintenanceDatabase());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@GLOBAL.sql_mode")) {
            rs.next();
            return rs.getString(1) + " (the server's)";
        }
    }

    private void runScript(Connection c, List<SqlStatement> statements) throws SQLException {
        boolean transaction = runsInTransaction(statements);
        if (transaction) {
            c.setAutoCommit(false);
        }
        try {
            ScriptRunner.run(c, statements);
            if (transaction) {
                c.commit();
            }
        } catch (DriftgateException e) {
            if (transaction) {
                c.rollback();
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** True when the script runs as one transaction: on PostgreSQL, unless it has a statement that cannot. */
    boolean runsInTransaction(List<SqlStatement> statements) {
        return scenario.dialect().runsInTransaction(statements);
    }

    /**
     * Chain rollback: on the final state itself (this is the target's last check), every
     * candidate's rollback runs in reverse order, as an incident that undoes a release would run
     * them; the result must equal the baseline, read on a fresh connection.
     */
    public String chainRollback() throws SQLException {
        requireNotBlocked();
        if (applied.isEmpty()) {
            throw new TestAbortedException("no candidate was applied");
        }
        List<String> missing = withoutRollback(applied);
        if (!missing.isEmpty()) {
            String what = "no rollback for " + String.join(", ", missing);
            if (scenario.rollbackRequired()) {
                throw new AssertionFailedError("chain rollback: " + what);
            }
            throw new TestAbortedException(what + " (rollback: optional)");
        }
        ThrowawayDatabase db = workDatabase();
        List<String> done = new ArrayList<>();
        for (int i = applied.size() - 1; i >= 0; i--) {
            Migration m = applied.get(i);
            try {
                apply(db, m.down());
            } catch (DriftgateException e) {
                throw new AssertionFailedError("chain rollback: the rollback of " + m.label() + " fails"
                        + (done.isEmpty() ? "" : " after rolling back " + String.join(", ", done)) + ": " + e.getMessage(), e);
            }
            done.add(m.label());
        }
        DiffResult diff = compare(baselineSnapshot, snapshotOnFreshConnection(db));
        if (!restoresExactly(diff)) {
            throw new AssertionFailedError("chain rollback: rolling back " + String.join(", ", done) + " in turn does not "
                    + "restore the baseline (expected = the baseline, actual = after the chain)" + differences(diff));
        }
        return applied.size() + " candidate" + (applied.size() == 1 ? "" : "s") + " rolled back in reverse: baseline restored";
    }

    /**
     * Full-history chain ({@code baseline: empty}): on a new, empty database every versioned
     * migration of the history runs up, then every rollback in reverse; the database must be empty
     * again, read on a fresh connection. Repeatable migrations have no rollback and are left out; so
     * is the seed, whose tables the history's first rollbacks would drop anyway.
     */
    public String historyRollback() throws SQLException {
        requireNotBlocked();
        List<Migration> history = new ArrayList<>(scenario.baseline().stream().filter(m -> !m.repeatable()).toList());
        history.addAll(applied);
        List<String> missing = withoutRollback(history);
        if (!missing.isEmpty()) {
            throw new AssertionFailedError("chain rollback from an empty database: no rollback for "
                    + String.join(", ", missing));
        }
        ThrowawayDatabase db = newDatabase();
        try {
            SchemaSnapshot empty = snapshot(db);
            for (Migration m : history) {
                try {
                    apply(db, m.up());
                } catch (DriftgateException e) {
                    throw new AssertionFailedError("chain rollback from an empty database: " + m.label()
                            + " does not apply: " + e.getMessage(), e);
                }
            }
            List<String> done = new ArrayList<>();
            for (int i = history.size() - 1; i >= 0; i--) {
                Migration m = history.get(i);
                try {
                    apply(db, m.down());
                } catch (DriftgateException e) {
                    throw new AssertionFailedError("chain rollback from an empty database: the rollback of " + m.label()
                            + " fails after rolling back " + (done.isEmpty() ? "nothing" : done.get(0) + " … " + done.get(done.size() - 1))
                            + ": " + e.getMessage(), e);
                }
                done.add(m.label());
            }
            DiffResult diff = compare(empty, snapshotOnFreshConnection(db));
            if (!restoresExactly(diff)) {
                throw new AssertionFailedError("chain rollback from an empty database: the whole history up and down "
                        + "again leaves objects behind (expected = empty, actual = after the rollbacks)" + differences(diff));
            }
            return history.size() + " migrations applied from an empty database and rolled back in reverse: empty again";
        } finally {
            discard(db);
        }
    }

    /** Why the remaining checks cannot run, as an aborted check: the baseline or an earlier candidate did not apply. */
    void requireNotBlocked() {
        if (blocked != null) {
            throw new TestAbortedException("not run: " + blocked);
        }
    }

    private List<String> withoutRollback(List<Migration> migrations) {
        return migrations.stream().filter(m -> !m.hasRollback(scenario.dialect())).map(Migration::label).toList();
    }

    /** No difference, and no object driftgate does not model present on one side only. */
    private static boolean restoresExactly(DiffResult diff) {
        return diff.isEmpty() && diff.notComparedOnOneSide().isEmpty();
    }

    /** A failed rollback's differences, with the unmodelled objects on one side named after them. */
    private static String differences(DiffResult diff) {
        List<String> oneSided = diff.notComparedOnOneSide().stream()
                .map(n -> n.object().table() + " " + n.object().name()).toList();
        return diff.summary(20) + (oneSided.isEmpty() ? "" : "\n  objects driftgate does not model differ: "
                + String.join(", ", oneSided));
    }

    /**
     * Group rollback: the state before the group is rebuilt (baseline, seed and the candidates
     * before it, replayed), the group's migrations applied in order and their rollbacks run in
     * reverse, as one unit; the schema must come back exactly (fresh connection), and applying the
     * group again must converge.
     */
    public String groupRollback(List<Migration> group) throws SQLException {
        requireNotBlocked();
        if (!applied.containsAll(group)) {
            throw new TestAbortedException("not run: a migration of the group did not pass its own checks");
        }
        String name = group.get(0).label() + " … " + group.get(group.size() - 1).label();
        List<String> missing = withoutRollback(group);
        if (!missing.isEmpty()) {
            throw new AssertionFailedError("group " + name + ": no rollback for " + String.join(", ", missing));
        }
        ThrowawayDatabase db = stateAfter(applied.indexOf(group.get(0)));
        try {
            SchemaSnapshot before = snapshot(db);
            for (Migration m : group) {
                apply(db, m.up());
            }
            SchemaSnapshot after = snapshot(db);
            for (int i = group.size() - 1; i >= 0; i--) {
                try {
                    apply(db, group.get(i).down());
                } catch (DriftgateException e) {
                    throw new AssertionFailedError("group " + name + ": the rollback of " + group.get(i).label()
                            + " fails: " + e.getMessage(), e);
                }
            }
            DiffResult restored = compare(before, snapshotOnFreshConnection(db));
            if (!restoresExactly(restored)) {
                throw new AssertionFailedError("group " + name + ": its rollbacks, run in reverse, do not restore the "
                        + "schema before it (expected = before the group, actual = after its rollbacks):" + differences(restored));
            }
            for (Migration m : group) {
                apply(db, m.up());
            }
            DiffResult again = compare(after, snapshot(db));
            if (!again.isEmpty()) {
                throw new AssertionFailedError("group " + name + ": applied again after its rollbacks, it does not converge:"
                        + again.summary(20));
            }
            return group.size() + " migrations applied, rolled back in reverse and applied again as one unit";
        } finally {
            discard(db);
        }
    }

    /**
     * The online-safety node's database: the state before the running candidate, with the
     * representative rows generated for earlier candidates still in it. An observed run that
     * completes leaves it at the state after its candidate, which is the state before the next, so
     * one copy serves every candidate; it is rebuilt when it falls out of step (a run that failed
     * part way, a candidate that was not observed).
     */
    ObservationCopy observationCopy() throws SQLException {
        if (observation != null && observation.candidates == applied.size()) {
            return observation;
        }
        discardObservationCopy();
        ThrowawayDatabase db = rebuiltCurrent();
        try {
            observation = new ObservationCopy(db, scriptConnection(db), applied.size());
        } catch (SQLException | RuntimeException e) {
            discard(db);
            throw e;
        }
        return observation;
    }

    /** After an observed run: a completed one has moved the copy to the state after the running candidate. */
    void observed(ObservationCopy copy, boolean completed) {
        if (completed && copy == observation) {
            copy.candidates = applied.size() + 1;
        } else {
            discardObservationCopy();
        }
    }

    private void discardObservationCopy() {
        if (observation != null) {
            try {
                observation.connection.close();
            } catch (SQLException e) {
                // a connection to a database about to be dropped: nothing to lose
            }
            discard(observation.db);
            observation = null;
        }
    }

    /** The observation's database and its session, and which state it holds. */
    static final class ObservationCopy {
        private final ThrowawayDatabase db;
        private final Connection connection;
        /** The state it holds: the baseline and this many applied candidates. */
        private int candidates;
        /** Representative rows already in it, by table ({@link #tableKey}). */
        private final Map<String, Integer> sampleRows = new HashMap<>();

        private ObservationCopy(ThrowawayDatabase db, Connection connection, int candidates) {
            this.db = db;
            this.connection = connection;
            this.candidates = candidates;
        }

        Connection connection() {
            return connection;
        }

        Map<String, Integer> sampleRows() {
            return sampleRows;
        }
    }

    /** Drops every database of this run; stops the server if it was started for this target alone. */
    @Override
    public void close() {
        discardObservationCopy();
        new ArrayList<>(sessions.keySet()).forEach(this::closeSession);
        databases.forEach(ThrowawayDatabase::close);
        databases.clear();
        if (ownsServer) {
            server.close();
        }
    }

    /** Closes a database that a check made and no longer needs. */
    void discard(ThrowawayDatabase db) {
        if (db != null && db != current) {
            closeSession(db);
            db.close();
            databases.remove(db);
        }
    }
}
