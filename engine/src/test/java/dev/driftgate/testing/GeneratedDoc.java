package dev.driftgate.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated section of a document, between {@code <!-- generated:begin -->} and
 * {@code <!-- generated:end -->}: checked against the code, or rewritten with {@code -Ddriftgate.approve=true}.
 */
public final class GeneratedDoc {

    private static final String BEGIN = "<!-- generated:begin -->\n";
    private static final String END = "<!-- generated:end -->";

    private GeneratedDoc() {}

    public static void assertSection(Path doc, String wanted) throws IOException {
        String text = Files.readString(doc);
        int from = text.indexOf(BEGIN) + BEGIN.length();
        int to = text.indexOf(END);
        if (Boolean.getBoolean("driftgate.approve")) {
            Files.writeString(doc, text.substring(0, from) + wanted + text.substring(to));
            return;
        }
        assertEquals(wanted, text.substring(from, to), doc + " is stale: regenerate it with -Ddriftgate.approve=true");
    }
}
