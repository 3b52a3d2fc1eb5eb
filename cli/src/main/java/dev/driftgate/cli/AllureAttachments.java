package dev.driftgate.cli;

import dev.driftgate.ReportEntryKeys;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * What a reviewer needs beside each check in Allure: what the check found, the hazards (JSON),
 * the migration's SQL, and for a failure its full message (the schema diff, the statement that
 * failed). Registered after Allure's own listener (finishing is reported in reverse order), so a
 * failure is attached before the test case is closed; attachments go to the test case Allure has
 * open on this thread.
 */
final class AllureAttachments implements TestExecutionListener {

    private final AllureLifecycle lifecycle;
    private TestPlan plan;

    AllureAttachments(AllureLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        if (!id.isTest()) {
            return;
        }
        entry.getKeyValuePairs().forEach((key, value) -> {
            switch (key) {
                case ReportEntryKeys.RESULT -> attach("what it found", "text/plain", ".txt", value);
                case ReportEntryKeys.HAZARDS -> attach("online-safety hazards", "application/json", ".json", value);
                default -> {
                    // timings and targets are for the console
                }
            }
        });
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest() || lifecycle.getCurrentTestCase().isEmpty()) {
            return;
        }
        suites(id);
        boolean failed = result.getStatus() == TestExecutionResult.Status.FAILED;
        String step = id.getUniqueIdObject().getLastSegment().getValue();
        if (failed) {
            result.getThrowable().ifPresent(t -> attach("failure (diff, statement)", "text/plain", ".txt", String.valueOf(t.getMessage())));
        }
        if ((failed || step.equals("apply")) && id.getSource().orElse(null) instanceof FileSource f
                && f.getFile().getName().endsWith(".sql")) {
            try {
                attach(f.getFile().getName(), "text/plain", ".sql", Files.readString(f.getFile().toPath()));
            } catch (IOException e) {
                attach(f.getFile().getName(), "text/plain", ".txt", "cannot read: " + e.getMessage());
            }
        }
    }

    /**
     * Allure groups by suite labels, which it reads from Java classes and methods; a driftgate check
     * has a file instead. Scenario, target and migration become parent suite, suite and sub-suite,
     * so the report's tree is the engine's.
     */
    private void suites(TestIdentifier id) {
        List<String> path = new ArrayList<>();
        for (TestIdentifier p = plan.getParent(id).orElse(null); p != null && p.getParentId().isPresent();
                p = plan.getParent(p).orElse(null)) {
            path.add(0, p.getDisplayName());
        }
        String[] names = {"parentSuite", "suite", "subSuite"};
        lifecycle.updateTestCase(tc -> {
            tc.getLabels().removeIf(l -> Set.of(names).contains(l.getName()));
            for (int i = 0; i < Math.min(names.length, path.size()); i++) {
                tc.getLabels().add(new Label().setName(names[i]).setValue(path.get(i)));
            }
            tc.setFullName(String.join(" › ", path) + " › " + id.getDisplayName());
        });
    }

    private void attach(String name, String type, String extension, String text) {
        lifecycle.addAttachment(name, type, extension, text.getBytes(StandardCharsets.UTF_8));
    }
}
