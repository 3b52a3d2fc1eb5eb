package dev.driftgate.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The file list of a cache entry ({@link ScratchDirectories#template}): every file's path and size,
 * written last when the entry is made, and checked before each use, so that an entry with a file
 * missing or cut short (a kill or a full disk while it was made by an older version, a file
 * removed by hand) is made again instead of failing every later run.
 */
final class CacheEntry {

    static final String LIST = ".driftgate-files";

    private CacheEntry() {}

    /** Writes the list of the files under {@code dir}: {@code <size> <relative path>} per line, symbolic links as {@code -1}. */
    static void record(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isSymbolicLink(f)) {
                    lines.add("-1 " + dir.relativize(f));
                } else if (Files.isRegularFile(f)) {
                    lines.add(Files.size(f) + " " + dir.relativize(f));
                }
            }
        }
        Files.write(dir.resolve(LIST), lines);
    }

    /** Whether the entry exists and every file of its list is there with its size. */
    static boolean intact(Path dir) {
        Path list = dir.resolve(LIST);
        if (!Files.isRegularFile(list)) {
            return false;
        }
        try {
            for (String line : Files.readAllLines(list)) {
                int space = line.indexOf(' ');
                long size = Long.parseLong(line.substring(0, space));
                Path f = dir.resolve(line.substring(space + 1));
                boolean ok = size < 0 ? Files.isSymbolicLink(f)
                        : Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && Files.size(f) == size;
                if (!ok) {
                    return false;
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
