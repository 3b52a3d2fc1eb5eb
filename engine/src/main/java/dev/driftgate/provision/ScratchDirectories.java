package dev.driftgate.provision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where embedded servers keep their files: on tmpfs ({@code /dev/shm}) when the machine has it,
 * since creating files there is many times faster than on disk, else in the system temporary
 * directory; always under one {@code driftgate} folder rather than loose in {@code /tmp}.
 */
public final class ScratchDirectories {

    private ScratchDirectories() {}

    public static Path root() {
        String configured = System.getProperty("driftgate.scratch", System.getenv("DRIFTGATE_SCRATCH"));
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        Path shm = Paths.get("/dev/shm");
        Path base = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Paths.get(System.getProperty("java.io.tmpdir"));
        return base.resolve("driftgate");
    }

    /** What must stop before a run directory is deleted at exit: the server running in it. */
    private static final java.util.Map<Path, Runnable> STOP_FIRST = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A new directory for one server, removed when the JVM exits, after the server registered for
     * it ({@link #stopBeforeDeleting}) has stopped: deleted under a running PostgreSQL, the data
     * directory would leave the server running, unreachable, until it noticed a minute later.
     */
    public static Path newRunDirectory(String kind) {
        try {
            Path root = root();
            Files.createDirectories(root);
            sweepDeadRuns(root);
            Path dir = Files.createTempDirectory(root, kind + "-" + ProcessHandle.current().pid() + "-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                Runnable stop = STOP_FIRST.remove(dir);
                if (stop != null) {
                    stop.run();
                }
                deleteRecursively(dir);
            }, "driftgate-stop-and-clean-" + kind));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory under " + root() + ": " + e.getMessage(), e);
        }
    }

    /** At exit, {@code stop} runs before the run directory is deleted (a server's own stop, which must be idempotent). */
    public static void stopBeforeDeleting(Path runDirectory, Runnable stop) {
        STOP_FIRST.put(runDirectory, stop);
    }

    /**
     * Removes run directories of JVMs that no longer run (killed before their shutdown hooks ran).
     * Directory names carry the owner's process id: {@code pg-<pid>-<random>}. A PostgreSQL left
     * running by such a JVM shuts itself down once its data directory is gone.
     */
    static void sweepDeadRuns(Path root) {
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(Files::isDirectory).forEach(dir -> {
                String[] parts = dir.getFileName().toString().split("-");
                if (parts.length < 3 || !parts[1].matches("\\d+")) {
                    return;
                }
                long pid = Long.parseLong(parts[1]);
                boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if (!alive) {
                    deleteRecursively(dir);
                }
            });
        } catch (IOException ignored) {
            // nothing to sweep
        }
    }

    /** A directory kept across runs (extracted server binaries), shared by every run on the machine. */
    public static Path cacheDirectory(String name) {
        try {
            return Files.createDirectories(root().resolve("cache").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create cache directory: " + e.getMessage(), e);
        }
    }

    /** Makes a directory in place; may throw. */
    @FunctionalInterface
    public interface Maker {
        void make(Path directory) throws IOException;
    }

    /**
     * A directory made once and kept in the cache (a server's initialised data directory): made by
     * {@code maker} in a directory of this process's own, then moved into place in one step, so a
     * run killed half way leaves no half-made template, and two runs making it at once both end
     * up using one. {@code complete} tells a finished template.
     */
    public static synchronized Path template(Path template, java.util.function.Predicate<Path> complete, Maker maker)
            throws IOException {
        if (complete.test(template)) {
            return template;
        }
        Path building = template.resolveSibling(template.getFileName() + ".building-" + ProcessHandle.current().pid());
        deleteRecursively(building);
        try {
            maker.make(building);
            deleteRecursively(template); // an incomplete one left by an older version
            Files.move(building, template, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!complete.test(template)) {
                throw e;
            }
            // another run made the template first: use theirs
        } finally {
            deleteRecursively(building);
        }
        return template;
    }

    /** Copies a directory tree (a cached template into a run's directory), leaving out files of the given names. */
    public static void copyTree(Path from, Path to, java.util.Set<String> leaveOut) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!leaveOut.contains(source.getFileName().toString())) {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /**
     * Deletes a directory tree, tolerating files that disappear meanwhile (a server still removing
     * its own files as it stops): the walk is retried a few times until nothing is left.
     */
    public static void deleteRecursively(Path dir) {
        for (int attempt = 0; attempt < 5 && Files.exists(dir); attempt++) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // a file still held by a stopping server; the next attempt removes it
                    }
                });
            } catch (IOException | UncheckedIOException ignored) {
                // a file vanished during the walk: walk again
            }
        }
    }
}
