package dev.driftgate;

import java.util.Locale;

/**
 * Progress lines for the slow things a first run does once (downloads, unpacking database
 * binaries, making a data directory template), on standard error so that standard output stays
 * a command's result: a first run that is silent for minutes looks hung.
 */
public final class Progress {

    private Progress() {}

    /** Prints one line, {@code driftgate: <line>}, unless {@code driftgate.quiet=true}. */
    public static void say(String line) {
        if (!Boolean.getBoolean("driftgate.quiet")) {
            System.err.println("driftgate: " + line);
            System.err.flush();
        }
    }

    /** Runs a step, saying what it is before and how long it took after. */
    public static <E extends Exception> void step(String what, Step<E> step) throws E {
        say(what + "...");
        long start = System.nanoTime();
        step.run();
        say(what + ": done in " + seconds(System.nanoTime() - start));
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    /** A step that may throw. */
    @FunctionalInterface
    public interface Step<E extends Exception> {
        void run() throws E;
    }
}
