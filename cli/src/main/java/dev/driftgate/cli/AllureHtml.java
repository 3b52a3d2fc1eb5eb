package dev.driftgate.cli;

import dev.driftgate.DriftgateException;
import dev.driftgate.MavenCentral;
import dev.driftgate.provision.ScratchDirectories;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Allure HTML report, offline: {@code io.qameta.allure:allure-commandline} is a zip on Maven
 * Central, fetched once into driftgate's cache and run with analytics off.
 */
final class AllureHtml {

    static final String VERSION = "2.34.1";

    private AllureHtml() {}

    /** Generates a single-file report from Allure results into {@code out}; a failure is one line. */
    static void generate(Path results, Path out) {
        if (!Files.isDirectory(results)) {
            throw new DriftgateException(results + ": no Allure results here (run the gate with --allure " + results + ")");
        }
        Path home = commandLine();
        Path tmp = out.resolveSibling(out.getFileName() + ".part-" + ProcessHandle.current().pid());
        try {
            ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/allure").toString(), "generate", results.toString(),
                    "-o", tmp.toString(), "--clean", "--single-file").redirectErrorStream(true);
            pb.environment().put("ALLURE_NO_ANALYTICS", "true");
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process p = pb.start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.exists(tmp.resolve("index.html"))) {
                throw new DriftgateException("allure generate failed: " + log.strip().lines().reduce((a, b) -> b).orElse("no output"));
            }
            ScratchDirectories.deleteRecursively(out);
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DriftgateException("allure generate: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriftgateException("allure generate: interrupted", e);
        } finally {
            ScratchDirectories.deleteRecursively(tmp);
        }
    }

    /** The unpacked command line, downloaded and unpacked once. */
    private static synchronized Path commandLine() {
        Path cache = ScratchDirectories.cacheDirectory("allure");
        Path home = cache.resolve("allure-" + VERSION);
        if (Files.isExecutable(home.resolve("bin/allure"))) {
            return home;
        }
        Path zip = cache.resolve("allure-commandline-" + VERSION + ".zip");
        if (!Files.exists(zip)) {
            MavenCentral.download(MavenCentral.artifact("io.qameta.allure", "allure-commandline", VERSION, "zip"), zip);
        }
        Path staging = cache.resolve("unpacking-" + ProcessHandle.current().pid());
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                Path target = staging.resolve(e.getName()).normalize();
                if (!target.startsWith(staging)) {
                    throw new DriftgateException(zip + ": entry outside the archive: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(z, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            for (Path script : List.of(staging.resolve("allure-" + VERSION + "/bin/allure"))) {
                script.toFile().setExecutable(true);
            }
            Files.move(staging.resolve("allure-" + VERSION), home, StandardCopyOption.ATOMIC_MOVE);
            return home;
        } catch (IOException e) {
            throw new DriftgateException(zip + ": cannot unpack the Allure command line: " + e.getMessage(), e);
        } finally {
            ScratchDirectories.deleteRecursively(staging);
        }
    }
}
