package dev.driftgate.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftgate.dialect.Dialects;
import dev.driftgate.testing.SafetyCorpus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of the online-safety corpus reports exactly its expected codes: the warnings it must
 * give and, as much, the silence it must keep (no warning for an index on a table the migration
 * created, for the safe forms, for reference data).
 */
class SafetyCorpusTest {

    static List<SafetyCorpus.Case> postgresql() throws Exception {
        return SafetyCorpus.read("postgresql");
    }

    static List<SafetyCorpus.Case> mysql() throws Exception {
        return SafetyCorpus.read("mysql");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postgresql")
    void postgresqlCase(SafetyCorpus.Case c) {
        check("postgresql", c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mysql")
    void mysqlCase(SafetyCorpus.Case c) {
        check("mysql", c);
    }

    private static void check(String dialect, SafetyCorpus.Case c) {
        List<Hazard> hazards = StaticAnalysis.analyse(Dialects.byName(dialect).safetyRules(), "case.sql", c.sql(),
                Dialects.byName(dialect).splitScript(c.sql(), "case.sql"), Map.of(), Set.of());
        List<String> actual = hazards.stream()
                .filter(h -> c.lockTimeoutChecked() || h.rule() != Rule.MISSING_LOCK_TIMEOUT)
                .map(h -> h.rule().code() + (h.isSuppressed() ? " suppressed" : "")).sorted().toList();
        assertEquals(c.expected(), actual, () -> "case '" + c.name() + "' at " + SafetyCorpus.file(dialect) + ":" + c.line()
                + "\n" + String.join("\n", hazards.stream().map(Hazard::oneLine).toList()));
    }

    @Test
    void eachDialectHasAtLeastEightyCasesAndAQuarterMustStayQuiet() throws Exception {
        for (String dialect : List.of("postgresql", "mysql")) {
            List<SafetyCorpus.Case> cases = SafetyCorpus.read(dialect);
            assertTrue(cases.size() >= 80, dialect + ": " + cases.size() + " cases");
            long quiet = cases.stream().filter(c -> c.expected().isEmpty()).count();
            assertTrue(quiet * 4 >= cases.size(), dialect + ": only " + quiet + " cases that must not warn");
        }
    }

    @Test
    void everyRuleOfEachDialectIsExercisedByTheCorpus() throws Exception {
        for (String dialect : List.of("postgresql", "mysql")) {
            List<String> expected = SafetyCorpus.read(dialect).stream().flatMap(c -> c.expected().stream())
                    .map(e -> e.split(" ")[0]).distinct().toList();
            for (Rule rule : Rule.values()) {
                boolean applies = rule.dialects().equals("both") || rule.dialects().equals(dialect);
                if (applies && rule.group() != Rule.Group.OBSERVED && !Rule.raisedByTheGate().contains(rule)) {
                    assertTrue(expected.contains(rule.code()), dialect + ": no corpus case expects " + rule.code());
                }
            }
        }
    }
}
