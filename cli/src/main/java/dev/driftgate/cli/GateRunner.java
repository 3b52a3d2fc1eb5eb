package dev.driftgate.cli;

import dev.driftgate.AtomicFiles;
import dev.driftgate.DriftgateException;
import dev.driftgate.ReportEntryKeys;
import dev.driftgate.provision.ServerLostException;
import dev.driftgate.reports.results.ResultsListener;
import dev.driftgate.text.SafeText;
import dev.driftgate.text.Secrets;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

/**
 * Runs the driftgate engine through the JUnit Platform Launcher. The console says as much as the
 * {@link Console} asks: by default a line per scenario with its passes counted, failures in full as
 * they happen and a recap naming them at the end; everything, a line per check, with --verbose.
 */
final class GateRunner {

    /** How much the console says. */
    enum Console {
        /** A line per check, with each target's server and timings. */
        VERBOSE,
        /** A line per scenario; failed checks in full; a recap of the failures at the end. */
        SHORT,
        /** A line per scenario, a failed one with its first failure; for runs that are meant to fail. */
        SCENARIOS
    }

    /**
     * What a run found; {@code failedScenarios} names the scenarios with at least one failed check;
     * {@code errors} are what kept checks from running (a server lost mid-run), not findings.
     */
    record Outcome(int passed, int failed, int skipped, List<String> failedScenarios, List<String> errors) {
        int checks() {
            return passed + failed + skipped;
        }
    }

    private GateRunner() {}

    static Outcome run(List<? extends DiscoverySelector> selectors, Map<String, String> config, Path junitXml, PrintWriter out) {
        return run(selectors, config, junitXml, null, out, Console.VERBOSE);
    }

