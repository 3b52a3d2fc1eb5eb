package dev.driftgate.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM that started the embedded servers and exits leaves nothing behind: no server process, no
 * run directory. Each case runs in a JVM of its own, since the test JVM's servers live until it exits.
 */
class EmbeddedServersExitTest {

    /** The child JVM: {@code servers} starts both shared servers; {@code slow-stop} a stand-in whose stop takes a while. */
    public static void main(String[] args) throws Exception {
        if (args[0].equals("servers")) {
            EmbeddedPostgresServer.shared();
            EmbeddedMariaDbServer.shared();
            try (var dirs = Files.list(ScratchDirectories.root())) {
                dirs.filter(d -> d.getFileName().toString().matches("(pg|mariadb)-" + ProcessHandle.current().pid() + "-.*"))
                        .forEach(d -> System.out.println("run directory " + d));
            }
        } else {
            Path dir = ScratchDirectories.newRunDirectory("stand-in");
            Path data = Files.writeString(dir.resolve("postmaster.pid"), "1");
            System.out.println("run directory " + dir);
            ScratchDirectories.stopBeforeDeleting(dir, () -> {
                try {
                    Thread.sleep(300); // what a server's stop takes; a delete running meanwhile would win
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                System.out.println("files there while stopping: " + Files.exists(data));
            });
        }
        System.exit(0);
    }

    private static List<String> runChild(String mode) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedServersExitTest.class.getName(), mode)
                .redirectErrorStream(true).start();
        List<String> output = new String(child.getInputStream().readAllBytes()).lines().toList();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM exits");
        assertEquals(0, child.exitValue(), String.join("\n", output));
        return output;
    }

    private static List<Path> runDirectories(List<String> output) {
        return output.stream().filter(l -> l.startsWith("run directory ")).map(l -> Path.of(l.substring(14))).toList();
    }

    @Test
    void exitingStopsBothServersAndRemovesTheirFiles() throws Exception {
        List<String> output = runChild("servers");
        List<Path> dirs = runDirectories(output);
        assertEquals(2, dirs.size(), String.join("\n", output));
        for (Path dir : dirs) {
            assertFalse(Files.exists(dir), dir + " is deleted");
            List<String> left = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(dir.toString())).orElse(false))
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList();
            assertTrue(left.isEmpty(), "still running on " + dir + ": " + left);
        }
    }

    @Test
    void aServersFilesAreDeletedOnlyAfterItStopped() throws Exception {
        // Deleted under a running PostgreSQL, the data directory left the server running, unreachable.
        List<String> output = runChild("slow-stop");
        assertTrue(output.contains("files there while stopping: true"), String.join("\n", output));
        runDirectories(output).forEach(dir -> assertFalse(Files.exists(dir), dir + " is deleted"));
    }
}
