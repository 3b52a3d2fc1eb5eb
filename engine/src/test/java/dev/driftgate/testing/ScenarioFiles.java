package dev.driftgate.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small scenario directories written by tests. */
public final class ScenarioFiles {

    private ScenarioFiles() {}

    /** Writes (relative path, text) pairs under {@code dir}, making directories as needed; returns {@code dir}. */
    public static Path write(Path dir, String... pathsAndTexts) throws IOException {
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            Path file = dir.resolve(pathsAndTexts[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathsAndTexts[i + 1]);
        }
        return dir;
    }
}
