package dev.driftgate.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftgate.plan.PlannedStatement;
import dev.driftgate.plan.Planner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each place untrusted text is written to, with the text that would break it. */
class SafeTextTest {

    @Test
    void aLineShowsEveryControlAndSteeringCharacterAsAnEscape() {
        assertEquals("a\\nDROP TABLE x; --\\r\\x1b[31m\\x00\\u202e\\u2028\\x7f\\x85b",
                SafeText.line("a\nDROP TABLE x; --\r\u001b[31m\u0000\u202e\u2028\u007f\u0085b"));
        assertEquals("plain é 😀 \\! `x`", SafeText.line("plain é 😀 \\! `x`"), "printable text is kept as it is");
        assertEquals("", SafeText.line(null));
    }

    @Test
    void aCommentCannotBeEndedByTheTextItHolds() {
        String comment = SafeText.sqlComment("table \"t\nDROP TABLE victim; --\"");
        assertTrue(comment.startsWith("-- "));
        assertFalse(comment.contains("\n") || comment.contains("\r"), comment);
    }

    @Test
    void aPlanScriptIsCommentsAndItsOwnStatementsOnly() {
        Planner.Plan plan = new Planner.Plan(
                List.of(new PlannedStatement("DROP TABLE \"t\nx\"", "drop table \"t\nDROP TABLE victim; --\"", true)),
                List.of("view \"v\r\n\\! touch pwned\": not modelled"));
        String script = plan.script();
        assertEquals(List.of("-- driftgate: cannot plan view \"v\\r\\n\\! touch pwned\": not modelled",
                "-- drop table \"t\\nDROP TABLE victim; --\"", "DROP TABLE \"t", "x\";"), script.lines().toList());
    }

    @Test
    void multiLineTextKeepsItsLineFeedsOnly() {
        assertEquals("ERROR: x\n  at \\x1b[2Jline 2", SafeText.lines("ERROR: x\r\n  at \u001b[2Jline 2"));
    }

    @Test
    void markdownEscapesSyntaxAndCodeSpansOutgrowTheirContent() {
        // the line feed becomes its escape, whose backslash Markdown must then show as typed
        assertEquals("a\\|b \\*c\\* \\[l\\](u) \\<script\\> \\&amp; \\`x\\` \\\\ \\~\\~s\\~\\~ \\_e\\_\\\\n",
                SafeText.markdown("a|b *c* [l](u) <script> &amp; `x` \\ ~~s~~ _e_\n"));
        assertEquals("snake_case \\_x\\_", SafeText.markdown("snake_case _x_"));
        assertEquals("``a`b``", SafeText.markdownCode("a`b"));
        assertEquals("``` ``x`` ```", SafeText.markdownCode("``x``"));
        assertEquals("`a\\|b`", SafeText.markdownCode("a|b"), "a pipe splits a table cell even inside a span");
        assertEquals("````", SafeText.markdownFence("x\n```\ny"));
        assertEquals("```", SafeText.markdownFence("no fences"));
    }

    @Test
    void htmlEscapesMarkupAndQuotes() {
        assertEquals("&lt;script&gt;&amp;&quot;&#39;\\x1b", SafeText.html("<script>&\"'\u001b"));
        assertEquals("a\nb &lt;", SafeText.htmlLines("a\nb <"));
    }
}
