package dev.driftgate.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftgate.dialect.Dialect;
import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.sql.SqlStatement;
import dev.driftgate.testing.Target;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The observed half of online safety, on the real servers: what a statement locked and rewrote
 * (PostgreSQL) or which ALTER algorithm the server accepted (MySQL/MariaDB), and how that confirms,
 * contradicts or adds to the static hazards.
 */
class ObservedHazardsTest {

    static Stream<Target> postgres() {
        return Target.postgres();
    }

    static Stream<Target> mysql() {
        return Target.mysql();
    }

    private static List<Hazard> observe(Target target, String setup, String migration, List<StatementObservation> into)
            throws Exception {
        Dialect d = target.server().dialect();
        try (ThrowawayDatabase db = target.server().createThrowaway(); Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                for (SqlStatement st : d.splitScript(setup, "setup.sql")) {
                    s.execute(st.sql());
                }
            }
            List<SqlStatement> statements = d.splitScript(migration, "m.sql");
            OnlineSafety safety = new OnlineSafety(HazardLevel.ERROR, Map.of(Rule.MISSING_LOCK_TIMEOUT, HazardLevel.OFF), true, 0);
            List<Hazard> hazards = StaticAnalysis.analyse(d.safetyRules(), "m.sql", migration, statements, safety.levels(), Set.of());
            List<StatementObservation> observed = d.safetyObserver().observe(c, statements, d.runsInTransaction(statements));
            into.addAll(observed);
            return safety.reconcile(hazards, observed);
        }
    }

    private static Hazard only(List<Hazard> hazards, Rule rule) {
        List<Hazard> found = hazards.stream().filter(h -> h.rule() == rule).toList();
        assertEquals(1, found.size(), () -> rule + " in " + hazards.stream().map(Hazard::oneLine).toList());
        return found.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postgres")
    void postgresqlLocksAndRewritesConfirmOrContradictTheStaticRules(Target target) throws Exception {
        String setup = "CREATE TABLE orders (id int PRIMARY KEY, customer_id int, total int, note varchar(100));\n"
                + "INSERT INTO orders SELECT g, g % 7, g, 'n' FROM generate_series(1, 500) g;\n";
        List<StatementObservation> seen = new ArrayList<>();
        List<Hazard> hazards = observe(target, setup, "CREATE INDEX orders_customer_idx ON orders (customer_id);\n"
                + "ALTER TABLE orders ALTER COLUMN note TYPE varchar(200);\n"
                + "ALTER TABLE orders ALTER COLUMN total TYPE bigint;\n", seen);
        Hazard index = only(hazards, Rule.INDEX_WITHOUT_CONCURRENTLY);
        assertTrue(index.observed().contains("public.orders ShareLock"), index.oneLine());
        assertEquals(List.of("public.orders_customer_idx"), seen.get(0).indexesBuilt());
        List<Hazard> types = hazards.stream().filter(h -> h.rule() == Rule.TYPE_CHANGE_REWRITE).toList();
        assertEquals(HazardLevel.INFO, types.get(0).level(), "varchar widened: no rewrite");
        assertTrue(types.get(0).observed().startsWith("contradicted"), types.get(0).oneLine());
        assertEquals(HazardLevel.WARNING, types.get(1).level(), "int to bigint rewrites");
        assertTrue(types.get(1).observed().contains("confirmed: rewrote public.orders"), types.get(1).oneLine());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postgres")
    void postgresqlRewriteNoRulePredictedIsAdded(Target target) throws Exception {
        List<StatementObservation> seen = new ArrayList<>();
        // CLUSTER and SET UNLOGGED are predicted; a materialized view's REFRESH gives it a new data
        // file, which no rule predicts (it is reported for its lock only).
        List<Hazard> hazards = observe(target, "CREATE TABLE t (id int PRIMARY KEY, v int);\nINSERT INTO t VALUES (1, 1);\n"
                + "CREATE MATERIALIZED VIEW mv AS SELECT id, v FROM t;\n", "REFRESH MATERIALIZED VIEW mv;\n", seen);
        Hazard rewrite = only(hazards, Rule.OBSERVED_REWRITE);
        assertTrue(rewrite.detail().contains("rewrote public.mv"), rewrite.oneLine());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mysql")
    void mysqlAlgorithmsConfirmOrContradictTheStaticRules(Target target) throws Exception {
        String setup = "CREATE TABLE orders (id int PRIMARY KEY, customer_id int, total int, note varchar(100)) ENGINE=InnoDB;\n"
                + "INSERT INTO orders VALUES (1, 1, 10, 'a'), (2, 2, 20, 'b');\n";
        List<StatementObservation> seen = new ArrayList<>();
        List<Hazard> hazards = observe(target, setup, "ALTER TABLE orders ADD COLUMN tag varchar(20);\n"
                + "ALTER TABLE orders MODIFY total bigint;\n"
                + "ALTER TABLE orders MODIFY note varchar(120);\n"
                + "ALTER TABLE orders ORDER BY total;\n", seen);
        assertEquals("INSTANT", seen.get(0).algorithm());
        assertEquals("COPY", seen.get(1).algorithm());
        List<Hazard> copies = hazards.stream().filter(h -> h.rule() == Rule.TABLE_COPY).toList();
        assertEquals(2, copies.size(), hazards.stream().map(Hazard::oneLine).toList().toString());
        assertTrue(copies.get(0).observed().startsWith("confirmed"), copies.get(0).oneLine());
        assertEquals(HazardLevel.WARNING, copies.get(0).level());
        assertTrue(copies.get(1).observed().startsWith("contradicted: ran INPLACE, LOCK=NONE")
                || copies.get(1).observed().startsWith("contradicted: ran INSTANT"), copies.get(1).oneLine());
        assertEquals(HazardLevel.INFO, copies.get(1).level());
        // ORDER BY is not a rule of ours, and only a copy can do it.
        Hazard observedCopy = only(hazards, Rule.OBSERVED_COPY);
        assertEquals(4, observedCopy.line());
    }
}
