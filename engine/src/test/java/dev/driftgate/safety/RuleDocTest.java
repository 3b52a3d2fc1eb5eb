package dev.driftgate.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.driftgate.testing.GeneratedDoc;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** docs/safety.md lists exactly the rules the code has; codes are unique and never reused. */
class RuleDocTest {

    @Test
    void theRuleReferenceMatchesTheCode() throws Exception {
        GeneratedDoc.assertSection(Path.of("../docs/safety.md"), Rule.markdownTable());
    }

    @Test
    void codesAreUnique() {
        assertEquals(Rule.values().length, new HashSet<>(Arrays.stream(Rule.values()).map(Rule::code).toList()).size());
    }
}
