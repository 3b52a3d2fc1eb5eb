package dev.driftgate.gate;

import dev.driftgate.DriftgateException;
import dev.driftgate.compat.ReleaseStatement;
import dev.driftgate.config.Settings;
import dev.driftgate.database.LiveDatabase;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.diff.DiffResult;
import dev.driftgate.diff.SchemaDiff;
import dev.driftgate.provision.DatabaseServer;
import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.safety.OnlineSafety;
import dev.driftgate.scenario.Migration;
import dev.driftgate.scenario.Scenario;
import dev.driftgate.scenario.Script;
import dev.driftgate.scenario.TargetSpec;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.sql.ScriptRunner;
import dev.driftgate.sql.SqlStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
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
    private Optional<String> sessionTimeZone;
    private ThrowawayDatabase current;
    private SchemaSnapshot currentSnapshot;
    private String blocked;
    private boolean baselineCache;
    private OnlineSafety safety;
    private SchemaSnapshot baselineSnapshot;
    private final List<Migration> applied = new ArrayList<>();
    private final Timings timings = new Timings();
    /** The previous release's statements the server refuses on the current state; null until first checked. */
    private Set<ReleaseStatement> previousRefused;

    public Timings timings() {
        return timings;
    }

    private TargetRun(Scenario scenario, TargetSpec spec, DatabaseServer server, boolean ownsServer) {
        this.scenario = scenario;
        this.spec = spec;
        this.server = server;
        this.ownsServer = ownsServer;
    }

    public static TargetRun open(Scenario scenario, TargetSpec spec, Settings settings) {
        long start = System.nanoTime();
        TargetServers.Opened opened = TargetServers.open(TargetServers.resolveEnvironmentVersion(spec, scenario),
                scenario.dialect(), settings);
        TargetRun run = new TargetRun(scenario, spec, opened.server(), opened.owned());
        // Started here, or already running (an embedded server shared by the JVM's targets: about 0).
        run.timings.server(System.nanoTime() - start);
        run.safety = settings.safetyFor(scenario.safety());
        // Only a server that outlives the run can keep a baseline for the next one, and only where
        // databases can be copied (PostgreSQL); opt-in, since the cache is a database left behind.
        run.baselineCache = spec instanceof TargetSpec.Server
                && settings.baselineCache()
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
    OnlineSafety safety() {
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
                try {
                    statements += apply(current, script);
                } catch (DriftgateException e) {
                    String hint = sqlModeHint(e.getMessage());
                    if (hint.isEmpty()) {
                        throw e;
                    }
                    throw new DriftgateException(e.getMessage() + hint, e);
                }
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
    Set<String> tablesNewSinceBaseline() {
        Set<String> before = tableNames(baselineSnapshot);
        Set<String> now = tableNames(currentSnapshot);
        now.removeAll(before);
        return now;
    }

    private Set<String> tableNames(SchemaSnapshot snapshot) {
        Set<String> out = new HashSet<>();
        snapshot.schemas().forEach(s -> s.tables().forEach(t -> out.add(tableKey(scenario.dialect(), s.name(), t.name()))));
        return out;
    }

    /**
     * A table's name across the copies of a target's state: schema-qualified on PostgreSQL; on
     * MySQL the schema is the database, which differs between copies, so the table name alone.
     */
    static String tableKey(Dialect dialect, String schema, String table) {
        return dialect.schemaIsDatabase() ? table : schema + "." + table;
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
    ThrowawayDatabase stateAfter(int candidates) throws SQLException {
        long start = System.nanoTime();
        List<Script> scripts = replay.subList(0, baselineScripts + candidates);
        ThrowawayDatabase db;
        if (pristineBaseline == null) {
            db = newDatabase();
        } else {
            db = ThrowawayDatabase.cloneOf(server, pristineBaseline);
            databases.add(db);
            scripts = scripts.subList(baselineScripts, scripts.size());
        }
        for (Script s : scripts) {
            runScript(db, s.statements(scenario.dialect()), s.outsideTransaction());
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

    ThrowawayDatabase newDatabase() throws SQLException {
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
        return scenario.dialect().readOnlyEndsWithTransaction();
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
     */
    void rewindIdCounters(ThrowawayDatabase db, Map<String, String> before) throws SQLException {
        Map<String, String> now = idCounters(db);
        List<SqlStatement> rewind = new ArrayList<>();
        before.forEach((counter, position) -> {
            if (now.containsKey(counter) && !Objects.equals(now.get(counter), position)) {
                rewind.add(new SqlStatement(scenario.dialect().rewindIdCounterSql(counter, position), "driftgate: id counters",
                        1, rewind.size() + 1));
            }
        });
        if (!rewind.isEmpty()) {
            apply(db, rewind);
        }
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

    /**
     * Runs a script on a fresh connection; on PostgreSQL in one transaction unless a statement
     * forbids it or the script is marked to run outside one.
     */
    int apply(ThrowawayDatabase db, Script script) throws SQLException {
        return apply(db, script.statements(scenario.dialect()), script.outsideTransaction());
    }

    int apply(ThrowawayDatabase db, List<SqlStatement> statements) throws SQLException {
        return apply(db, statements, false);
    }

    private int apply(ThrowawayDatabase db, List<SqlStatement> statements, boolean outsideTransaction) throws SQLException {
        long start = System.nanoTime();
        try {
            return runScript(db, statements, outsideTransaction);
        } finally {
            timings.ddl(System.nanoTime() - start);
        }
    }

    private int runScript(ThrowawayDatabase db, List<SqlStatement> statements, boolean outsideTransaction) throws SQLException {
        if (sharedSession()) {
            runScript(session(db), statements, outsideTransaction);
        } else {
            try (Connection c = scriptConnection(db)) {
                runScript(c, statements, outsideTransaction);
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

    /**
     * Errors that only strict modes raise (a NOT NULL column without a default left out of an
     * INSERT, '' into a number, a value too long): whether the history was written for a laxer
     * server is the scenario's to say, so the message says where.
     */
    private static final Pattern STRICT_MODE_ERROR = Pattern.compile(
            "doesn't have a default value|Incorrect \\w+ value|Data too long for column|Out of range value"
                    + "|Data truncated for column|Invalid default value|Division by 0");

    /** A hint for a MySQL/MariaDB error that the sql_mode decides, or "". */
    String sqlModeHint(String message) {
        if (!scenario.dialect().hasSqlMode() || message == null || !STRICT_MODE_ERROR.matcher(message).find()) {
            return "";
        }
        String mode = scenario.sqlMode() == null ? "the server's sql_mode (strict by default)" : "sql_mode " + scenario.sqlMode();
        return " (raised under " + mode + "; a history written for a laxer server needs its mode: set sql-mode in "
                + scenario.configFile() + ", e.g. sql-mode: NO_ENGINE_SUBSTITUTION)";
    }

    /**
     * The time zone migrations' sessions start in on this target (PostgreSQL: the JVM's zone, which
     * the JDBC driver sets), asked once; the static rules need it for timestamp to timestamptz.
     */
    String sessionTimeZone() throws SQLException {
        if (sessionTimeZone == null) {
            try (Connection c = server.connect(server.dialect().maintenanceDatabase())) {
                sessionTimeZone = Optional.ofNullable(scenario.dialect().safetyObserver().sessionTimeZone(c));
            }
        }
        return sessionTimeZone.orElse(null);
    }

    /** The sql_mode migrations run under on MySQL/MariaDB: the scenario's, else the server's own. */
    public String sqlMode() throws SQLException {
        if (!scenario.dialect().hasSqlMode()) {
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

    private void runScript(Connection c, List<SqlStatement> statements, boolean outsideTransaction) throws SQLException {
        boolean transaction = !outsideTransaction && runsInTransaction(statements);
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

    /** True when the statements run as one transaction: on PostgreSQL, unless one of them cannot. */
    boolean runsInTransaction(List<SqlStatement> statements) {
        return scenario.dialect().runsInTransaction(statements);
    }

    /** True when the script runs as one transaction: as its statements allow, unless it is marked to run outside one. */
    boolean runsInTransaction(Script script) {
        return !script.outsideTransaction() && runsInTransaction(script.statements(scenario.dialect()));
    }

    /** Work that needs a connection to a database. */
    @FunctionalInterface
    interface ConnectionWork<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs work on a connection to a database: on PostgreSQL the session kept for it (a new one
     * would start a server process with cold catalog caches), elsewhere a new connection.
     */
    <T> T onConnection(ThrowawayDatabase db, ConnectionWork<T> work) throws SQLException {
        if (sharedSession()) {
            return work.run(session(db));
        }
        try (Connection c = db.connect()) {
            return work.run(c);
        }
    }

    /** The previous release's statements refused on the current state, or null before the first check. */
    Set<ReleaseStatement> previousRefused() {
        return previousRefused;
    }

    void previousRefused(Set<ReleaseStatement> refused) {
        previousRefused = Set.copyOf(refused);
    }

    /** The candidates applied so far, in order: the state holds the baseline and these. */
    List<Migration> applied() {
        return applied;
    }

    /** The state after the baseline, as a snapshot. */
    SchemaSnapshot baselineSnapshot() {
        return baselineSnapshot;
    }

    /** Chain rollback ({@link RollbackModes#chain}). */
    public String chainRollback() throws SQLException {
        return RollbackModes.chain(this);
    }

    /** Full-history chain from an empty database ({@link RollbackModes#history}). */
    public String historyRollback() throws SQLException {
        return RollbackModes.history(this);
    }

    /** A group rolled back as one unit ({@link RollbackModes#group}). */
    public String groupRollback(List<Migration> group) throws SQLException {
        return RollbackModes.group(this, group);
    }

    /** Why the remaining checks cannot run, as an aborted check: the baseline or an earlier candidate did not apply. */
    void requireNotBlocked() {
        if (blocked != null) {
            throw new TestAbortedException("not run: " + blocked);
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
        if (observation != null && observation.holds(applied.size())) {
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
            copy.advancedTo(applied.size() + 1);
        } else {
            discardObservationCopy();
        }
    }

    private void discardObservationCopy() {
        if (observation != null) {
            observation.closeConnection();
            discard(observation.database());
            observation = null;
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
