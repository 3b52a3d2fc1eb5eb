package dev.driftgate.reports.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** Which driftgate and which commit produced a report. */
public final class Provenance {

    private Provenance() {}

    /** The engine's version from its jar, or {@code dev} when run from classes. */
    public static String version() {
        try (InputStream in = Provenance.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/dev.driftgate/driftgate-engine/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "dev");
            }
        } catch (IOException e) {
            // fall through
        }
        return "dev";
    }

    /** The commit under test: CI's variable, else what git says, else null. */
    public static String commit() {
        for (String variable : new String[] {"CI_COMMIT_SHA", "GITHUB_SHA"}) {
            String v = System.getenv(variable);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (git.waitFor(10, TimeUnit.SECONDS) && git.exitValue() == 0 && out.matches("[0-9a-f]{40}")) {
                return out;
            }
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    /** A path as reports show it: relative to the working directory where it lies under it, with forward slashes. */
    public static String relative(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path shown = abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }
}
