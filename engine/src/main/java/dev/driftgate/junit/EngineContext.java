package dev.driftgate.junit;

import dev.driftgate.ReportEntryKeys;
import dev.driftgate.config.Settings;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/** What every node sees while the engine runs: the settings and the listener reports go to. */
record EngineContext(Settings settings, EngineExecutionListener listener)
        implements EngineExecutionContext {

    boolean approve() {
        return settings.approve();
    }

    /** Publishes what a step found, so reports show more than pass or fail: {@code key} is one of {@link ReportEntryKeys}. */
    void report(TestDescriptor descriptor, String key, String value) {
        listener.reportingEntryPublished(descriptor, ReportEntry.from(key, value));
    }
}
