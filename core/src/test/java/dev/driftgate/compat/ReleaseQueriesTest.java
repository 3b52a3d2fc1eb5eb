package dev.driftgate.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.driftgate.dialect.Dialects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Release SQL as files and captures: where each statement is, what is kept, what a digest becomes. */
class ReleaseQueriesTest {

    @TempDir
    Path dir;

    @Test
    void aCsvCaptureNamesTheLineEachRowStartsOnAndSkipsWhatIsNotAQuery() throws Exception {
        Path csv = dir.resolve("pgss.csv");
        Files.writeString(csv, "queryid,query\n1,\"SELECT a\nFROM t WHERE id = $1\"\n2,BEGIN\n3,\"UPDATE t SET a = $1\"\n");
        ReleaseQueries.Loaded loaded = ReleaseQueries.read(csv, Dialects.postgres());
        assertEquals(List.of(csv + ":2 (queryid 1)", csv + ":5 (queryid 3)"),
                loaded.statements().stream().map(ReleaseStatement::origin).toList());
        assertEquals(List.of("1 not queries the server prepares (BEGIN)"), loaded.skipped());
    }

    @Test
    void aDigestsListsBecomePlaceholdersAndCutDigestsAreSkipped() throws Exception {
        Path json = dir.resolve("digests.json");
        Files.writeString(json, "[{\"digest\": \"a\", \"digest_text\": \"INSERT INTO `t` ( `a` , `b` ) VALUES (...) /* , ... */ \"},"
                + "{\"digest\": \"b\", \"digest_text\": \"SELECT * FROM `t` WHERE `a` IN (...) \"},"
                + "{\"digest\": \"c\", \"digest_text\": \"SELECT `a` , `b` , `c` FROM `t` WHERE `a` = ? AND ...\"}]");
        ReleaseQueries.Loaded loaded = ReleaseQueries.read(json, Dialects.mysql());
        assertEquals(List.of("INSERT INTO `t` ( `a` , `b` ) VALUES (?, ?)", "SELECT * FROM `t` WHERE `a` IN (?)"),
                loaded.statements().stream().map(s -> s.sql().strip()).toList());
        assertEquals(json + " entry 1 (digest a)", loaded.statements().get(0).origin());
        assertEquals(List.of("1 cut short by the server (max_digest_length)"), loaded.skipped());
    }
}
