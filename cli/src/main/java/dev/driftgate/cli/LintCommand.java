package dev.driftgate.cli;

import dev.driftgate.DriftgateException;
import dev.driftgate.config.DriftgateConfig;
import dev.driftgate.config.Settings;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.Dialects;
import dev.driftgate.gate.TargetServers;
import dev.driftgate.provision.DatabaseServer;
import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.safety.Hazard;
import dev.driftgate.safety.MigrationContext;
import dev.driftgate.safety.OnlineSafety;
import dev.driftgate.safety.Rule;
import dev.driftgate.safety.StatementObservation;
import dev.driftgate.scenario.Migration;
import dev.driftgate.scenario.MigrationLayout;
import dev.driftgate.scenario.Scenario;
import dev.driftgate.scenario.ScenarioLoader;
import dev.driftgate.scenario.Script;
import dev.driftgate.scenario.TargetSpec;
import dev.driftgate.sql.ScriptRunner;
import dev.driftgate.sql.SqlStatement;
import dev.driftgate.text.SafeText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code driftgate lint}: the online-safety rules without a gate run. Static by default; with
 * {@code --observe} the migrations also run on a throwaway database of the target, statement by
 * statement, and what they really did (locks, rewrites, ALTER algorithms) confirms or contradicts
 * the static hazards.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Report online-safety hazards in migrations: destructive, backward-incompatible, locking and "
                + "rewriting, data-dependent and transaction hazards, each with a stable code (docs/safety.md).",
            "A scenario directory (one holding driftgate.yaml) is read as the gate reads it: its dialect, migrations path "
                    + "and layout, every versioned migration in order, and its online-safety levels under the options given here.",
            "Another directory is read in its migration layout (Flyway, golang-migrate, dbmate, Diesel, Liquibase formatted "
                    + "SQL; up scripts only) or, without one, as its .sql files in name order; a file is one migration.",
            "Exit code 0: nothing at or above --fail-on; 1: hazards at or above it; 2: error."},
        footer = {"", "Examples:", "  driftgate lint db/migrations --dialect postgresql",
            "  driftgate lint V7__add_index.sql --dialect postgresql --level DG308=off",
            "  driftgate lint db/migrations --dialect mysql --observe --target server:jdbc:mariadb://127.0.0.1:3306/mysql"})
final class LintCommand implements Callable<Integer> {

    /** A scenario linted whole: every versioned migration, whatever its file says about candidates. */
    private static final Settings ALL_CANDIDATES = Settings.read(k -> k.equals(DriftgateConfig.CANDIDATES)
            ? Optional.of("all") : Optional.empty());

    private static final Pattern YAML_DIALECT = Pattern.compile("(?m)^dialect:\\s*([A-Za-z]+)\\s*$");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Migration files or directories.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--dialect", description = "postgresql or mysql (default: the dialect of the nearest driftgate.yaml).")
    String dialect;

    @Option(names = "--fail-on", description = "Exit 1 on hazards at or above: info, warning, error, off (default: error, "
            + "or a scenario's online-safety.fail-on).")
    String failOn;

    @Option(names = "--time-zone", paramLabel = "ZONE", description = "The session time zone the migrations run in "
            + "(PostgreSQL: timestamp to timestamptz rewrites nothing in UTC); default unknown.")
    String timeZone;

    @Option(names = "--level", paramLabel = "CODE=LEVEL", description = "A rule's level: off, info, warning or error (repeatable).")
    Map<String, String> levels = new HashMap<>();

    @Option(names = "--observe", description = "Also run the migrations on a throwaway database of --target and report what they did.")
    boolean observe;

