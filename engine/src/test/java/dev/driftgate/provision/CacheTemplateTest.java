package dev.driftgate.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cache entry is never seen half made, and a damaged one is made again instead of failing every later run. */
class CacheTemplateTest {

    @TempDir
    Path cache;

    private final AtomicInteger made = new AtomicInteger();

    private Path entry() throws IOException {
        return ScratchDirectories.template(cache.resolve("entry"), t -> Files.exists(t.resolve("bin/server")), dir -> {
            made.incrementAndGet();
            Files.createDirectories(dir.resolve("bin"));
            Files.writeString(dir.resolve("bin/server"), "binary ".repeat(1000));
            Files.writeString(dir.resolve("share.txt"), "data");
        });
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anEntryIsMadeOnceAndUsedAfter() throws Exception {
        entry();
        entry();
        assertEquals(1, made.get());
        assertEquals(List.of("entry", "entry.lock"), siblings());
    }

    @Test
    void aMakerThatDiesHalfWayLeavesNoEntryAndTheNextMakesIt() throws Exception {
        assertThrows(IOException.class, () -> ScratchDirectories.template(cache.resolve("entry"), t -> true, dir -> {
            Files.createDirectories(dir.resolve("bin"));
            Files.writeString(dir.resolve("bin/server"), "half");
            throw new IOException("killed half way");
        }));
        assertFalse(Files.exists(cache.resolve("entry")), "no half-made entry");
        entry();
        assertEquals(1, made.get());
        assertEquals("binary ".repeat(1000), Files.readString(cache.resolve("entry/bin/server")));
    }

    @Test
    void leftoversOfAKilledMakerAreRemoved() throws Exception {
        Files.createDirectories(cache.resolve("entry.building-99999-1/bin"));
        entry();
        assertEquals(List.of("entry", "entry.lock"), siblings());
    }

    @Test
    void aDamagedEntryIsMadeAgain() throws Exception {
        Path entry = entry();
        Files.writeString(entry.resolve("bin/server"), "cut short");
        entry();
        assertEquals(2, made.get());
        assertEquals("binary ".repeat(1000), Files.readString(entry.resolve("bin/server")));
        Files.delete(entry.resolve("share.txt"));
        entry();
        assertEquals(3, made.get());
        assertEquals(List.of("entry", "entry.lock"), siblings());
    }

    @Test
    void anEntryWithoutItsFileListIsMadeAgain() throws Exception {
        // as an unpacking killed half way by an older version left it
        Files.createDirectories(cache.resolve("entry/bin"));
        Files.writeString(cache.resolve("entry/bin/server"), "half");
        entry();
        assertEquals(1, made.get());
        assertEquals("binary ".repeat(1000), Files.readString(cache.resolve("entry/bin/server")));
    }
}
