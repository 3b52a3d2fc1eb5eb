package dev.driftgate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.driftgate.DriftgateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** driftgate.yaml errors: one line naming the file, the line and the key. */
class ScenarioLoaderTest {

    @TempDir
    Path dir;

    private String error(String yaml) throws Exception {
        Files.writeString(dir.resolve("driftgate.yaml"), yaml);
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations/V1__a.sql"), "CREATE TABLE a (id int);");
        return assertThrows(DriftgateException.class, () -> ScenarioLoader.load(dir, "s", k -> Optional.empty())).getMessage();
    }

    @Test
    void anUnknownKeyNamesItsLineAndTheKnownKeys() throws Exception {
        String m = error("dialect: postgresql\nrollbak: optional\n");
        assertEquals(dir.resolve("driftgate.yaml") + ":2:1: unknown key 'rollbak' (known here: baseline, candidates, declared, dialect, "
                + "environments, expected, expected-each, forward-fix, groups, ignore, migrations, rollback, rollback-modes, seed, sql-mode, targets)", m);
    }

    @Test
    void badValuesAreNamed() throws Exception {
        assertEquals(dir.resolve("driftgate.yaml") + ": dialect is required (postgresql or mysql)", error("rollback: required\n"));
        assertEquals(dir.resolve("driftgate.yaml") + ": rollback: 'sometimes': expected required or optional",
                error("dialect: postgresql\nrollback: sometimes\n"));
        assertEquals(dir.resolve("driftgate.yaml") + ": targets: 'docker': expected embedded[:<PostgreSQL major>], server[:<jdbc url>] or "
                + "testcontainers:<image>", error("dialect: postgresql\ntargets: [docker]\n"));
        assertEquals(dir.resolve("driftgate.yaml") + ":2:13: migrations: not a mapping (path, layout, pattern)",
                error("dialect: postgresql\nmigrations: [a, b]\n"));
        String malformed = error("dialect: postgresql\nmigrations: {path: x\n");
        assertEquals(true, malformed.startsWith(dir.resolve("driftgate.yaml") + ":2:") && malformed.contains("malformed YAML")
                && !malformed.contains("\n"), malformed);
    }

    @Test
    void candidatesSplitTheHistory() throws Exception {
        Files.writeString(dir.resolve("driftgate.yaml"), "dialect: postgresql\ncandidates: '2..'\n");
        Files.createDirectories(dir.resolve("migrations"));
        for (int i = 1; i <= 3; i++) {
            Files.writeString(dir.resolve("migrations/V" + i + "__m.sql"), "SELECT " + i + ";");
        }
        Scenario s = ScenarioLoader.load(dir, "s", k -> Optional.empty());
        assertEquals(1, s.baseline().size());
        assertEquals(2, s.candidates().size());
        Scenario overridden = ScenarioLoader.load(dir, "s",
                k -> k.equals("driftgate.candidates") ? Optional.of("all") : Optional.empty());
        assertEquals(3, overridden.candidates().size());
    }

    private void git(String... args) throws Exception {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = dir.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    void branchCandidatesAreWhatTheBranchAddsSinceTheMergeBase() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("CI_MERGE_REQUEST_DIFF_BASE_SHA") == null,
                "a merge-request pipeline names its own base");
        Files.writeString(dir.resolve("driftgate.yaml"), "dialect: postgresql\n");
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations/V1__a.sql"), "SELECT 1;");
        git("init", "-q", "-b", "main");
        git("-c", "user.name=t", "-c", "user.email=t@t", "add", ".");
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "base");
        git("update-ref", "refs/remotes/origin/main", "HEAD");
        Files.writeString(dir.resolve("migrations/V2__b.sql"), "SELECT 2;");
        git("-c", "user.name=t", "-c", "user.email=t@t", "add", ".");
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "branch");
        Files.writeString(dir.resolve("migrations/V3__c.sql"), "SELECT 3;");
        Scenario s = ScenarioLoader.load(dir, "s", k -> Optional.empty());
        assertEquals(java.util.List.of("2", "3"), s.candidates().stream().map(Migration::version).toList(),
                "committed on the branch and not yet tracked");
        assertEquals(java.util.List.of("1"), s.baseline().stream().map(Migration::version).toList());
        assertEquals(true, s.candidatesHow().startsWith("migrations added since the merge base with origin/main"),
                s.candidatesHow());
    }

    @Test
    void withoutGitEveryMigrationIsACandidateAndTheReportSaysWhy() throws Exception {
        Files.writeString(dir.resolve("driftgate.yaml"), "dialect: postgresql\n");
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations/V1__a.sql"), "SELECT 1;");
        Scenario s = ScenarioLoader.load(dir, "s", k -> Optional.empty());
        assertEquals(1, s.candidates().size());
        assertEquals(true, s.candidatesHow().startsWith("all migrations (no git merge base"), s.candidatesHow());
    }
}
