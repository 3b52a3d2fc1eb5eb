package dev.driftgate.junit;

import dev.driftgate.config.DriftgateConfig;
import dev.driftgate.testing.GeneratedDoc;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md holds exactly the table the configuration constants generate. */
class ConfigurationDocTest {

    @Test
    void theReferenceMatchesTheCode() throws Exception {
        GeneratedDoc.assertSection(Path.of("../docs/configuration.md"), DriftgateConfig.markdownTable());
    }
}
