package dev.driftgate.provision;

import dev.driftgate.text.SafeText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * What a run leaves to clean when its JVM exits, in the one order that works: first the throwaway
 * databases (on an embedded server too, which must still be up to drop them), then the servers it
 * started, then their files. One shutdown hook runs it all, so a Ctrl-C or SIGTERM cleans the same
 * as a normal exit; separate hooks ran in parallel and raced. When the run was cut short, one line
 * on standard error says what was cleaned.
 */
public final class RunCleanup {

    /** Steps that drop databases; each returns what it dropped, for the closing line. */
    private static final List<Supplier<List<String>>> DATABASES = new CopyOnWriteArrayList<>();

    /** Server stops with what each stopped (insertion order: started first, stopped first). */
    private static final Map<Object, Supplier<String>> SERVERS = Collections.synchronizedMap(new LinkedHashMap<>());

    private static final Map<String, Boolean> FLAGS = new ConcurrentHashMap<>();

    /**
     * Server starts hold it shared; the exit takes it exclusively before it stops servers, so a
     * server still starting when a signal arrives (its directory made, its stop not yet registered)
     * is stopped and its files deleted too, instead of being deleted under it.
     */
    private static final ReentrantReadWriteLock STARTING = new ReentrantReadWriteLock();
    private static volatile boolean exiting;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(RunCleanup::atExit, "driftgate-cleanup"));
    }

    private RunCleanup() {}

    /** A command line run begins: unless {@link #finished} is called, the exit is an interruption. */
    public static void started() {
        FLAGS.put("started", true);
    }

    /** The command line run ended normally (called just before {@code System.exit}). */
    public static void finished() {
        FLAGS.put("finished", true);
    }

    /** Something that starts a server; the exit waits for it to finish (a minute at most). */
    @FunctionalInterface
    interface Start<T> {
        T start();
    }

    /** Runs a server start the exit waits for; refused once the exit has begun. */
    static <T> T starting(Start<T> start) {
        STARTING.readLock().lock();
        try {
            if (exiting) {
                throw new IllegalStateException("driftgate is exiting: no new embedded server");
            }
            return start.start();
        } finally {
            STARTING.readLock().unlock();
        }
    }

    static void onExitDrop(Supplier<List<String>> dropDatabases) {
        DATABASES.add(dropDatabases);
    }

    /** At exit, {@code stop} runs (idempotent), after the databases are dropped; it returns what it stopped and removed. */
    static void onExitStop(Object key, Supplier<String> stop) {
        SERVERS.put(key, stop);
    }

    /** Forgets a stop registered for {@code key} (the server was stopped before the exit). */
    static void stopped(Object key) {
        SERVERS.remove(key);
    }

    private static void atExit() {
        // Decided before anything else: the main thread goes on while the hooks run, and may end
        // its report (and call finished) before the clean-up is done.
        boolean interrupted = FLAGS.containsKey("started") && !FLAGS.containsKey("finished");
        exiting = true; // no server starts from now on; one already starting is waited for below
        List<String> dropped = new ArrayList<>();
        for (Supplier<List<String>> step : DATABASES) {
            dropped.addAll(step.get());
        }
        RunLock.releaseAll();
        try {
            STARTING.writeLock().tryLock(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> stopped = new ArrayList<>();
        List<Supplier<String>> stops;
        synchronized (SERVERS) {
            stops = new ArrayList<>(SERVERS.values());
            SERVERS.clear();
        }
        for (Supplier<String> stop : stops) {
            String what = stop.get();
            if (what != null) {
                stopped.add(what);
            }
        }
        if (!dropped.isEmpty() || (interrupted && !stopped.isEmpty())) {
            System.err.println(line(interrupted, dropped, stopped));
            System.err.flush();
        }
    }

    /** The closing line: what was dropped and stopped, one line whatever the names hold. */
    static String line(boolean interrupted, List<String> dropped, List<String> stopped) {
        StringBuilder out = new StringBuilder("driftgate: ").append(interrupted ? "interrupted; cleaned up: " : "cleaned up at exit: ");
        List<String> parts = new ArrayList<>();
        if (!dropped.isEmpty()) {
            parts.add("dropped " + dropped.size() + " throwaway database" + (dropped.size() == 1 ? "" : "s")
                    + " (" + String.join(", ", dropped) + ")");
        }
        parts.addAll(stopped);
        return SafeText.line(out.append(String.join("; ", parts)).toString());
    }
}
