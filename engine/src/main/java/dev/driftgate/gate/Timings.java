package dev.driftgate.gate;

/**
 * Where a target's time went, for the report and the benchmark: the server start, copies of the state (clones or
 * replays), DDL, catalog reads, comparisons, row checksums.
 */
public final class Timings {

    private long serverNanos;
    private long copyNanos;
    private int copies;
    private long ddlNanos;
    private long snapshotNanos;
    private int snapshots;
    private long diffNanos;
    private long rowsNanos;

    synchronized void server(long nanos) {
        serverNanos += nanos;
    }

    synchronized void copy(long nanos) {
        copyNanos += nanos;
        copies++;
    }

    synchronized void ddl(long nanos) {
        ddlNanos += nanos;
    }

    synchronized void snapshot(long nanos) {
        snapshotNanos += nanos;
        snapshots++;
    }

    synchronized void diff(long nanos) {
        diffNanos += nanos;
    }

    synchronized void rows(long nanos) {
        rowsNanos += nanos;
    }

    public synchronized boolean ranAnything() {
        return ddlNanos > 0 || snapshots > 0;
    }

    @Override
    public synchronized String toString() {
        return String.format("server ready in %d ms, copies %d in %d ms (%.1f ms each), DDL %d ms, snapshots %d in %d ms, "
                + "diffs %d ms, row checksums %d ms", serverNanos / 1_000_000, copies, copyNanos / 1_000_000,
                copies == 0 ? 0.0 : copyNanos / 1e6 / copies,
                ddlNanos / 1_000_000, snapshots, snapshotNanos / 1_000_000, diffNanos / 1_000_000, rowsNanos / 1_000_000);
    }
}
