package dev.driftgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.UniqueId;

class FailureRecapTest {

    @Test
    void failuresAreGroupedByCheckCountedAndCapped() {
        FailureRecap recap = new FailureRecap();
        for (int i = 1; i <= 12; i++) {
            recap.add(UniqueId.parse("[engine:driftgate]/[scenario:s]/[target:embedded]/[migration:" + i + "]/[step:rollback]"),
                    "rollback restores the schema", "s › embedded › " + i + " m › rollback restores the schema",
                    "the rollback of " + i + " m does not restore the schema before it (1 difference, …):");
        }
        recap.add(UniqueId.parse("[engine:driftgate]/[scenario:s]/[target:embedded]/[step:baseline]"),
                "baseline applies (3 migrations)", "s › embedded › baseline applies (3 migrations)", "x".repeat(300));
        StringWriter text = new StringWriter();
        recap.print(new PrintWriter(text, true));
        String[] lines = text.toString().split("\n");
        assertEquals("Failed, by check:", lines[0]);
        assertEquals("  rollback restores the schema: 12", lines[1]);
        assertEquals("    ✘ s › embedded › 1 m › rollback restores the schema: the rollback of 1 m does not restore the schema "
                + "before it (1 difference, …):", lines[2]);
        assertEquals("    … and 2 more", lines[12]);
        assertEquals("  baseline applies: 1", lines[13]);
        assertEquals(6 + 240, lines[14].length());
        assertEquals(15, lines.length);
    }
}
