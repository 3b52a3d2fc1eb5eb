package dev.driftgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not SQL text: a device that never ends, a binary file, text in another encoding, a
 * directory where a file belongs. Each is one line naming the file and what it is, exit 2.
 */
class BadInputFilesTest {

    @TempDir
    Path dir;

    private static void rejected(CliRun run, String file, String what) {
        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(file) && run.err().contains(what), run.err());
    }

    @Test
    void aDeviceIsRefusedNotReadUntilTheHeapRunsOut() {
        rejected(CliRun.of("diff", "/dev/zero", "/dev/zero", "--dialect", "postgresql"), "/dev/zero", "not a regular file");
        rejected(CliRun.of("lint", "/dev/zero", "--dialect", "postgresql"), "/dev/zero", "not a regular file");
    }

    @Test
    void aBinaryFileIsNotText() throws Exception {
        Path binary = Files.write(dir.resolve("V1__blob.sql"), new byte[] {'S', 'E', 'L', 0, 1, 2, (byte) 0xff});
        rejected(CliRun.of("lint", binary.toString(), "--dialect", "postgresql"), "V1__blob.sql",
                "not a text file (a NUL byte at offset 3)");
    }

    @Test
    void textInAnotherEncodingSaysSo() throws Exception {
        Path latin1 = Files.write(dir.resolve("V1__latin1.sql"), "SELECT 'caf\u00e9';".getBytes("ISO-8859-1"));
        rejected(CliRun.of("lint", latin1.toString(), "--dialect", "postgresql"), "V1__latin1.sql", "not UTF-8 text");
    }
}