    @Option(names = "--target", defaultValue = "embedded", description = "With --observe: embedded, embedded:<PostgreSQL major> or server:<jdbc url> (default: ${DEFAULT-VALUE}).")
    String target;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<Scenario> scenarios = new ArrayList<>();
            for (Path p : paths) {
                if (Files.isRegularFile(p.resolve(ScenarioLoader.FILE_NAME))) {
                    scenarios.add(ScenarioLoader.load(p, p.toString(), ALL_CANDIDATES));
                }
            }
            Dialect d = Dialects.byName(dialect != null ? dialect
                    : !scenarios.isEmpty() ? scenarios.get(0).dialect().name() : dialectFromScenario());
            // The scenarios' own online-safety levels, under what the command line says.
            Map<String, String> settings = new HashMap<>();
            scenarios.forEach(sc -> settings.putAll(sc.safety()));
            if (failOn != null) {
                settings.put(OnlineSafety.FAIL_ON, failOn);
            }
            levels.forEach((code, level) -> {
                Rule rule = Rule.byCode(code).orElseThrow(() -> new DriftgateException("--level " + code
                        + ": unknown rule code (see docs/safety.md)"));
                settings.put(OnlineSafety.LEVEL_PREFIX + rule.code(), level);
            });
            OnlineSafety safety = OnlineSafety.configured(k -> Optional.ofNullable(settings.get(k)));
            List<Script> migrations = new ArrayList<>();
            for (Path p : paths) {
                Optional<Scenario> scenario = scenarios.stream().filter(sc -> sc.directory().equals(p)).findFirst();
                if (scenario.isPresent()) {
                    scenario.get().baseline().stream().filter(m -> !m.repeatable()).forEach(m -> migrations.add(m.up()));
                    scenario.get().candidates().forEach(m -> migrations.add(m.up()));
                } else {
                    migrations.addAll(scripts(p, d));
                }
            }
            List<Hazard> hazards = new ArrayList<>();
            List<StatementObservation> observed = new ArrayList<>();
            int statements = 0;
            Map<Script, List<SqlStatement>> split = new LinkedHashMap<>();
            for (Script m : migrations) {
                List<SqlStatement> st = m.statements(d);
                statements += st.size();
                split.put(m, st);
                hazards.addAll(safety.staticHazards(d.safetyRules(), m.file(), st, new MigrationContext(Set.of(), Map.of(), timeZone)));
            }
            if (observe) {
                observed = observeAll(d, split);
                List<Hazard> reconciled = safety.reconcile(hazards, observed);
                hazards = new ArrayList<>();
                for (Map.Entry<Script, List<SqlStatement>> m : split.entrySet()) {
                    String file = m.getKey().file().toString();
                    hazards.addAll(safety.suppressLater(m.getKey().file(), m.getValue(),
                            reconciled.stream().filter(h -> h.file().equals(file)).toList()));
                }
            }
            hazards.forEach(h -> out.println(h.oneLine()));
            if (observe) {
                out.println("observed on " + target + ":");
                observed.forEach(o -> out.println("  " + o.oneLine()));
            }
            List<Hazard> failing = safety.failing(hazards);
            out.printf("%d migration%s, %d statements: %s%s%n", migrations.size(), migrations.size() == 1 ? "" : "s",
                    statements, OnlineSafety.counts(hazards), failing.isEmpty() ? ""
                            : "; " + failing.size() + " at or above " + safety.failOn().label());
            out.flush();
            return failing.isEmpty() ? Main.OK : Main.DIFFERENCES;
        } catch (DriftgateException | SQLException e) {
            err.println("driftgate lint: " + SafeText.line(e.getMessage()));
            return Main.ERROR;
        }
    }

    /** Runs every migration in order on one throwaway database, each watched statement by statement. */
    private List<StatementObservation> observeAll(Dialect d, Map<Script, List<SqlStatement>> split) throws SQLException {
        TargetSpec spec = TargetSpec.parse(target);
        if (spec instanceof TargetSpec.Container) {
            TargetServers.unavailable(spec).ifPresent(reason -> {
                throw new DriftgateException(reason);
            });
        }
        TargetServers.Opened opened = TargetServers.open(spec, d, Settings.defaults());
        DatabaseServer server = opened.server();
        List<StatementObservation> out = new ArrayList<>();
        try (ThrowawayDatabase db = server.createThrowaway(); Connection c = db.connect()) {
            for (Map.Entry<Script, List<SqlStatement>> m : split.entrySet()) {
                out.addAll(d.safetyObserver().observe(c, m.getValue(), d.runsInTransaction(m.getValue())));
            }
        } finally {
            if (opened.owned()) {
                server.close();
            }
        }
        return out;
    }

    /** The migrations a path names: a file is one; a directory is read in its layout, else as its .sql files. */
    private static List<Script> scripts(Path path, Dialect d) {
        if (!Files.exists(path)) {
            throw new DriftgateException(path + ": no such file or directory");
        }
        if (!Files.isDirectory(path)) {
            // a regular file, or something that is not one: the reader says which
            return List.of(Script.of(path, ScriptRunner.read(path)));
        }
        try {
            MigrationLayout layout = MigrationLayout.detect(path);
            return layout.read(path, null, d.name()).stream().map(Migration::up).toList();
        } catch (DriftgateException notALayout) {
            try (Stream<Path> files = Files.list(path)) {
                List<Script> out = files.filter(f -> f.getFileName().toString().endsWith(".sql") && Files.isRegularFile(f))
                        .sorted().map(f -> Script.of(f, ScriptRunner.read(f))).toList();
                if (out.isEmpty()) {
                    throw new DriftgateException(path + ": no .sql files");
                }
                return out;
            } catch (IOException e) {
                throw new DriftgateException(path + ": cannot list: " + e.getMessage(), e);
            }
        }
    }

    /** The dialect of the nearest driftgate.yaml at or above the first path. */
    private String dialectFromScenario() {
        Path p = paths.get(0).toAbsolutePath().normalize();
        for (Path dir = Files.isDirectory(p) ? p : p.getParent(); dir != null; dir = dir.getParent()) {
            Path yaml = dir.resolve("driftgate.yaml");
            if (Files.isRegularFile(yaml)) {
                Matcher m = YAML_DIALECT.matcher(ScriptRunner.read(yaml));
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        throw new DriftgateException("which dialect? Say --dialect postgresql or --dialect mysql "
                + "(no driftgate.yaml with a dialect at or above " + paths.get(0) + ")");
    }
}
