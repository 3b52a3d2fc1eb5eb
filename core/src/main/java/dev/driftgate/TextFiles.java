package dev.driftgate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads the text files users hand driftgate (migrations, seeds, dumps, snapshots, scenario files):
 * regular files only (a device such as {@code /dev/zero} or a pipe never ends), at most
 * {@value #MAX_BYTES} bytes, UTF-8 text without NUL bytes. Anything else is one line naming the
 * file and what it is, never an out-of-memory error or a decoder's "Input length = 1".
 */
public final class TextFiles {

    /** The largest file read: far above any real migration or schema dump, far below the heap. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

    private TextFiles() {}

    /** The file's text, or a {@link DriftgateException} naming the file and why it cannot be read. */
    public static String read(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new DriftgateException(file + ": no such file");
        } catch (IOException e) {
            throw new DriftgateException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (attributes.isDirectory()) {
            throw new DriftgateException(file + ": is a directory, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw new DriftgateException(file + ": not a regular file (a device, pipe or socket): driftgate reads "
                    + "only files");
        }
        if (attributes.size() > MAX_BYTES) {
            throw new DriftgateException(file + ": " + attributes.size() / (1024 * 1024) + " MiB is larger than the "
                    + MAX_BYTES / (1024 * 1024) + " MiB driftgate reads");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            // read at most one byte past the limit: the size may have grown since it was looked at
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw new DriftgateException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new DriftgateException(file + ": larger than the " + MAX_BYTES / (1024 * 1024) + " MiB driftgate reads");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new DriftgateException(file + ": not a text file (a NUL byte at offset " + i + ")");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            throw new DriftgateException(file + ": not UTF-8 text (" + e.getInputLength()
                    + " byte(s) that are not UTF-8 near offset " + offsetOfFirstInvalid(bytes) + ")");
        } catch (CharacterCodingException e) {
            throw new DriftgateException(file + ": not UTF-8 text");
        }
    }

    private static int offsetOfFirstInvalid(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }
}
