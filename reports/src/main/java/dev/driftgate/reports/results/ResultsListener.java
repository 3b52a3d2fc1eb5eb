package dev.driftgate.reports.results;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.driftgate.DriftgateException;
import dev.driftgate.ReportEntryKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects what the driftgate engine reports and writes {@code results.json} and
 * {@code manifest.json} into the directory {@code driftgate.results} names, at the end of the run.
 * Registered through {@code ServiceLoader}, so it works under Surefire, Gradle and the command
 * line alike; without {@code driftgate.results} it does nothing.
 */
public final class ResultsListener implements TestExecutionListener {

    /** The configuration key naming the results directory. */
    public static final String DIRECTORY = "driftgate.results";

    private Path directory;
    private TestPlan plan;
    private final List<RunResults.CheckResult> checks = new ArrayList<>();
    private final List<RunResults.MigrationFile> migrations = new ArrayList<>();
    private final Map<String, String> results = new HashMap<>();
    private final Map<String, List<RunResults.HazardEntry>> hazards = new HashMap<>();

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        directory = testPlan.getConfigurationParameters().get(DIRECTORY).filter(s -> !s.isBlank()).map(Path::of).orElse(null);
    }

    @Override
    public synchronized void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        if (directory == null) {
            return;
        }
        entry.getKeyValuePairs().forEach((key, value) -> {
            try {
                switch (key) {
                    case ReportEntryKeys.RESULT -> results.put(id.getUniqueId(), value);
                    case ReportEntryKeys.HAZARDS -> hazards.put(id.getUniqueId(), RunResults.JSON.readValue(value,
                            new TypeReference<List<RunResults.HazardEntry>>() {}).stream().map(h -> new RunResults.HazardEntry(
                                    h.code(), h.level(), h.group(), h.title(), Provenance.relative(Path.of(h.file())), h.line(),
                                    h.statement(), h.detail(), h.suppressed(), h.observed(), h.alternative())).toList());
                    case ReportEntryKeys.MIGRATIONS -> RunResults.JSON.readValue(value,
                            new TypeReference<List<RunResults.MigrationFile>>() {}).forEach(m -> migrations.add(
                                    new RunResults.MigrationFile(m.scenario(), Provenance.relative(Path.of(m.file())),
                                            m.version(), m.role())));
                    default -> {
                        // timings, targets: for the console
                    }
                }
            } catch (IOException e) {
                throw new DriftgateException("driftgate report entry " + key + " is not valid JSON: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        if (directory != null && id.isTest()) {
            checks.add(check(id, "skipped", reason));
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (directory == null || !isDriftgate(id)) {
            return;
        }
        String message = result.getThrowable().map(Throwable::getMessage).orElse(null);
        switch (result.getStatus()) {
            case SUCCESSFUL -> {
                if (id.isTest()) {
                    checks.add(check(id, "passed", null));
                }
            }
            case ABORTED -> {
                if (id.isTest()) {
                    checks.add(check(id, "skipped", message));
                }
            }
            case FAILED -> checks.add(check(id, "failed", message));
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        if (directory == null) {
            return;
        }
        RunResults run = new RunResults(RunResults.FORMAT, Provenance.version(), Provenance.commit(), List.copyOf(checks),
                List.copyOf(migrations));
        run.write(directory);
        Manifest.of(run, System.getenv(Manifest.KEY_VARIABLE)).write(directory.resolve(Manifest.FILE));
    }

    private static boolean isDriftgate(TestIdentifier id) {
        return id.getUniqueIdObject().getEngineId().map("driftgate"::equals).orElse(false);
    }

    private RunResults.CheckResult check(TestIdentifier id, String status, String message) {
        Map<String, String> segments = new HashMap<>();
        String last = "step";
        String lastValue = null;
        for (UniqueId.Segment s : id.getUniqueIdObject().getSegments()) {
            segments.put(s.getType(), s.getValue());
            last = s.getType();
            lastValue = s.getValue();
        }
        String label = null;
        if (segments.containsKey("migration")) {
            Optional<TestIdentifier> parent = plan.getParent(id);
            label = parent.map(TestIdentifier::getDisplayName).orElse(null);
        }
        String file = null;
        Integer line = null;
        Optional<TestSource> source = id.getSource();
        if (source.isPresent() && source.get() instanceof FileSource f) {
            file = Provenance.relative(f.getFile().toPath());
            line = f.getPosition().map(p -> p.getLine()).orElse(null);
        }
        return new RunResults.CheckResult(segments.get("scenario"), segments.get("target"), segments.get("migration"), label,
                lastValue, last, id.getDisplayName(), status, message, results.get(id.getUniqueId()), file, line,
                hazards.get(id.getUniqueId()));
    }
}
