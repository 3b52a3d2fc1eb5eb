package dev.driftgate.junit;

import dev.driftgate.ReportEntryKeys;
import java.util.Optional;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/** What every node sees while the engine runs: configuration and the listener reports go to. */
record EngineContext(ConfigurationParameters configuration, EngineExecutionListener listener)
        implements EngineExecutionContext {

    Optional<String> setting(String key) {
        return configuration.get(key).map(String::strip).filter(s -> !s.isEmpty());
    }

    boolean approve() {
        return configuration.getBoolean(DriftgateConfig.APPROVE).orElse(false);
    }

    /** Publishes what a step found, so reports show more than pass or fail: {@code key} is one of {@link ReportEntryKeys}. */
    void report(TestDescriptor descriptor, String key, String value) {
        listener.reportingEntryPublished(descriptor, ReportEntry.from(key, value));
    }
}
