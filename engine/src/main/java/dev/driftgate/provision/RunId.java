package dev.driftgate.provision;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who made a throwaway database: {@code <epoch seconds the run started>_<pid>}, the middle of its
 * name {@code dg_<run id>_l<n>}. The pid alone repeats across hosts and reboots; with the start
 * time it names one run. The {@code l} says the run holds its lock ({@link RunLock}): names of
 * older versions ({@code dg_<epoch>_<pid>_<n>}) belong to runs that hold none, so a free lock says
 * nothing about them (their sweepers, in turn, never match the new names).
 */
final class RunId {

    private static final long STARTED = System.currentTimeMillis() / 1000;
    private static final Pattern NAME = Pattern.compile("dg_(\\d{9,})_(\\d+)_(l?)\\d+");

    /** Linux pids are below 2^22 (pid_max), so epoch and pid fit one 64-bit advisory lock key. */
    private static final long PID_LIMIT = 1L << 22;

    private RunId() {}

    static String current() {
        return STARTED + "_" + ProcessHandle.current().pid();
    }

    /** A throwaway database's run and whether that run held a lock; empty for other names. */
    record Owner(String runId, long epoch, boolean locked) {}

    static Optional<Owner> of(String databaseName) {
        Matcher m = NAME.matcher(databaseName);
        return m.matches()
                ? Optional.of(new Owner(m.group(1) + "_" + m.group(2), Long.parseLong(m.group(1)), !m.group(3).isEmpty()))
                : Optional.empty();
    }

    /** The PostgreSQL advisory lock key of a run: epoch * 2^22 + pid, unique while pids stay below 2^22. */
    static long advisoryKey(String runId) {
        String[] parts = runId.split("_");
        return Long.parseLong(parts[0]) * PID_LIMIT + Long.parseLong(parts[1]) % PID_LIMIT;
    }
}
