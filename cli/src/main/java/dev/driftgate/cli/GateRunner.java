package dev.driftgate.cli;

import dev.driftgate.AtomicFiles;
import dev.driftgate.DriftgateException;
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

/** Runs the driftgate engine through the JUnit Platform Launcher, printing one line per check. */
final class GateRunner {

    /** What a run found; {@code failedScenarios} names the scenarios with at least one failed check. */
    record Outcome(int passed, int failed, int skipped, List<String> failedScenarios) {
        int checks() {
            return passed + failed + skipped;
        }
    }

    private GateRunner() {}

    static Outcome run(List<? extends DiscoverySelector> selectors, Map<String, String> config, Path junitXml, PrintWriter out) {
        return run(selectors, config, junitXml, null, out);
    }

    /**
     * @param allureResults where Allure's listener writes its results, or null for none. Listeners are
     *     registered here, not found on the class path: Allure's would otherwise write allure-results
     *     into the working directory on every run.
     */
    static Outcome run(List<? extends DiscoverySelector> selectors, Map<String, String> config, Path junitXml,
            Path allureResults, PrintWriter out) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(EngineFilter.includeEngines("driftgate"))
                .configurationParameters(config)
                .build();
        Printer printer = new Printer(out);
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
        out.println(printer.passed + " passed, " + printer.failed + " failed, " + printer.skipped + " skipped or not applicable"
                + (printer.passed + printer.failed + printer.skipped == 0
                        ? " (no scenario found: a scenario is a directory with a driftgate.yaml)" : ""));
        out.flush();
        return new Outcome(printer.passed, printer.failed, printer.skipped, List.copyOf(printer.failedScenarios));
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

    /** One line per finished check: ✔ passed, ✘ failed with the reason, – skipped or not applicable. */
    private static final class Printer implements TestExecutionListener {
        private final PrintWriter out;
        private final Map<String, String> results = new HashMap<>();
        private final List<String> failedScenarios = new ArrayList<>();
        private TestPlan plan;
        private int passed;
        private int failed;
        private int skipped;

        Printer(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void testPlanExecutionStarted(TestPlan testPlan) {
            plan = testPlan;
        }

        @Override
        public synchronized void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
            entry.getKeyValuePairs().forEach((k, v) -> {
                if (k.equals("driftgate.result")) {
                    results.put(id.getUniqueId(), v);
                } else if (k.equals("driftgate.target") || k.equals("driftgate.timings") || k.equals("driftgate.swept")) {
                    out.println(Secrets.mask("  " + path(id) + ": " + SafeText.line(v)));
                }
            });
        }

        @Override
        public synchronized void executionSkipped(TestIdentifier id, String reason) {
            skipped++;
            out.println(Secrets.mask("– " + path(id) + ": skipped: " + SafeText.line(reason)));
            out.flush();
        }

        @Override
        public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (!id.isTest() && result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                return;
            }
            String why = result.getThrowable().map(t -> t.getMessage() == null ? t.toString() : t.getMessage()).orElse("");
            switch (result.getStatus()) {
                case SUCCESSFUL -> {
                    passed++;
                    String found = results.get(id.getUniqueId());
                    out.println("✔ " + path(id) + (found == null ? "" : " (" + SafeText.line(found) + ")"));
                }
                case ABORTED -> {
                    skipped++;
                    out.println(Secrets.mask("– " + path(id) + ": " + SafeText.line(why)));
                }
                case FAILED -> {
                    failed++;
                    out.println(Secrets.mask("✘ " + path(id) + ": " + SafeText.lines(why).replace("\n", "\n    ")));
                    String scenario = path(id).split(" › ")[0];
                    if (!failedScenarios.contains(scenario)) {
                        failedScenarios.add(scenario);
                    }
                }
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
