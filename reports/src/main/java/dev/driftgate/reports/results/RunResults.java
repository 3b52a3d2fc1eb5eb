package dev.driftgate.reports.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.driftgate.AtomicFiles;
import dev.driftgate.DriftgateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one gate run found, as {@code results.json} in the results directory: every check with its
 * outcome, message and hazards. Every report (Markdown summary, SARIF, Code Quality, manifest) is
 * rendered from it, so a report can be made again without running the gate.
 *
 * @param format the version of this file's shape
 * @param driftgateVersion the version that ran
 * @param commit the commit under test ({@code CI_COMMIT_SHA}, {@code GITHUB_SHA} or git), or null
 * @param checks every check, in execution order
 * @param migrations every migration file the scenarios read, with its role
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunResults(int format, String driftgateVersion, String commit, List<CheckResult> checks,
        List<MigrationFile> migrations) {

    public static final int FORMAT = 1;
    public static final String FILE = "results.json";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @param scenario the scenario's name (its path)
     * @param target the target ({@code embedded}, {@code server:host:port})
     * @param migration the candidate's version, or null for a target-level check
     * @param migrationLabel the candidate's label ({@code 3 add_order_status})
     * @param step the check's id ({@code rollback}, {@code online-safety}, {@code chain-rollback}, {@code production})
     * @param kind {@code step}, {@code group} or {@code environment}
     * @param name what the check proves, as the test tree shows it
     * @param status {@code passed}, {@code failed} or {@code skipped}
     * @param message why it failed or was skipped
     * @param result what it found when it passed
     * @param file the file the check is about, or null
     * @param line the line in that file, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckResult(String scenario, String target, String migration, String migrationLabel, String step,
            String kind, String name, String status, String message, String result, String file, Integer line,
            List<HazardEntry> hazards) {

        public boolean failed() {
            return "failed".equals(status);
        }

        public boolean passed() {
            return "passed".equals(status);
        }
    }

    /** A hazard as the engine published it (see {@code dev.driftgate.safety.HazardJson}). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HazardEntry(String code, String level, String group, String title, String file, int line,
            String statement, String detail, String suppressed, String observed, String alternative) {

        public boolean counts() {
            return suppressed == null && !"off".equals(level);
        }
    }

    /**
     * @param scenario the scenario that read it
     * @param file the migration's path (relative to the working directory where it lies under it)
     * @param version its version
     * @param role {@code candidate} or {@code baseline}
     */
    public record MigrationFile(String scenario, String file, String version, String role) {}

    public long count(String status) {
        return checks.stream().filter(c -> c.status().equals(status)).count();
    }

    public List<HazardEntry> hazards() {
        return checks.stream().filter(c -> c.hazards() != null).flatMap(c -> c.hazards().stream()).toList();
    }

    /** Reads {@code results.json} from a results directory; a missing or malformed file is one line. */
    public static RunResults read(Path directory) {
        Path file = directory.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new DriftgateException(file + ": no results here (run the gate with --results " + directory + ")");
        }
        try {
            RunResults r = JSON.readValue(file.toFile(), RunResults.class);
            if (r.format() != FORMAT || r.checks() == null) {
                throw new DriftgateException(file + ": not a driftgate results file of format " + FORMAT);
            }
            return r;
        } catch (IOException e) {
            throw new DriftgateException(file + ": malformed results: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** The results of several directories as one run: the shards of a gate split across CI jobs. */
    public static RunResults readAll(List<Path> directories) {
        List<RunResults> runs = directories.stream().map(RunResults::read).toList();
        if (runs.size() == 1) {
            return runs.get(0);
        }
        List<CheckResult> checks = new ArrayList<>();
        List<MigrationFile> migrations = new ArrayList<>();
        runs.forEach(r -> {
            checks.addAll(r.checks());
            migrations.addAll(r.migrations() == null ? List.of() : r.migrations());
        });
        return new RunResults(FORMAT, runs.get(0).driftgateVersion(), runs.get(0).commit(), checks, migrations);
    }

    /** Writes {@code results.json} whole or not at all (a temporary file moved into place). */
    public void write(Path directory) {
        try {
            AtomicFiles.writeReport(directory.resolve(FILE), JSON.writeValueAsString(this));
        } catch (IOException e) {
            throw new DriftgateException(directory.resolve(FILE) + ": cannot write: " + e.getMessage(), e);
        }
    }
}
