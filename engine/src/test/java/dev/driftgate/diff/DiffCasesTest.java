package dev.driftgate.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftgate.database.LiveDatabase;
import dev.driftgate.gate.PlanVerifier;
import dev.driftgate.plan.Planner;
import dev.driftgate.provision.DialectDump;
import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.sql.ScriptRunner;
import dev.driftgate.testing.ConcurrentCases;
import dev.driftgate.testing.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Data-driven diff cases (src/test/resources/diff-cases/*.sql): both sides are loaded into real
 * throwaway databases on every target of the dialect, snapshotted and compared; the changes found
 * must be exactly those the case lists.
 */
public class DiffCasesTest {

    /**
     * One case.
     *
     * @param planContains lines the online plan must hold (an online form, a rebuild), in any order
     */
    public record DiffCase(String name, String actual, String expected, List<String> changes, List<String> notCompared,
            List<String> planContains) {}

    public static List<DiffCase> parse(Path file) throws Exception {
        List<DiffCase> cases = new ArrayList<>();
        String name = null;
        StringBuilder actual = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        List<String> changes = new ArrayList<>();
        List<String> notCompared = new ArrayList<>();
        List<String> planContains = new ArrayList<>();
        String section = "";
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("-- case:")) {
                if (name != null) {
                    cases.add(new DiffCase(name, actual.toString(), expected.toString(), changes, notCompared,
                            planContains));
                }
                name = line.substring("-- case:".length()).strip();
                actual = new StringBuilder();
                expected = new StringBuilder();
                changes = new ArrayList<>();
                notCompared = new ArrayList<>();
                planContains = new ArrayList<>();
                section = "";
            } else if (line.startsWith("-- actual:") || line.startsWith("-- expected:") || line.startsWith("-- changes:")
                    || line.startsWith("-- not compared:") || line.startsWith("-- plan contains:")) {
                section = line.substring(3, line.indexOf(':'));
            } else if (name != null) {
                switch (section) {
                    case "actual" -> actual.append(line).append('\n');
                    case "expected" -> expected.append(line).append('\n');
                    case "changes" -> { if (!line.isBlank()) { changes.add(line.strip()); } }
                    case "not compared" -> { if (!line.isBlank()) { notCompared.add(line.strip()); } }
                    case "plan contains" -> { if (!line.isBlank()) { planContains.add(line.strip()); } }
                    default -> { }
                }
            }
        }
        if (name != null) {
            cases.add(new DiffCase(name, actual.toString(), expected.toString(), changes, notCompared, planContains));
        }
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> postgresql() throws Exception {
        return tests("postgresql", Target.postgres().toList());
    }

    @TestFactory
    Stream<DynamicTest> mysql() throws Exception {
        return tests("mysql", Target.mysql().toList());
    }

    private Stream<DynamicTest> tests(String dialect, List<Target> targets) throws Exception {
        List<DiffCase> all = parse(Path.of("src/test/resources/diff-cases/" + dialect + ".sql"));
        assertTrue(all.size() >= 10, "too few cases in " + dialect + ".sql");
        // -Ddriftgate.case=TEXT runs only the cases whose name contains TEXT (while working on them).
        String only = System.getProperty("driftgate.case", "");
        List<DiffCase> cases = all.stream().filter(c -> c.name().contains(only)).toList();
        // -Ddriftgate.target=TEXT runs only on the targets whose name contains TEXT ("embedded" when the shared server is busy).
        String onlyTarget = System.getProperty("driftgate.target", "");
        // The targets are different servers, and a case waits on its server and the dump far more
        // than it computes: a few run at once.
        ConcurrentCases concurrently = new ConcurrentCases(4);
        List<DynamicTest> tests = new ArrayList<>();
        for (Target target : targets.stream().filter(t -> t.toString().contains(onlyTarget)).toList()) {
            for (DiffCase c : cases) {
                tests.add(concurrently.test(c.name() + " [" + target + "]", () -> run(target, c)));
            }
        }
        concurrently.noMore();
        return tests.stream();
    }

    private static void run(Target target, DiffCase c) throws Exception {
        try (ThrowawayDatabase actualDb = target.server().createThrowaway();
                ThrowawayDatabase expectedDb = target.server().createThrowaway()) {
            SchemaSnapshot actual = load(actualDb, target, c.actual(), c.name() + " (actual)");
            SchemaSnapshot expected = load(expectedDb, target, c.expected(), c.name() + " (expected)");
            DiffResult result = SchemaDiff.compare(expected, actual, IgnoreRules.defaults());
            List<String> found = result.differences().stream()
                    .map(d -> d.change().kind() + " " + d.change().object()).sorted().toList();
            List<String> wanted = c.changes().stream().map(s -> s.replace("{db}", expectedDb.name())).sorted().toList();
            assertEquals(wanted, found, c.name());
            List<String> unmodelled = result.notCompared().stream().map(n -> n.object() + " (" + n.side() + ")")
                    .sorted().toList();
            assertEquals(c.notCompared().stream().sorted().toList(), unmodelled, c.name() + ": not compared");
            for (DiffResult.Difference d : result.differences()) {
                String details = ChangeDetails.describe(d.change(), d.aspects());
                assertTrue(!details.isBlank());
                // A change whose two sides print the same is one nobody can see or act on.
                Matcher sides = Pattern.compile("^is (.*); expected (.*)$").matcher(details);
                assertTrue(!sides.matches() || !sides.group(1).equals(sides.group(2)),
                        c.name() + ": " + d.change().object() + " reported with identical sides: " + details);
            }
            {
                // The remediation plan, in both forms, must turn the actual schema into the expected one,
                // by the snapshot and by the dialect's own dump of the expected database itself.
                String expectedDump = DialectDump.of(target.server(), expectedDb.name());
                for (boolean online : new boolean[] {true, false}) {
                    Planner.Plan plan = target.server().dialect().planner().plan(result, online);
                    PlanVerifier.Verification v = PlanVerifier.verify(target.server(), actual, expected, expectedDump,
                            plan, IgnoreRules.defaults());
                    if (!v.verified() && !c.notCompared().isEmpty()) {
                        // The dump shows what the snapshot does not model (a rule, a range type): no plan
                        // can be proven there, and the verifier must say the dump is why.
                        assertTrue(v.reason().contains("dump"), c.name() + ": refused for another reason: " + v.reason());
                    } else {
                        assertTrue(v.verified(), c.name() + (online ? " (online)" : " (plain)") + ": " + v.reason()
                                + (v.remaining() == null ? "" : " " + v.remaining().differences()) + "\n" + plan.script());
                    }
                    if (online) {
                        for (String line : c.planContains()) {
                            assertTrue(plan.statements().stream().anyMatch(s -> s.sql().equals(line)),
                                    c.name() + ": the online plan lacks " + line + "\n" + plan.script());
                        }
                    }
                }
            }
        }
    }

    private static SchemaSnapshot load(ThrowawayDatabase db, Target target, String sql, String source) throws Exception {
        try (Connection connection = db.connect()) {
            ScriptRunner.run(connection, target.server().dialect().splitScript(sql, source));
        }
        return LiveDatabase.snapshot(db.jdbcUrl(), target.server().adminSettings(), List.of());
    }
}
