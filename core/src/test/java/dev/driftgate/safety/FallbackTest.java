package dev.driftgate.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.Dialects;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Statements of the shapes real histories hold that JSqlParser 5.3 does not read alone (ALTER
 * TABLE variants, expression indexes, DROP TRIGGER, ALTER TYPE, several tables in one DROP, MariaDB's
 * IF EXISTS, quoted keywords): every one is analysed, by the parser after the dialect's preparation
 * or by the dialect's fallback. What each reports is in the corpus (SafetyCorpusTest).
 */
class FallbackTest {

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql"})
    void everyStatementIsAnalysed(String dialect) throws Exception {
        String name = "/safety/fallback-" + dialect + ".sql";
        String sql;
        try (InputStream in = FallbackTest.class.getResourceAsStream(name)) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Dialect d = Dialects.byName(dialect);
        List<Hazard> hazards = StaticAnalysis.analyse(d.safetyRules(), name, sql, d.splitScript(sql, name), Map.of(), Set.of());
        List<String> unread = hazards.stream().filter(h -> h.rule() == Rule.NOT_ANALYSED).map(Hazard::oneLine).toList();
        assertEquals(List.of(), unread);
    }
}
