package dev.driftgate.dialect.postgres;

import dev.driftgate.dialect.QueryResources;
import dev.driftgate.safety.SafetyObserver;
import dev.driftgate.safety.StatementObservation;
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
import java.util.Set;

/**
 * Watches a migration on PostgreSQL: inside its transaction, after each statement, the relation
 * locks this backend holds on relations that existed before (pg_locks) and which of them got a new
 * relfilenode (a rewrite). Outside a transaction (CONCURRENTLY) the locks are gone by the time
 * they could be read; rewrites and new indexes are still seen.
 */
final class PostgresObserver implements SafetyObserver {

    private static final String RELATIONS = QueryResources.load(PostgresObserver.class, "safety-relations");
    private static final String LOCKS = QueryResources.load(PostgresObserver.class, "safety-locks");

    /** A relation that existed before the migration. */
    private record Relation(String name, String kind, long fileNode) {}

    @Override
    public String sessionTimeZone(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW TimeZone")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Override
    public List<StatementObservation> observe(Connection c, List<SqlStatement> statements, boolean transaction)
            throws SQLException {
        Map<Long, Relation> before = relations(c);
        Set<Long> known = new HashSet<>(before.keySet());
        Map<Long, Relation> current = new HashMap<>(before);
        Map<Long, Set<String>> held = new HashMap<>();
        List<StatementObservation> out = new ArrayList<>();
        c.setAutoCommit(!transaction);
        try {
            for (SqlStatement statement : statements) {
                long start = System.nanoTime();
                try {
                    ScriptRunner.run(c, List.of(statement));
                } catch (RuntimeException e) {
                    throw new Failed(out, statement, e);
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                List<String> locks = transaction ? newLocks(c, before, held) : List.of();
                Map<Long, Relation> now = relations(c);
                List<String> rewritten = new ArrayList<>();
                List<String> built = new ArrayList<>();
                for (Map.Entry<Long, Relation> e : now.entrySet()) {
                    Relation was = current.get(e.getKey());
                    if (was != null && before.containsKey(e.getKey()) && was.fileNode() != e.getValue().fileNode()) {
                        rewritten.add(e.getValue().name());
                    }
                    if (!known.contains(e.getKey()) && e.getValue().kind().equals("i")) {
                        built.add(e.getValue().name());
                    }
                }
                known.addAll(now.keySet());
                current = now;
                out.add(new StatementObservation(statement, millis, locks, rewritten.stream().sorted().toList(),
                        built.stream().sorted().toList(), null));
            }
            if (transaction) {
                c.commit();
            }
        } catch (RuntimeException | SQLException e) {
            if (transaction) {
                c.rollback();
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        return out;
    }

    private static Map<Long, Relation> relations(Connection c) throws SQLException {
        Map<Long, Relation> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(RELATIONS)) {
            while (rs.next()) {
                out.put(rs.getLong(1), new Relation(rs.getString(2), rs.getString(3), rs.getLong(4)));
            }
        }
        return out;
    }

    /** Lock modes taken since the last statement on relations that existed before the migration. */
    private static List<String> newLocks(Connection c, Map<Long, Relation> before, Map<Long, Set<String>> held)
            throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(LOCKS)) {
            while (rs.next()) {
                long oid = rs.getLong(1);
                String mode = rs.getString(2);
                Relation r = before.get(oid);
                if (r != null && held.computeIfAbsent(oid, k -> new HashSet<>()).add(mode)) {
                    out.add(r.name() + " " + mode);
                }
            }
        }
        return out.stream().sorted().toList();
    }
}
