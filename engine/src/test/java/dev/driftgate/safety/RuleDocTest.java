package dev.driftgate.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** docs/safety.md lists exactly the rules the code has; codes are unique and never reused. */
class RuleDocTest {

    private static final String BEGIN = "<!-- generated:begin -->\n";
    private static final String END = "<!-- generated:end -->";

    @Test
    void theRuleReferenceMatchesTheCode() throws Exception {
        Path doc = Path.of("../docs/safety.md");
        String text = Files.readString(doc);
        int from = text.indexOf(BEGIN) + BEGIN.length();
        int to = text.indexOf(END);
        String wanted = Rule.markdownTable();
        if (Boolean.getBoolean("driftgate.approve")) {
            Files.writeString(doc, text.substring(0, from) + wanted + text.substring(to));
            return;
        }
        assertEquals(wanted, text.substring(from, to), "docs/safety.md is stale: regenerate it with -Ddriftgate.approve=true");
    }

    @Test
    void codesAreUnique() {
        assertEquals(Rule.values().length, new HashSet<>(Arrays.stream(Rule.values()).map(Rule::code).toList()).size());
    }
}
