package dev.driftgate.scenario;

import dev.driftgate.DriftgateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Which migrations a gate checks. By default those the branch adds: files new since where the
 * branch started, plus files git does not track yet, so a local run checks the migration being
 * written. Where the branch started is the merge base of HEAD with a base: the one configured
 * ({@code driftgate.base}, {@code branch-base}), else the first that exists of the CI's
 * ({@code CI_MERGE_REQUEST_DIFF_BASE_SHA}, {@code GITHUB_BASE_REF}, {@code CI_DEFAULT_BRANCH}) and the
 * usual remote branches. With none, the gate stops with what it tried: taking every migration as a
 * candidate instead would gate the whole history against an empty baseline, which is not what the
 * branch asked for.
 *
 * @param versions the versions chosen
 * @param how one line for the report: how they were chosen
 */
public record Candidates(Set<String> versions, String how) {

    /**
     * A base configured for {@code candidates: branch}.
     *
     * @param ref a git ref or commit
     * @param source where it was configured, for messages
     */
    public record Base(String ref, String source) {}

    static Candidates select(String rule, List<Migration> migrations, Path migrationsDir, Base base) {
        return select(rule, migrations, migrationsDir, base, System::getenv);
    }

    static Candidates select(String rule, List<Migration> migrations, Path migrationsDir, Base base,
            Function<String, String> env) {
        String r = rule == null ? "branch" : rule.strip();
        List<Migration> versioned = migrations.stream().filter(m -> !m.repeatable()).toList();
        return switch (r) {
            case "all" -> new Candidates(versions(versioned), "all migrations");
            case "none" -> new Candidates(Set.of(), "none: the history is only the baseline");
            case "branch" -> branch(versioned, migrationsDir, base, env);
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

    private static Candidates branch(List<Migration> migrations, Path dir, Base configured, Function<String, String> env) {
        Path top;
        try {
            top = Path.of(git(dir, "rev-parse", "--show-toplevel").strip());
        } catch (DriftgateException e) {
            throw new DriftgateException("candidates: branch needs git: " + dir + " is not in a git repository ("
                    + e.getMessage() + "); choose candidates: all, a version or a range to gate without git", e);
        }
        List<String> tried = new ArrayList<>();
        String base = null;
        String baseName = null;
        for (Base b : bases(configured, env, tried)) {
            // A merge-request base is already the commit the branch starts at; a branch name needs its merge base.
            boolean commit = b.source().equals("CI_MERGE_REQUEST_DIFF_BASE_SHA");
            if (!exists(dir, b.ref())) {
                tried.add(b.source() + " " + b.ref() + " (not in this clone)");
                continue;
            }
            try {
                base = commit ? b.ref() : git(dir, "merge-base", b.ref(), "HEAD").strip();
                baseName = commit ? b.source() + " " + abbreviate(base)
                        : "the merge base with " + b.ref() + " (" + abbreviate(base) + ")";
                break;
            } catch (DriftgateException e) {
                tried.add(b.source() + " " + b.ref() + " (no merge base with HEAD: a shallow clone?)");
            }
        }
        if (base == null) {
            throw new DriftgateException("candidates: branch: no base to compare the branch with; tried " + String.join(", ", tried)
                    + ". Name one with branch-base: in driftgate.yaml or --base (e.g. origin/develop), fetch it "
                    + "(a shallow CI clone needs the base branch's history), or choose candidates: all");
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
    }

    /** The bases to try in order: the configured one alone, else the CI's and then the usual remote branches. */
    private static List<Base> bases(Base configured, Function<String, String> env, List<String> tried) {
        if (configured != null) {
            return List.of(configured);
        }
        List<Base> out = new ArrayList<>();
        String[][] ci = {
            {"CI_MERGE_REQUEST_DIFF_BASE_SHA", ""}, {"GITHUB_BASE_REF", "origin/"}, {"CI_DEFAULT_BRANCH", "origin/"}};
        for (String[] variable : ci) {
            String value = env.apply(variable[0]);
            if (value == null || value.isBlank()) {
                tried.add(variable[0] + " (not set)");
            } else {
                out.add(new Base(variable[1] + value.strip(), variable[0]));
            }
        }
        for (String ref : List.of("origin/HEAD", "origin/main", "origin/master")) {
            out.add(new Base(ref, "remote branch"));
        }
        return out;
    }

    private static boolean exists(Path dir, String ref) {
        try {
            git(dir, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
            return true;
        } catch (DriftgateException e) {
            return false;
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
                throw new DriftgateException("git " + args[0] + " failed: "
                        + err.strip().lines().findFirst().orElse("exit " + p.exitValue()));
            }
            return out;
        } catch (IOException e) {
            throw new DriftgateException("git is not available", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriftgateException("git interrupted", e);
        }
    }
}
