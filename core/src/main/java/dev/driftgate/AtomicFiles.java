package dev.driftgate;

import dev.driftgate.text.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files driftgate writes (snapshots, reports, results, manifests) are written whole or not at all:
 * a temporary file beside the target, moved into place, so a reader never sees half a file and a
 * failed write leaves nothing behind.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** Writes the text; a failure is one line naming the file. */
    public static void write(Path file, String text) {
        try {
            writeString(file, text);
        } catch (IOException e) {
            throw new DriftgateException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /**
     * A report, log or other file for people: written as {@link #write} does, with every secret the
     * masking rule recognises replaced ({@link Secrets#mask}). Snapshots use {@link #write}: their
     * text is the schema's own.
     */
    public static void writeReport(Path file, String text) {
        write(file, Secrets.mask(text));
    }

    /** As {@link #write}, for callers that report the failure in their own words. */
    public static void writeString(Path file, String text) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the move took it, or the write's own error is the one to report
                }
            }
        }
    }
}