    /**
     * @param allureResults where Allure's listener writes its results, or null for none. Listeners are
     *     registered here, not found on the class path: Allure's would otherwise write allure-results
     *     into the working directory on every run.
     */
    static Outcome run(List<? extends DiscoverySelector> selectors, Map<String, String> config, Path junitXml,
            Path allureResults, PrintWriter out, Console console) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(EngineFilter.includeEngines("driftgate"))
                .configurationParameters(config)
                .build();
        Printer printer = new Printer(out, console);
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());
        List<TestExecutionListener> listeners = new ArrayList<>(List.of(printer, new ResultsListener()));
        if (junitXml != null) {
            listeners.add(new LegacyXmlReportGeneratingListener(junitXml, new PrintWriter(System.err, true)));
        }
        if (allureResults != null) {
            // A lifecycle of this run's own, writing where it was asked (Allure's global one reads its
            // directory once per JVM). The platform reports "finished" to listeners in reverse order:
            // registered after Allure's, ours attaches to a test case Allure has not closed yet.
            AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(allureResults));
            listeners.add(new AllureJunitPlatform(lifecycle));
            listeners.add(new AllureAttachments(lifecycle));
        }
        launcher.execute(request, listeners.toArray(TestExecutionListener[]::new));
        // The XML writer copies every system property (the java command line, -Ddriftgate.* URLs) and
        // messages quote URLs: the files go through the same masking rule as the console.
        maskSecrets(junitXml);
        maskSecrets(allureResults);
        out.println();
        printer.recap.print(out);
        out.println(printer.passed + " passed, " + printer.failed + " failed, " + printer.skipped + " skipped or not applicable"
                + (printer.passed + printer.failed + printer.skipped == 0
                        ? " (no scenario found: a scenario is a directory with a driftgate.yaml)" : ""));
        out.flush();
        return new Outcome(printer.passed, printer.failed, printer.skipped, List.copyOf(printer.failedScenarios),
                List.copyOf(printer.errors));
    }

    /** Rewrites every file a report listener left in the directory with its secrets masked. */
    static void maskSecrets(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String masked = Secrets.mask(text);
                if (!masked.equals(text)) {
                    AtomicFiles.write(file, masked);
                }
            }
        } catch (IOException e) {
            throw new DriftgateException(directory + ": cannot mask secrets in the reports: " + e.getMessage(), e);
        }
    }

    /** Prints what the console mode asks for, and counts every check. */
    private static final class Printer implements TestExecutionListener {
        private final PrintWriter out;
        private final Console console;
        private final Map<String, String> results = new HashMap<>();
        private final List<String> failedScenarios = new ArrayList<>();
        private final FailureRecap recap = new FailureRecap();
        /** Per scenario: passed, failed, skipped; and its first failure. */
        private final Map<String, int[]> counts = new HashMap<>();
        private final Map<String, String> firstFailure = new HashMap<>();
        private final List<String> errors = new ArrayList<>();
        private TestPlan plan;
        private int passed;
        private int failed;
        private int skipped;

        Printer(PrintWriter out, Console console) {
            this.out = out;
            this.console = console;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
        }

        @Override
        public synchronized void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
            entry.getKeyValuePairs().forEach((k, v) -> {
                if (k.equals(ReportEntryKeys.RESULT)) {
                    results.put(id.getUniqueId(), v);
                } else if (console == Console.VERBOSE && (k.equals(ReportEntryKeys.TARGET)
                        || k.equals(ReportEntryKeys.TIMINGS) || k.equals(ReportEntryKeys.SWEPT))) {
                    out.println(Secrets.mask("  " + path(id) + ": " + SafeText.line(v)));
                }
            });
        }

        @Override
        public synchronized void executionSkipped(TestIdentifier id, String reason) {
            skipped++;
            count(id, 2);
            if (console == Console.VERBOSE) {
                out.println(Secrets.mask("– " + path(id) + ": skipped: " + SafeText.line(reason)));
                out.flush();
            }
        }

        @Override
        public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (!id.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                if (console != Console.VERBOSE && isScenario(id)) {
                    scenarioLine(id);
                }
                return;
            }
            String why = result.getThrowable().map(t -> t.getMessage() == null ? t.toString() : t.getMessage()).orElse("");
            switch (result.getStatus()) {
                case SUCCESSFUL -> {
                    passed++;
                    count(id, 0);
                    if (console == Console.VERBOSE) {
                        String found = results.get(id.getUniqueId());
                        out.println("✔ " + path(id) + (found == null ? "" : " (" + SafeText.line(found) + ")"));
                    }
                }
                case ABORTED -> {
                    skipped++;
                    count(id, 2);
                    if (console == Console.VERBOSE) {
                        out.println(Secrets.mask("– " + path(id) + ": " + SafeText.line(why)));
                    }
                }
                case FAILED -> {
                    if (result.getThrowable().orElse(null) instanceof ServerLostException lost) {
                        // an error of the run, not a finding about the migrations
                        if (!errors.contains(lost.getMessage())) {
                            errors.add(lost.getMessage());
                        }
                        skipped++;
                        count(id, 2);
                        if (console == Console.VERBOSE) {
                            out.println(Secrets.mask("– " + path(id) + ": not run: " + SafeText.line(why)));
                        }
                        break;
                    }
                    failed++;
                    count(id, 1);
                    String scenario = path(id).split(" › ")[0];
                    firstFailure.putIfAbsent(scenario, Secrets.mask(path(id).substring(Math.min(path(id).length(), scenario.length() + 3))
                            + ": " + SafeText.line(why.lines().findFirst().orElse(""))));
                    recap.add(UniqueId.parse(id.getUniqueId()), id.getDisplayName(), Secrets.mask(path(id)),
                            Secrets.mask(SafeText.line(why.lines().findFirst().orElse(""))));
                    if (console != Console.SCENARIOS || (id.isTest() && isScenario(id))) {
                        out.println(Secrets.mask("✘ " + path(id) + ": " + SafeText.lines(why).replace("\n", "\n    ")));
                    }
                    if (!failedScenarios.contains(scenario)) {
                        failedScenarios.add(scenario);
                    }
                }
            }
            out.flush();
        }

        private void count(TestIdentifier id, int which) {
            counts.computeIfAbsent(path(id).split(" › ")[0], k -> new int[3])[which]++;
        }

        /** A scenario's node: a child of the engine's root (a broken scenario is a test there). */
        private boolean isScenario(TestIdentifier id) {
            return plan.getParent(id).map(p -> p.getParentIdObject().isEmpty()).orElse(false);
        }

        private void scenarioLine(TestIdentifier id) {
            String scenario = path(id);
            int[] c = counts.getOrDefault(scenario, new int[3]);
            String skippedNote = c[2] == 0 ? "" : ", " + c[2] + " skipped or not applicable";
            if (c[1] == 0) {
                out.println("✔ " + scenario + ": " + c[0] + " checks passed" + skippedNote);
            } else {
                out.println("✘ " + scenario + ": " + c[1] + " of " + (c[0] + c[1]) + " checks failed" + skippedNote
                        + (console == Console.SCENARIOS ? " (first: " + firstFailure.get(scenario) + ")" : ""));
            }
            out.flush();
        }

        private String path(TestIdentifier id) {
            List<String> names = new ArrayList<>();
            for (TestIdentifier at = id; at != null; at = plan.getParent(at).orElse(null)) {
                if (at.getParentIdObject().isPresent()) {
                    names.add(0, at.getDisplayName());
                }
            }
            // Display names come from file and object names: one printable line each.
            return SafeText.line(String.join(" › ", names));
        }
    }
}
