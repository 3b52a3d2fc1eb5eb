package dev.driftgate.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftgate.DriftgateException;
import dev.driftgate.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
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
        return assertThrows(DriftgateException.class, () -> ScenarioLoader.load(dir, "s", Settings.defaults())).getMessage();
    }

    @Test
    void anUnknownKeyNamesItsLineAndTheKnownKeys() throws Exception {
        String m = error("dialect: postgresql\nrollbak: optional\n");
        assertEquals(dir.resolve("driftgate.yaml") + ":2:1: unknown key 'rollbak' (known here: baseline, branch-base, candidates, compatibility, declared, "
                + "dialect, environments, expected, expected-each, forward-fix, groups, ignore, migrations, online-safety, restore, rollback, "
                + "rollback-modes, seed, sql-mode, targets)", m);
    }

    @Test
    void badReleaseSqlIsNamedByFileLineAndKey() throws Exception {
        Path yaml = dir.resolve("driftgate.yaml");
        assertEquals(yaml + ":4:13: compatibility.previous: " + dir.resolve("nope.sql") + " not found (relative to driftgate.yaml's "
                + "directory)", error("dialect: postgresql\ncandidates: none\ncompatibility:\n  previous: nope.sql\n"));
        Files.writeString(dir.resolve("capture.csv"), "queryid,calls\n1,2\n");
        assertEquals(dir.resolve("capture.csv") + ":2: a capture needs a query column (pg_stat_statements) or a digest_text "
                + "column (performance_schema); found calls, queryid",
                error("dialect: postgresql\ncandidates: none\ncompatibility:\n  previous: capture.csv\n"));
        Files.writeString(dir.resolve("capture.json"), "{\"query\": \"SELECT 1\"}");
        assertEquals(dir.resolve("capture.json") + ":1: a JSON capture is an array of objects, one per statement",
                error("dialect: postgresql\ncandidates: none\ncompatibility:\n  previous: capture.json\n"));
        String restore = error("dialect: postgresql\ncandidates: none\nrestore:\n  '9': r.sql\n");
        assertTrue(restore.startsWith(yaml + ":4:") && restore.endsWith(": restore.9: version 9 is not a candidate"), restore);
    }

    @Test
    void badValuesAreNamed() throws Exception {
        assertEquals(dir.resolve("driftgate.yaml") + ": dialect is required (postgresql or mysql)", error("rollback: required\n"));
        assertEquals(dir.resolve("driftgate.yaml") + ":2:11: rollback: 'sometimes': expected required or optional",
                error("dialect: postgresql\nrollback: sometimes\n"));
        assertEquals(dir.resolve("driftgate.yaml") + ":2:21: targets[1]: 'docker': expected embedded[:<PostgreSQL major>], server[:<jdbc url>] or "
                + "testcontainers:<image>", error("dialect: postgresql\ntargets: [embedded, docker]\n"));
        assertEquals(dir.resolve("driftgate.yaml") + ":1:10: dialect: 'postgressql': expected postgresql or mysql (MySQL and MariaDB)",
                error("dialect: postgressql\n"));
        assertEquals(dir.resolve("driftgate.yaml") + ":4:5: rollback-modes[1]: 'chian': expected per-migration, chain or group",
                error("dialect: mysql\nrollback-modes:\n  - per-migration\n  - chian\n"));
        assertEquals(dir.resolve("driftgate.yaml") + ":2:13: candidates: 'lots': expected branch, all, none, a version of the "
                + "history or a range such as 4..7", error("dialect: mysql\ncandidates: lots\n"));
        assertEquals(dir.resolve("driftgate.yaml") + ":2:13: migrations: not a mapping (path, layout, pattern, changelog, contexts, labels)",
                error("dialect: postgresql\nmigrations: [a, b]\n"));
        String malformed = error("dialect: postgresql\nmigrations: {path: x\n");
        assertEquals(true, malformed.startsWith(dir.resolve("driftgate.yaml") + ":2:") && malformed.contains("malformed YAML")
                && !malformed.contains("\n"), malformed);
    }

    @Test
    void liquibaseKeysAreRefusedWhereTheyDoNotApplyAndTheChangelogStaysInsideThePath() throws Exception {
        assertEquals(dir.resolve("driftgate.yaml") + ":3:13: migrations.contexts: only for a Liquibase XML, YAML or JSON "
                + "changelog (migrations.layout: liquibase with migrations.changelog)",
                error("dialect: postgresql\nmigrations:\n  contexts: test\n"));
        assertEquals(dir.resolve("driftgate.yaml") + ":3:14: migrations.changelog: '../driftgate.yaml' leads out of "
                + "migrations.path (" + dir.resolve("migrations") + ")",
                error("dialect: postgresql\nmigrations:\n  changelog: ../driftgate.yaml\n"));
        assertEquals(dir.resolve("driftgate.yaml") + ":3:14: migrations.changelog: 'master.xml' is not a file in "
                + dir.resolve("migrations") + " (the changelog is relative to migrations.path)",
                error("dialect: postgresql\nmigrations:\n  changelog: master.xml\n"));
    }

    @Test
    void pathsAreRelativeToTheFilesDirectoryAndAMissingOneIsNamed() throws Exception {
        Path project = dir.resolve("project");
        Files.createDirectories(project.resolve(".git")); // a team's repository: paths may leave db/gate, not it
        Files.createDirectories(project.resolve("db/migrations"));
        Files.createDirectories(project.resolve("db/gate"));
        Files.writeString(project.resolve("db/migrations/V1__a.sql"), "SELECT 1;");
        Files.writeString(project.resolve("db/gate/driftgate.yaml"), "dialect: postgresql\ncandidates: all\nmigrations:\n  path: ../migrations\n");
        Scenario s = ScenarioLoader.load(project.resolve("db/gate"), "s", Settings.defaults());
        assertEquals(1, s.candidates().size());
        Files.writeString(project.resolve("db/gate/driftgate.yaml"), "dialect: postgresql\ncandidates: all\nmigrations:\n  path: ../db/migrations\n");
        String m = assertThrows(DriftgateException.class, () -> ScenarioLoader.load(project.resolve("db/gate"), "s", Settings.defaults()))
                .getMessage();
        assertEquals(project.resolve("db/gate/driftgate.yaml") + ":4:9: migrations.path: '../db/migrations' is "
                + project.resolve("db/db/migrations") + ", not a directory (paths in driftgate.yaml are relative to its own directory)", m);
    }

    @Test
    void candidatesSplitTheHistory() throws Exception {
        Files.writeString(dir.resolve("driftgate.yaml"), "dialect: postgresql\ncandidates: '2..'\n");
        Files.createDirectories(dir.resolve("migrations"));
        for (int i = 1; i <= 3; i++) {
            Files.writeString(dir.resolve("migrations/V" + i + "__m.sql"), "SELECT " + i + ";");
        }
        Scenario s = ScenarioLoader.load(dir, "s", Settings.defaults());
        assertEquals(1, s.baseline().size());
        assertEquals(2, s.candidates().size());
        Scenario overridden = ScenarioLoader.load(dir, "s",
                Settings.read(k -> k.equals("driftgate.candidates") ? Optional.of("all") : Optional.empty()));
        assertEquals(3, overridden.candidates().size());
    }

    @Test
    void migrationsAfterTheLastCandidateAreNeverPartOfTheBaseline() throws Exception {
        // A range in the middle of a history: 4 and 5 come after it in production, so applying
        // them first (5 drops what 2 alters) would make a baseline production never had.
        Files.writeString(dir.resolve("driftgate.yaml"), "dialect: postgresql\ncandidates: '2..3'\n");
        Files.createDirectories(dir.resolve("migrations"));
        for (int i = 1; i <= 5; i++) {
            Files.writeString(dir.resolve("migrations/V" + i + "__m.sql"), "SELECT " + i + ";");
        }
        Scenario s = ScenarioLoader.load(dir, "s", Settings.defaults());
        assertEquals(List.of("1"), s.baseline().stream().map(Migration::version).toList());
        assertEquals(List.of("2", "3"), s.candidates().stream().map(Migration::version).toList());
        assertEquals("versions 2..3; 2 later migrations left out (after the last candidate)", s.candidatesHow());
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
        Assumptions.assumeTrue(System.getenv("CI_MERGE_REQUEST_DIFF_BASE_SHA") == null,
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
        Scenario s = ScenarioLoader.load(dir, "s", Settings.defaults());
        assertEquals(List.of("2", "3"), s.candidates().stream().map(Migration::version).toList(),
                "committed on the branch and not yet tracked");
        assertEquals(List.of("1"), s.baseline().stream().map(Migration::version).toList());
        assertEquals(true, s.candidatesHow().startsWith("migrations added since the merge base with origin/main"),
                s.candidatesHow());
    }

    @Test
    void withoutGitBranchCandidatesAreAnErrorNotTheWholeHistory() throws Exception {
        String m = error("dialect: postgresql\n");
        assertEquals(true, m.startsWith(dir.resolve("driftgate.yaml") + ": candidates: branch needs git: " + dir.resolve("migrations")
                + " is not in a git repository"), m);
        assertEquals(true, m.endsWith("choose candidates: all, a version or a range to gate without git"), m);
    }

    /** A repository with V1 on the base branch {@code develop} (no origin/main) and V2 committed on the branch. */
    private void repositoryOnDevelop() throws Exception {
        Files.writeString(dir.resolve("driftgate.yaml"), "dialect: postgresql\n");
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations/V1__a.sql"), "SELECT 1;");
        git("init", "-q", "-b", "feature");
        git("-c", "user.name=t", "-c", "user.email=t@t", "add", ".");
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "base");
        git("update-ref", "refs/remotes/origin/develop", "HEAD");
        Files.writeString(dir.resolve("migrations/V2__b.sql"), "SELECT 2;");
        git("-c", "user.name=t", "-c", "user.email=t@t", "add", ".");
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "branch");
    }

    @Test
    void withoutABaseTheErrorNamesWhatWasTried() throws Exception {
        repositoryOnDevelop();
        List<Migration> all = MigrationLayout.detect(dir.resolve("migrations")).read(dir.resolve("migrations"), null, "postgresql");
        String m = assertThrows(DriftgateException.class, () -> Candidates.select("branch", all, dir.resolve("migrations"), null,
                k -> null)).getMessage();
        assertEquals("candidates: branch: no base to compare the branch with; tried CI_MERGE_REQUEST_DIFF_BASE_SHA (not set), "
                + "GITHUB_BASE_REF (not set), CI_DEFAULT_BRANCH (not set), remote branch origin/HEAD (not in this clone), "
                + "remote branch origin/main (not in this clone), remote branch origin/master (not in this clone). Name one with "
                + "branch-base: in driftgate.yaml or --base (e.g. origin/develop), fetch it (a shallow CI clone needs the base "
                + "branch's history), or choose candidates: all", m);
    }

    @Test
    void theBaseComesFromTheKeyTheSettingOrTheCi() throws Exception {
        repositoryOnDevelop();
        Files.writeString(dir.resolve("driftgate.yaml"), "dialect: postgresql\nbranch-base: origin/develop\n");
        Scenario fromKey = ScenarioLoader.load(dir, "s", Settings.defaults());
        assertEquals(List.of("2"), fromKey.candidates().stream().map(Migration::version).toList());
        assertEquals(true, fromKey.candidatesHow().startsWith("migrations added since the merge base with origin/develop"),
                fromKey.candidatesHow());
        Files.writeString(dir.resolve("driftgate.yaml"), "dialect: postgresql\nbranch-base: origin/nowhere\n");
        Scenario fromSetting = ScenarioLoader.load(dir, "s",
                Settings.read(k -> k.equals("driftgate.base") ? Optional.of("origin/develop") : Optional.empty()));
        assertEquals(List.of("2"), fromSetting.candidates().stream().map(Migration::version).toList(), "the setting wins over the key");
        assertEquals(true, assertThrows(DriftgateException.class, () -> ScenarioLoader.load(dir, "s", Settings.defaults()))
                .getMessage().contains("tried branch-base origin/nowhere (not in this clone)"));
        List<Migration> all = MigrationLayout.detect(dir.resolve("migrations")).read(dir.resolve("migrations"), null, "postgresql");
        Candidates github = Candidates.select("branch", all, dir.resolve("migrations"), null,
                k -> k.equals("GITHUB_BASE_REF") ? "develop" : null);
        assertEquals(Set.of("2"), github.versions());
        Candidates gitlab = Candidates.select("branch", all, dir.resolve("migrations"), null,
                k -> k.equals("CI_DEFAULT_BRANCH") ? "develop" : null);
        assertEquals("migrations added since the merge base with origin/develop", gitlab.how().substring(0, gitlab.how().indexOf(" (")));
    }
}
