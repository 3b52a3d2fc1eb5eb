package dev.driftgate.scenario;

import dev.driftgate.config.DriftgateConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the paths a driftgate.yaml names may lead: relative to the file's own directory, and inside
 * the scenario's repository (see {@link #root}). A scenario file is input like any other: without this,
 * {@code migrations: /etc} passed with no migrations, {@code seed: /etc/passwd} echoed the file's
 * first line in an error, and {@code expected:} let {@code --approve} write anywhere. Whoever runs
 * driftgate, not the file, may allow more: {@value DriftgateConfig#PATHS_ALLOW_OUTSIDE}.
 */
final class ScenarioPaths {

    private final Path directory;
    private final Path root;
    private final boolean allowOutside;
    private final ConfigPositions at;

    private ScenarioPaths(Path directory, Path root, boolean allowOutside, ConfigPositions at) {
        this.directory = directory;
        this.root = root;
        this.allowOutside = allowOutside;
        this.at = at;
    }

    static ScenarioPaths of(Path directory, boolean allowOutside, ConfigPositions at) {
        Path dir = real(directory.toAbsolutePath().normalize());
        return new ScenarioPaths(dir, root(dir), allowOutside, at);
    }

    /**
     * The nearest directory holding {@code .git}; outside a repository, the working directory when
     * the scenario is below it (a local run from a project's root), else the scenario's directory.
     */
    private static Path root(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                return p;
            }
        }
        Path working = real(Path.of("").toAbsolutePath());
        return dir.startsWith(working) ? working : dir;
    }

    /**
     * The path {@code written} under {@code key}, resolved against the scenario's directory, with
     * links followed; an error at the key's line when it leads out of the repository.
     */
    Path resolve(String key, String written) {
        Path resolved = real(directory.resolve(written).toAbsolutePath().normalize());
        if (!allowOutside && !resolved.startsWith(root)) {
            throw at.error(key, "'" + written + "' is " + resolved + ", outside the scenario's repository " + root
                    + " (paths in driftgate.yaml stay inside it; whoever runs driftgate may allow more with "
                    + DriftgateConfig.PATHS_ALLOW_OUTSIDE + "=true)");
        }
        return resolved;
    }

    /** The path with every link that exists resolved, so a link cannot smuggle a path out of the root. */
    private static Path real(Path path) {
        Path existing = path;
        Path rest = Path.of("");
        while (existing != null && !Files.exists(existing)) {
            rest = existing.getFileName().resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(rest).normalize();
        } catch (IOException e) {
            return path;
        }
    }
}
