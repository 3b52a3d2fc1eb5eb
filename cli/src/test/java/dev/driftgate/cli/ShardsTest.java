package dev.driftgate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.driftgate.DriftgateException;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code drift --shard I/N}: GitLab's parallel variables by default, and every environment in exactly one shard. */
class ShardsTest {

    @Test
    void theOptionWinsOverGitlabsVariablesWhichWinOverNothing() {
        Map<String, String> gitlab = Map.of("CI_NODE_INDEX", "3", "CI_NODE_TOTAL", "4");
        assertArrayEquals(new int[] {2, 5}, Shards.of("2/5", gitlab));
        assertArrayEquals(new int[] {3, 4}, Shards.of(null, gitlab));
        assertNull(Shards.of(null, Map.of()));
        assertNull(Shards.of("1/1", Map.of()), "one shard is the whole fleet");
        assertEquals("CI_NODE_INDEX/CI_NODE_TOTAL 5/4: expected I/N with 1 <= I <= N, e.g. 2/4",
                assertThrows(DriftgateException.class, () -> Shards.of(null, Map.of("CI_NODE_INDEX", "5", "CI_NODE_TOTAL", "4")))
                        .getMessage());
        assertThrows(DriftgateException.class, () -> Shards.of("0/3", Map.of()));
        assertThrows(DriftgateException.class, () -> Shards.of("two", Map.of()));
    }

    @Test
    void everyEnvironmentFallsInExactlyOneShard() {
        for (int index = 0; index < 1000; index++) {
            int i = index;
            assertEquals(1, IntStream.rangeClosed(1, 7).filter(s -> Shards.mine(i, new int[] {s, 7})).count());
        }
    }
}
