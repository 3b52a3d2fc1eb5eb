package dev.driftgate.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md holds exactly the table the configuration constants generate. */
class ConfigurationDocTest {

    private static final String BEGIN = "<!-- generated:begin -->\n";
    private static final String END = "<!-- generated:end -->";

    @Test
    void theReferenceMatchesTheCode() throws Exception {
        Path doc = Path.of("../docs/configuration.md");
        String text = Files.readString(doc);
        int from = text.indexOf(BEGIN) + BEGIN.length();
        int to = text.indexOf(END);
        String wanted = DriftgateConfig.markdownTable();
        if (Boolean.getBoolean("driftgate.approve")) {
            Files.writeString(doc, text.substring(0, from) + wanted + text.substring(to));
            return;
        }
        assertEquals(wanted, text.substring(from, to), "docs/configuration.md is stale: regenerate it (see the file)");
    }
}
