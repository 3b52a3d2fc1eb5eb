package dev.driftgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets put where users put them (URLs, system properties, CI variables) appear in no output. */
class SecretsInOutputsTest {

    private static final Path SCENARIOS = Path.of("../scenarios").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void junitXmlCarriesNoPasswordFromTheSystemProperties() throws Exception {
        String property = "driftgate.secrets-test.url";
        System.setProperty(property, "jdbc:postgresql://reader:hunter2@db/shop?sslpassword=k3y&password=x;y");
        try {
            Path junit = dir.resolve("junit");
            CliRun run = CliRun.of("test", SCENARIOS.resolve("postgres-flyway").toString(), "--junit-xml", junit.toString());
            assertEquals(0, run.exitCode(), run.out() + run.err());
            try (Stream<Path> files = Files.list(junit)) {
                for (Path xml : files.toList()) {
                    String text = Files.readString(xml);
                    assertTrue(text.contains(property), "the property is still reported, masked: " + xml);
                    for (String secret : new String[] {"hunter2", "k3y", "x;y"}) {
                        assertFalse(text.contains(secret), secret + " in " + xml);
                    }
                }
            }
        } finally {
            System.clearProperty(property);
        }
    }

    @Test
    void errorLinesMaskPasswordsInUrls() {
        CliRun run = CliRun.of("dump", "--url", "jdbc:postgresql://127.0.0.1:1/shop?user=u&password=x;y&sslpassword=k3y");
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().startsWith("driftgate: "), run.err());
        assertFalse(run.err().contains("x;y") || run.err().contains(";y") || run.err().contains("k3y"), run.err());
    }
}
