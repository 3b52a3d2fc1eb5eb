package dev.driftgate.scenario;

import dev.driftgate.DriftgateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Which migrations a gate checks. By default those the branch adds: files new since the merge base
 * ({@code CI_MERGE_REQUEST_DIFF_BASE_SHA} in a GitLab merge-request pipeline, else the merge base
 * with {@code origin/main}), plus files git does not track yet, so a local run checks the migration
 * being written.
 *
 * @param versions the versions chosen
 * @param how one line for the report: how they were chosen
 */
public record Candidates(Set<String> versions, String how) {

    static Candidates select(String rule, List<Migration> migrations, Path migrationsDir) {
        String r = rule == null ? "branch" : rule.strip();
        List<Migration> versioned = migrations.stream().filter(m -> !m.repeatable()).toList();
        return switch (r) {
            case "all" -> new Candidates(versions(versioned), "all migrations");
            case "none" -> new Candidates(Set.of(), "none: the history is only the baseline");
            case "branch" -> branch(versioned, migrationsDir);
            default -> {
                if (!r.contains("..")) {
                    if (versioned.stream().anyMatch(m -> Migration.VERSION_ORDER.compare(m.version(), r) == 0)) {
                        yield new Candidates(versions(versioned.stream()
                                .filter(m -> Migration.VERSION_ORDER.compare(m.version(), r) == 0).toList()), "version " + r);
                    }
                    throw new DriftgateException("candidates: '" + r + "': expected branch, all, none, a version of the "
                            + "history or a range such as 4..7");
                }
                String from = r.substring(0, r.indexOf("..")).strip();
                String to = r.substring(r.indexOf("..") + 2).strip();
                Set<String> chosen = new HashSet<>();
                for (Migration m : versioned) {
                    if ((from.isEmpty() || Migration.VERSION_ORDER.compare(m.version(), from) >= 0)
                            && (to.isEmpty() || Migration.VERSION_ORDER.compare(m.version(), to) <= 0)) {
                        chosen.add(m.version());
                    }
                }
                yield new Candidates(chosen, "versions " + r);
            }
        };
    }

    private static Set<String> versions(List<Migration> migrations) {
        Set<String> out = new HashSet<>();
        migrations.forEach(m -> out.add(m.version()));
        return out;
    }

    private static Candidates branch(List<Migration> migrations, Path dir) {
        String base = System.getenv("CI_MERGE_REQUEST_DIFF_BASE_SHA");
        String baseName = base != null ? "CI_MERGE_REQUEST_DIFF_BASE_SHA " + abbreviate(base) : null;
        try {
            Path top = Path.of(git(dir, "rev-parse", "--show-toplevel").strip());
            if (base == null || base.isBlank()) {
                base = git(dir, "merge-base", "origin/main", "HEAD").strip();
                baseName = "the merge base with origin/main (" + abbreviate(base) + ")";
            }
            Set<Path> added = new HashSet<>();
            for (String f : git(dir, "diff", "--name-only", "--diff-filter=A", base, "--", ".").split("\n")) {
                if (!f.isBlank()) {
                    added.add(top.resolve(f).toAbsolutePath().normalize());
                }
            }
            for (String f : git(dir, "ls-files", "--others", "--exclude-standard", "--full-name", ".").split("\n")) {
                if (!f.isBlank()) {
                    added.add(top.resolve(f).toAbsolutePath().normalize());
                }
            }
            Set<String> chosen = new HashSet<>();
            for (Migration m : migrations) {
                if (added.contains(m.up().file().toAbsolutePath().normalize())) {
                    chosen.add(m.version());
                }
            }
            return new Candidates(chosen, "migrations added since " + baseName);
        } catch (DriftgateException e) {
            return new Candidates(versions(migrations), "all migrations (" + e.getMessage() + ")");
        }
    }

    private static String abbreviate(String sha) {
        return sha.length() > 8 ? sha.substring(0, 8) : sha;
    }

    private static String git(Path dir, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = dir.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new DriftgateException("no git merge base: git " + args[0] + " failed: "
                        + err.strip().lines().findFirst().orElse("exit " + p.exitValue()));
            }
            return out;
        } catch (IOException e) {
            throw new DriftgateException("no git merge base: git is not available", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriftgateException("no git merge base: interrupted", e);
        }
    }
}
