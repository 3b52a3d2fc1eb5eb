package dev.driftgate.dialect;

import dev.driftgate.DriftgateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a dump tool and returns what it printed; a failure is one line with the tool's own error. */
public final class DumpProcess {

    private static final long TIMEOUT_MINUTES = 10;

    private DumpProcess() {}

    public static String run(List<String> command, Map<String, String> environment) {
        Path err = null;
        try {
            err = Files.createTempFile("driftgate-dump", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            process.getOutputStream().close();
            // Read before waiting: a dump larger than the pipe buffer would otherwise block the tool.
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new DriftgateException(command.get(0) + ": no answer after " + TIMEOUT_MINUTES + " minutes");
            }
            if (process.exitValue() != 0) {
                String message = Files.readString(err).strip().lines().findFirst().orElse("no message");
                throw new DriftgateException(command.get(0) + " failed (exit " + process.exitValue() + "): " + message);
            }
            return out;
        } catch (IOException e) {
            throw new DriftgateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriftgateException(command.get(0) + ": interrupted", e);
        } finally {
            if (err != null) {
                try {
                    Files.deleteIfExists(err);
                } catch (IOException ignored) {
                    // A leftover empty file in the temporary directory is harmless.
                }
            }
        }
    }

    /** The first line a tool prints for {@code --version}, or empty when it cannot be run. */
    public static String version(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out.strip() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
