package dev.driftgate.reports.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest's statuses, hashes and signature. */
class ManifestTest {

    @TempDir
    Path dir;

    private RunResults run(Path one, Path two) {
        return new RunResults(RunResults.FORMAT, "test", "abc", List.of(
                new RunResults.CheckResult("s", "embedded", null, null, "baseline", "step", "baseline", "passed", null, null,
                        null, null, null),
                new RunResults.CheckResult("s", "embedded", "2", "2 b", "apply", "step", "applies", "passed", null, null,
                        null, null, null),
                new RunResults.CheckResult("s", "embedded", "2", "2 b", "rollback", "step", "rollback", "failed", "no", null,
                        null, null, null)),
                List.of(new RunResults.MigrationFile("s", one.toString(), "1", "baseline"),
                        new RunResults.MigrationFile("s", two.toString(), "2", "candidate")));
    }

    @Test
    void statusesHashesAndASignatureThatCatchesAnEditedEntry() throws Exception {
        Path one = Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id int);\r\n");
        Path two = Files.writeString(dir.resolve("V2__b.sql"), "CREATE TABLE b (id int);\n");
        Manifest m = Manifest.of(run(one, two), "k3y");
        assertEquals(List.of("baseline", "failed"), m.migrations().stream().map(Manifest.Entry::status).toList());
        assertEquals(List.of("embedded: rollback"), m.migrations().get(1).failures());
        assertEquals(Manifest.sha256(Files.writeString(dir.resolve("lf.sql"), "CREATE TABLE a (id int);\n")),
                m.migrations().get(0).sha256(), "CRLF and LF hash alike");
        assertTrue(m.signatureProblem("k3y").isEmpty());

        Path file = dir.resolve("manifest.json");
        m.write(file);
        Files.writeString(file, Files.readString(file).replace("\"status\" : \"failed\"", "\"status\" : \"verified\""));
        Manifest forged = Manifest.read(file);
        assertEquals("verified", forged.migrations().get(1).status());
        assertEquals("the signature does not match its entries (edited after the gate wrote it, or signed with another key)",
                forged.signatureProblem("k3y").orElseThrow());
        assertEquals("not signed, but DRIFTGATE_MANIFEST_KEY is set",
                Manifest.of(run(one, two), null).signatureProblem("k3y").orElseThrow());
        assertTrue(forged.signatureProblem(null).isEmpty(), "no key, nothing to check");
    }
}
