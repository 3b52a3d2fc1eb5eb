package dev.driftgate.cli;

import dev.driftgate.DriftgateException;
import dev.driftgate.reports.results.Manifest;
import dev.driftgate.reports.results.Provenance;
import dev.driftgate.scenario.Migration;
import dev.driftgate.scenario.MigrationLayout;
import dev.driftgate.text.SafeText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code driftgate verify-manifest}: the deploy job's guard. Every migration about to be deployed
 * must be in the gate's manifest, unchanged since (same SHA-256), and verified (or part of the
 * baseline the gate applied); with a key set, the manifest's signature must hold.
 */
@Command(name = "verify-manifest", mixinStandardHelpOptions = true,
        description = {"Check that every migration in the directories was verified by the gate and has not changed since: "
                + "each up script must be in the manifest with the same SHA-256 (line endings normalised) and status "
                + "verified or baseline. With DRIFTGATE_MANIFEST_KEY set, the manifest's HMAC signature must match too. "
                + "Run it from the directory the gate ran in (paths are relative to it).",
            "Exit code 0: every migration verified; 1: one is missing, changed, failed, or the signature does not hold; "
                    + "2: error."},
        footer = {"", "Example (deploy job):", "  driftgate verify-manifest --manifest target/driftgate/manifest.json db/migrations"})
final class VerifyManifestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--manifest", required = true, paramLabel = "FILE", description = "The gate's manifest.json "
            + "(repeat it for the shards of one gate).")
    List<Path> manifests;

    @Option(names = "--layout", defaultValue = "auto", description = "The migrations' layout (default: ${DEFAULT-VALUE}).")
    String layout;

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "Migration directories about to be deployed.")
    List<Path> directories = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<String> problems = new ArrayList<>();
            List<Manifest.Entry> all = new ArrayList<>();
            String commit = null;
            for (Path manifest : manifests) {
                Manifest m = Manifest.read(manifest);
                m.signatureProblem(System.getenv(Manifest.KEY_VARIABLE)).ifPresent(p -> problems.add(manifest + ": " + p));
                all.addAll(m.migrations());
                commit = commit == null ? m.commit() : commit;
            }
            Map<String, Manifest.Entry> entries = all.stream()
                    .collect(Collectors.toMap(Manifest.Entry::file, Function.identity(), (a, b) -> a));
            int checked = 0;
            for (Path dir : directories) {
                MigrationLayout l = layout.equals("auto") ? MigrationLayout.detect(dir) : MigrationLayout.byName(layout);
                for (Migration migration : l.read(dir, null, null)) {
                    if (migration.repeatable()) {
                        continue;
                    }
                    checked++;
                    String file = Provenance.relative(migration.up().file());
                    Manifest.Entry e = entries.get(file);
                    if (e == null) {
                        problems.add(file + ": not verified (not in the manifest)");
                    } else if (!e.sha256().equals(Manifest.sha256(migration.up().file()))) {
                        problems.add(file + ": changed since the gate verified it (SHA-256 differs)");
                    } else if (!e.status().equals("verified") && !e.status().equals("baseline")) {
                        problems.add(file + ": " + e.status() + " in the gate" + (e.failures() == null || e.failures().isEmpty()
                                ? "" : " (" + String.join(", ", e.failures()) + ")"));
                    }
                }
            }
            problems.forEach(p -> out.println("✘ " + SafeText.line(p)));
            out.println(problems.isEmpty() ? "✔ " + checked + " migration" + (checked == 1 ? "" : "s") + " verified by the gate"
                    + (commit == null ? "" : " at " + commit) : problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                    + " in " + checked + " migrations: do not deploy");
            out.flush();
            return problems.isEmpty() ? Main.OK : Main.DIFFERENCES;
        } catch (DriftgateException e) {
            err.println("driftgate verify-manifest: " + SafeText.line(e.getMessage()));
            return Main.ERROR;
        }
    }
}
