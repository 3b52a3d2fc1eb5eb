package dev.driftgate.provision;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Embedded servers whose JVM was killed (SIGKILL, a crash) before it could stop them: they keep
 * running, holding memory and a port, after their owner is gone (a {@code mariadbd} was seen ten
 * minutes later). Found by the run directory their command line names and by owner, since only
 * this user's processes are ours to stop.
 */
final class OrphanedServers {

    private OrphanedServers() {}

    /**
     * Stops every process of this user whose command line names the directory: asked first
     * (SIGTERM: PostgreSQL's smart shutdown, MariaDB's clean one, quick with no clients left),
     * killed after a few seconds.
     */
    static void stopAll(Path runDirectory) {
        String marker = runDirectory.toString() + "/";
        String user = ProcessHandle.current().info().user().orElse(null);
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> user != null && user.equals(p.info().user().orElse(null)))
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .toList();
        servers.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : servers) {
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
