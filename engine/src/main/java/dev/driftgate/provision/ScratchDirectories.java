package dev.driftgate.provision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
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
    private static final Map<Path, Runnable> STOP_FIRST = new ConcurrentHashMap<>();
    private static final Map<Path, String> WHAT_RUNS = new ConcurrentHashMap<>();

    /**
     * A new directory for one server, removed when the JVM exits ({@link RunCleanup}), after the
     * server registered for it ({@link #stopBeforeDeleting}) has stopped: deleted under a running
     * PostgreSQL, the data directory would leave the server running, unreachable, until it noticed
     * a minute later. Its name carries this JVM's pid ({@code pg-<pid>-<random>}), so a later run
     * finds it if this one is killed before it cleans up ({@link #sweepDeadRuns}).
     */
    public static Path newRunDirectory(String kind) {
        try {
            Path root = root();
            Files.createDirectories(root);
            sweepDeadRuns(root);
            Path dir = Files.createTempDirectory(root, kind + "-" + ProcessHandle.current().pid() + "-");
            RunCleanup.onExitStop(dir, () -> {
                boolean there = Files.exists(dir);
                Runnable stop = STOP_FIRST.remove(dir);
                if (stop != null) {
                    stop.run();
                }
                deleteRecursively(dir);
                String what = WHAT_RUNS.remove(dir);
                return !there ? null : (what == null ? "" : "stopped " + what + ", ") + "deleted " + dir;
            });
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory under " + root() + ": " + e.getMessage(), e);
        }
    }

    /** At exit, {@code stop} runs before the run directory is deleted (a server's own stop, which must be idempotent). */
    public static void stopBeforeDeleting(Path runDirectory, Runnable stop) {
        STOP_FIRST.put(runDirectory, stop);
    }

    /** As {@link #stopBeforeDeleting(Path, Runnable)}; {@code what} names the server for the line an interrupted run prints. */
    public static void stopBeforeDeleting(Path runDirectory, String what, Runnable stop) {
        WHAT_RUNS.put(runDirectory, what);
        STOP_FIRST.put(runDirectory, stop);
    }

    /**
     * Cleans up after JVMs that no longer run (killed before they could clean up): stops the
     * servers they left running in their run directories, then deletes the directories. Directory
     * names carry the owner's process id ({@code pg-<pid>-<random>}); a server is one of this
     * user's processes whose command line names the directory (its data directory).
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
                    OrphanedServers.stopAll(dir);
                    deleteRecursively(dir);
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // nothing to sweep, or another run swept meanwhile
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
     * A directory made once and kept in the cache (unpacked server binaries, an initialised data
     * directory), safe against kills and against other runs making it at the same time:
     * <ul>
     *   <li>made by {@code maker} in a directory of this process's own, its file list recorded
     *       ({@link CacheEntry}), then renamed into place in one step, so a run killed half way
     *       leaves no half-made entry;</li>
     *   <li>made under a file lock next to it, so a second run waits for the first and uses its
     *       entry instead of replacing it while it is in use;</li>
     *   <li>checked against its file list before use; an entry that fails the check (a file
     *       missing or cut short) is moved aside and made again.</li>
     * </ul>
     * {@code complete} adds what the file list cannot tell (a server's own marker files).
     */
    public static synchronized Path template(Path template, Predicate<Path> complete, Maker maker)
            throws IOException {
        if (CacheEntry.intact(template) && complete.test(template)) {
            return template;
        }
        Files.createDirectories(template.getParent());
        try (FileChannel channel = FileChannel.open(
                template.resolveSibling(template.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            if (lock.isValid() && CacheEntry.intact(template) && complete.test(template)) {
                return template; // another run made it while this one waited
            }
            removeLeftovers(template);
            String suffix = "-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
            Path building = template.resolveSibling(template.getFileName() + ".building" + suffix);
            try {
                maker.make(building);
                CacheEntry.record(building);
                if (Files.exists(template)) {
                    // A bad entry (left by a kill before entries were renamed into place, or damaged):
                    // moved aside in one step, then deleted.
                    Path bad = template.resolveSibling(template.getFileName() + ".bad" + suffix);
                    Files.move(template, bad, StandardCopyOption.ATOMIC_MOVE);
                    deleteRecursively(bad);
                }
                Files.move(building, template, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteRecursively(building);
            }
            return template;
        }
    }

    /** Half-made and moved-aside copies of an entry, left by runs killed while they made it (only ever made under its lock). */
    private static void removeLeftovers(Path template) throws IOException {
        String name = template.getFileName().toString();
        try (Stream<Path> siblings = Files.list(template.getParent())) {
            siblings.filter(p -> p.getFileName().toString().startsWith(name + ".building-")
                    || p.getFileName().toString().startsWith(name + ".bad-")).forEach(ScratchDirectories::deleteRecursively);
        }
    }

    /** Copies a directory tree (a cached template into a run's directory), leaving out files of the given names. */
    public static void copyTree(Path from, Path to, Set<String> leaveOut) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!leaveOut.contains(source.getFileName().toString())) {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
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
