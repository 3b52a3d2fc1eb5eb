package dev.driftgate.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

/**
 * Data-driven cases that run a few at once: a case waits on a database server and on its dump tool
 * far more than it computes, so a suite of hundreds runs in a fraction of the time. Each case starts
 * when it is made; its dynamic test waits for it and fails as it failed, so the report is the same
 * as one case after the other.
 */
public final class ConcurrentCases {

    private final ExecutorService pool;

    /** {@code threads} cases at a time; the threads end once every case has run. */
    public ConcurrentCases(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "case");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts {@code body} now; the test it returns reports its outcome. */
    public DynamicTest test(String name, Executable body) {
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
            try {
                body.execute();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new CompletionException(e);
            }
        }, pool);
        return DynamicTest.dynamicTest(name, () -> {
            try {
                run.join();
            } catch (CompletionException e) {
                throw e.getCause();
            }
        });
    }

    /** No more cases: the threads end when the started ones are done. */
    public void noMore() {
        pool.shutdown();
    }
}
