package dev.driftgate.cli;

import dev.driftgate.DriftgateException;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.Dialects;
import dev.driftgate.dialect.JdbcUrls;
import dev.driftgate.provision.EmbeddedServers;
import dev.driftgate.reports.DriftFleet;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.SnapshotDigest;
import dev.driftgate.source.SchemaSources;
import dev.driftgate.sql.ConnectionSettings;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Reads a fleet's environments in parallel, at most {@code parallel} at a time and at most
 * {@code perServer} on one server (host and port), each within its budget, and keeps one snapshot
 * per distinct canonical digest: a thousand identical schemas cost one snapshot of memory and one
 * diff. A read past its budget is reported as unreadable at once; its connection counts against
 * the limits until the driver gives it up (the statement timeout is at most the budget).
 */
final class FleetScanner {

    /** An environment to read; {@code settings} carry its own credentials. */
    record Target(int index, String name, String source, ConnectionSettings settings, String group,
            Map<String, String> labels) {}

    /** What reading one environment gave: a digest, or one line saying why there is none. */
    record Outcome(DriftFleet.Member member, String digest, String error) {}

    private final Dialect dialect;
    private final SchemaSnapshot expected;
    private final int parallel;
    private final int perServer;
    private final int budgetSeconds;
    private final Map<String, SchemaSnapshot> snapshots = new ConcurrentHashMap<>();

    FleetScanner(Dialect dialect, SchemaSnapshot expected, int parallel, int perServer, int budgetSeconds) {
        this.dialect = dialect;
        this.expected = expected;
        this.parallel = parallel;
        this.perServer = perServer;
        this.budgetSeconds = budgetSeconds;
    }

    /** One snapshot per digest that was read, aligned to the expected schema's names. */
    Map<String, SchemaSnapshot> snapshots() {
        return snapshots;
    }

    /** Records an environment read elsewhere (a tenant schema of a database read once). */
    Outcome add(Target target, SchemaSnapshot snapshot, long millis) {
        return new Outcome(member(target, millis), keep(snapshot), null);
    }

    Outcome failed(Target target, String error) {
        return new Outcome(member(target, 0), null, error);
    }

    List<Outcome> scan(List<Target> targets) throws InterruptedException {
        Semaphore overall = new Semaphore(parallel);
        Map<String, Semaphore> servers = new LinkedHashMap<>();
        ExecutorService readers = Executors.newCachedThreadPool(daemon("driftgate-drift-scan"));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("driftgate-drift-budget"));
        List<CompletableFuture<Outcome>> futures = new ArrayList<>();
        try {
            for (Target t : interleaved(targets)) {
                Semaphore server = servers.computeIfAbsent(server(t.source()), k -> new Semaphore(perServer));
                // Per server first, then overall: a busy server never holds an overall permit while it waits.
                server.acquire();
                try {
                    overall.acquire();
                } catch (InterruptedException e) {
                    server.release();
                    throw e;
                }
                CompletableFuture<Outcome> outcome = new CompletableFuture<>();
                futures.add(outcome);
                long start = System.nanoTime();
                var task = readers.submit(() -> {
                    try {
                        outcome.complete(read(t, start));
                    } catch (RuntimeException | Error e) {
                        outcome.complete(new Outcome(member(t, millis(start)), null, Main.oneLine(e)));
                    } finally {
                        overall.release();
                        server.release();
                    }
                });
                timer.schedule(() -> {
                    if (outcome.complete(new Outcome(member(t, millis(start)), null,
                            "not read within the budget of " + budgetSeconds + " s"))) {
                        task.cancel(true);
                    }
                }, budgetSeconds, TimeUnit.SECONDS);
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
            return futures.stream().map(CompletableFuture::join).toList();
        } finally {
            readers.shutdownNow();
            timer.shutdownNow();
        }
    }

    private Outcome read(Target t, long start) {
        String shown = JdbcUrls.mask(t.source());
        Dialect own = t.source().startsWith("jdbc:") ? Dialects.forUrl(t.source()) : dialect;
        if (!own.name().equals(dialect.name())) {
            throw new DriftgateException(shown + " is a " + own.name() + " database; the expected schema is " + dialect.name());
        }
        SchemaSnapshot actual = new SchemaSources(t.settings(), EmbeddedServers::shared).snapshot(t.source(), dialect);
        return new Outcome(member(t, millis(start)), keep(actual), null);
    }

    /** Digests the snapshot under the expected schema's names and keeps it if its schema is new. */
    private String keep(SchemaSnapshot actual) {
        SchemaSnapshot aligned = expected.schemas().size() == 1
                ? actual.withDatabaseNamed(expected.schemas().get(0).name()) : actual;
        String digest = SnapshotDigest.of(aligned);
        snapshots.putIfAbsent(digest, aligned);
        return digest;
    }

    private static DriftFleet.Member member(Target t, long millis) {
        return new DriftFleet.Member(t.index(), t.name(), JdbcUrls.mask(t.source()), t.group(), t.labels(), millis);
    }

    /** Round robin over servers, so that one server's queue does not hold up the others. */
    static List<Target> interleaved(List<Target> targets) {
        Map<String, Deque<Target>> byServer = new LinkedHashMap<>();
        targets.forEach(t -> byServer.computeIfAbsent(server(t.source()), k -> new ArrayDeque<>()).add(t));
        List<Target> out = new ArrayList<>(targets.size());
        while (out.size() < targets.size()) {
            byServer.values().forEach(q -> {
                if (!q.isEmpty()) {
                    out.add(q.poll());
                }
            });
        }
        return out;
    }

    /** host:port of a JDBC URL; files share one key (they are read locally, or loaded on one scratch server). */
    static String server(String source) {
        if (!source.startsWith("jdbc:")) {
            return "local files";
        }
        try {
            URI uri = URI.create(source.substring("jdbc:".length()));
            return uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return source.replaceAll("[/?;].*$", "");
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
