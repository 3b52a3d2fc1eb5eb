package dev.driftgate.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.driftgate.DriftgateException;
import dev.driftgate.compat.ReleaseQueries;
import dev.driftgate.compat.ReleaseStatement;
import dev.driftgate.config.Settings;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.Dialects;
import dev.driftgate.diff.IgnoreRule;
import dev.driftgate.diff.IgnoreRules;
import dev.driftgate.safety.HazardLevel;
import dev.driftgate.safety.OnlineSafety;
import dev.driftgate.safety.Rule;
import dev.driftgate.sql.ScriptRunner;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/** Reads a scenario directory: its driftgate.yaml, its migrations, its seed and expectations. */
public final class ScenarioLoader {

    public static final String FILE_NAME = "driftgate.yaml";

    private static final YAMLMapper YAML = (YAMLMapper) new YAMLMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ScenarioLoader() {}

    /**
     * @param name the scenario's stable name (its path relative to the discovery root)
     * @param settings configuration from outside the file ({@code driftgate.candidates},
     *     {@code driftgate.targets}), which wins over the file
     */
    public static Scenario load(Path directory, String name, Settings settings) {
        Path file = directory.resolve(FILE_NAME);
        String text = text(file);
        ScenarioConfig config = read(file, text);
        ConfigPositions at = ConfigPositions.of(file, text);
        if (config.dialect() == null) {
            throw new DriftgateException(file + ": dialect is required (postgresql or mysql)");
        }
        Dialect dialect;
        try {
            dialect = Dialects.byName(config.dialect());
        } catch (DriftgateException | IllegalArgumentException e) {
            throw at.error("dialect", "'" + config.dialect() + "': expected postgresql or mysql (MySQL and MariaDB)", e);
        }
        List<TargetSpec> targets = new ArrayList<>();
        Optional<List<String>> targetSetting = Optional.ofNullable(settings.targets());
        List<String> targetTexts = targetSetting
                .orElse(config.targets() == null || config.targets().isEmpty() ? List.of("embedded") : config.targets());
        for (int i = 0; i < targetTexts.size(); i++) {
            try {
                targets.add(TargetSpec.parse(targetTexts.get(i)));
            } catch (DriftgateException e) {
                if (targetSetting.isPresent()) {
                    throw new DriftgateException("driftgate.targets: " + unprefixed(e, "targets"), e);
                }
                throw at.error("targets[" + i + "]", unprefixed(e, "targets"), e);
            }
        }
        ScenarioPaths paths = ScenarioPaths.of(directory,
                settings.pathsAllowOutside(), at);
        ScenarioConfig.Migrations m = config.migrations() == null
                ? new ScenarioConfig.Migrations("migrations", "auto", null, null, null, null) : config.migrations();
        // Relative to the directory of driftgate.yaml, wherever driftgate runs from (docs/scenarios.md).
        String written = m.path() == null ? "migrations" : m.path();
        Path migrationsDir = paths.resolve("migrations.path", written);
        if (!Files.isDirectory(migrationsDir)) {
            throw at.error("migrations.path", "'" + written + "' is " + migrationsDir
                    + ", not a directory (paths in driftgate.yaml are relative to its own directory)");
        }
        boolean auto = m.layout() == null || m.layout().equals("auto");
        MigrationLayout layout = !auto ? layout(at, m.layout())
                : m.changelog() != null ? MigrationLayout.LIQUIBASE : MigrationLayout.detect(migrationsDir);
        List<Migration> all = readMigrations(layout, migrationsDir, m, dialect.name(), at);
        if (all.isEmpty()) {
            throw at.error("migrations.path", migrationsDir + " holds no migration in the "
                    + layout.name().toLowerCase(Locale.ROOT).replace('_', '-') + " layout");
        }
        String rollback = config.rollback() == null ? "required" : config.rollback();
        if (!rollback.equals("required") && !rollback.equals("optional")) {
            throw at.error("rollback", "'" + rollback + "': expected required or optional");
        }
        List<String> modeList = config.rollbackModes() == null ? List.of("per-migration", "chain") : config.rollbackModes();
        for (int i = 0; i < modeList.size(); i++) {
            String mode = modeList.get(i);
            if (!mode.equals("per-migration") && !mode.equals("chain") && !mode.equals("group")) {
                throw at.error("rollback-modes[" + i + "]", "'" + mode + "': expected per-migration, chain or group");
            }
        }
        Set<String> modes = new TreeSet<>(modeList);
        if (modes.contains("group") && config.groups() == null) {
            throw at.error("rollback-modes", "group needs groups: (by: version-prefix with a length, "
                    + "by: name, or members: lists of versions)");
        }
        String start = config.baseline() == null ? "migrations" : config.baseline();
        if (!start.equals("migrations") && !start.equals("empty")) {
            throw at.error("baseline", "'" + start + "': expected migrations or empty");
        }
        if (start.equals("empty") && !modes.contains("chain")) {
            throw at.error("baseline", "empty is a chain rollback over the whole history; "
                    + "rollback-modes must include chain");
        }
        Optional<String> ruleSetting = Optional.ofNullable(settings.candidates());
        String rule = ruleSetting.orElse(config.candidates());
        Candidates.Base base = Optional.ofNullable(settings.base()).map(b -> new Candidates.Base(b, "driftgate.base"))
                .orElse(config.branchBase() == null ? null : new Candidates.Base(config.branchBase(), "branch-base"));
        Candidates chosen;
        try {
            chosen = Candidates.select(rule, all, migrationsDir, base);
        } catch (DriftgateException e) {
            if (ruleSetting.isPresent() || config.candidates() == null) {
                throw new DriftgateException(file + ": " + e.getMessage(), e);
            }
            throw at.error("candidates", unprefixed(e, "candidates"), e);
        }
        List<Migration> baseline = new ArrayList<>();
        List<Migration> candidates = new ArrayList<>();
        // The baseline is what production holds before the candidates: a migration after the last
        // candidate comes later in production too, so it is never applied first (a range in the
        // middle of a history would otherwise run the rest of it before the range).
        String last = all.stream().filter(x -> !x.repeatable() && chosen.versions().contains(x.version()))
                .map(Migration::version).max(Migration.VERSION_ORDER).orElse(null);
        for (Migration migration : all) {
            if (!migration.repeatable() && chosen.versions().contains(migration.version())) {
                candidates.add(migration);
            } else if (!migration.repeatable()
                    && (last == null || Migration.VERSION_ORDER.compare(migration.version(), last) < 0)) {
                baseline.add(migration);
            }
        }
        long later = all.stream().filter(x -> !x.repeatable()).count() - candidates.size()
                - baseline.stream().filter(x -> !x.repeatable()).count();
        String how = later == 0 ? chosen.how() : chosen.how() + "; " + later + " later migration" + (later == 1 ? "" : "s")
                + " left out (after the last candidate)";
        all.stream().filter(Migration::repeatable).forEach(baseline::add);
        List<Script> seed = new ArrayList<>();
        List<String> seedPaths = config.seed() == null ? List.of() : config.seed();
        for (int i = 0; i < seedPaths.size(); i++) {
            seed.addAll(scripts(paths.resolve("seed[" + i + "]", seedPaths.get(i)), at, "seed[" + i + "]"));
        }
        IgnoreRules rules = IgnoreRules.defaults();
        if (config.ignore() != null) {
            List<IgnoreRule> parsed = new ArrayList<>();
            for (int i = 0; i < config.ignore().size(); i++) {
                try {
                    parsed.add(IgnoreRule.parse(config.ignore().get(i), file.toString()));
                } catch (DriftgateException e) {
                    throw at.error("ignore[" + i + "]", e.getMessage(), e);
                }
            }
            rules = rules.with(parsed);
        }
        Path declared = config.declared() == null ? null : paths.resolve("declared", config.declared());
        if (declared != null && !Files.isDirectory(declared)) {
            throw at.error("declared", declared + " is not a directory (relative to driftgate.yaml's directory)");
        }
        Script forwardFix = null;
        if (config.forwardFix() != null) {
            Path fix = paths.resolve("forward-fix", config.forwardFix());
            if (!Files.isRegularFile(fix)) {
                throw at.error("forward-fix", fix + " not found (relative to driftgate.yaml's directory)");
            }
            forwardFix = Script.of(fix, ScriptRunner.read(fix));
        }
        return new Scenario(directory, name, file, dialect, List.copyOf(targets), List.copyOf(baseline),
                List.copyOf(candidates), how, rollback.equals("required"), Set.copyOf(modes), List.copyOf(seed),
                config.expected() == null ? null : paths.resolve("expected", config.expected()),
                config.expectedEach() == null ? null : paths.resolve("expected-each", config.expectedEach()), declared, rules,
                config.environments() == null ? Map.of() : Map.copyOf(config.environments()), forwardFix,
                sqlMode(at, dialect, config.sqlMode()), start.equals("empty"),
                modes.contains("group") ? groups(at, config.groups(), candidates) : List.of(),
                releases(at, paths, dialect, config.compatibility()), restore(at, paths, config.restore(), candidates),
                safety(at, config.onlineSafety()));
    }

    private static Releases releases(ConfigPositions at, ScenarioPaths paths, Dialect dialect, ScenarioConfig.Compatibility c) {
        if (c == null) {
            return null;
        }
        if (c.previous() == null && c.next() == null) {
            throw at.error("compatibility", "needs previous: or next: (a .sql file, a directory of them, or a capture)");
        }
        List<String> skipped = new ArrayList<>();
        List<ReleaseStatement> previous = release(at, paths, dialect, "previous", c.previous(), skipped);
        List<ReleaseStatement> next = release(at, paths, dialect, "next", c.next(), skipped);
        return new Releases(previous, next, List.copyOf(skipped));
    }

    private static List<ReleaseStatement> release(ConfigPositions at, ScenarioPaths paths, Dialect dialect, String key,
            String written, List<String> skipped) {
        if (written == null) {
            return List.of();
        }
        Path path = paths.resolve("compatibility." + key, written);
        if (!Files.exists(path)) {
            throw at.error("compatibility." + key, path + " not found (relative to driftgate.yaml's directory)");
        }
        ReleaseQueries.Loaded loaded = ReleaseQueries.read(path, dialect);
        loaded.skipped().forEach(why -> skipped.add(key + ": " + why));
        return loaded.statements();
    }

    private static Map<String, Script> restore(ConfigPositions at, ScenarioPaths paths, Map<String, String> written,
            List<Migration> candidates) {
        if (written == null) {
            return Map.of();
        }
        Map<String, Script> out = new TreeMap<>();
        written.forEach((version, file) -> {
            String key = "restore." + version;
            if (candidates.stream().noneMatch(m -> Migration.VERSION_ORDER.compare(m.version(), version) == 0)) {
                throw at.error(key, "version " + version + " is not a candidate");
            }
            Path script = paths.resolve(key, file);
            if (!Files.isRegularFile(script)) {
                throw at.error(key, script + " not found (relative to driftgate.yaml's directory)");
            }
            Migration m = candidates.stream().filter(c -> Migration.VERSION_ORDER.compare(c.version(), version) == 0)
                    .findFirst().orElseThrow();
            out.put(m.version(), Script.of(script, ScriptRunner.read(script)));
        });
        return Map.copyOf(out);
    }

    /** {@code online-safety:} as the {@code driftgate.safety.*} keys, each value checked where it is written. */
    private static Map<String, String> safety(ConfigPositions at, ScenarioConfig.OnlineSafetyConfig config) {
        Map<String, String> out = new TreeMap<>();
        if (config == null) {
            return out;
        }
        if (config.failOn() != null) {
            out.put(OnlineSafety.FAIL_ON, level(at, "online-safety.fail-on", config.failOn()));
        }
        if (config.levels() != null) {
            config.levels().forEach((code, level) -> {
                Rule rule = Rule.byCode(code).orElseThrow(() -> at.error("online-safety.levels",
                        "'" + code + "': no such rule code (docs/safety.md lists them)"));
                out.put(OnlineSafety.LEVEL_PREFIX + rule.code(), level(at, "online-safety.levels", level));
            });
        }
        if (config.observe() != null) {
            out.put(OnlineSafety.OBSERVE, config.observe().toString());
        }
        if (config.rows() != null) {
            if (config.rows() < 0) {
                throw at.error("online-safety.rows", config.rows() + ": expected 0 or more rows");
            }
            out.put(OnlineSafety.ROWS, config.rows().toString());
        }
        return Map.copyOf(out);
    }

    /** A level as written; YAML reads a bare {@code off} as false, which means off here too. */
    private static String level(ConfigPositions at, String key, String value) {
        String level = value.equals("false") ? "off" : value;
        try {
            HazardLevel.parse(level);
            return level;
        } catch (DriftgateException e) {
            throw at.error(key, e.getMessage(), e);
        }
    }

    /** Consecutive candidates that share a group key form a group; a listed group must be consecutive candidates. */
    private static List<List<Migration>> groups(ConfigPositions at, ScenarioConfig.Groups rule, List<Migration> candidates) {
        List<List<Migration>> out = new ArrayList<>();
        if (rule.members() != null) {
            for (List<String> versions : rule.members()) {
                List<Migration> group = new ArrayList<>();
                for (String v : versions) {
                    group.add(candidates.stream().filter(m -> Migration.VERSION_ORDER.compare(m.version(), v) == 0).findFirst()
                            .orElseThrow(() -> at.error("groups.members", "version " + v + " is not a candidate")));
                }
                int first = candidates.indexOf(group.get(0));
                if (!group.equals(candidates.subList(first, Math.min(candidates.size(), first + group.size())))) {
                    throw at.error("groups.members", versions + " are not consecutive candidates in version order");
                }
                out.add(List.copyOf(group));
            }
            return out;
        }
        Function<Migration, String> key = switch (String.valueOf(rule.by())) {
            case "version-prefix" -> {
                if (rule.length() == null || rule.length() < 1) {
                    throw at.error("groups.by", "version-prefix needs length:");
                }
                int n = rule.length();
                yield m -> m.version().substring(0, Math.min(n, m.version().length()));
            }
            case "name" -> Migration::name;
            default -> throw at.error("groups.by", "'" + rule.by() + "': expected version-prefix or name");
        };
        for (Migration m : candidates) {
            if (!out.isEmpty() && key.apply(out.get(out.size() - 1).get(0)).equals(key.apply(m))) {
                out.get(out.size() - 1).add(m);
            } else {
                out.add(new ArrayList<>(List.of(m)));
            }
        }
        return out.stream().map(List::copyOf).toList();
    }

    private static String sqlMode(ConfigPositions at, Dialect dialect, String mode) {
        if (mode != null && !dialect.hasSqlMode()) {
            throw at.error("sql-mode", "applies to MySQL/MariaDB scenarios only");
        }
        if (mode != null && !mode.matches("[A-Za-z_,]*")) {
            throw at.error("sql-mode", "'" + mode + "': expected comma-separated mode names");
        }
        return mode;
    }

    /** A message without the key its thrower put in front, for a caller that names the key itself. */
    private static String unprefixed(DriftgateException e, String key) {
        String message = e.getMessage();
        return message.startsWith(key + ": ") ? message.substring(key.length() + 2) : message;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new DriftgateException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static ScenarioConfig read(Path file, String text) {
        if (text.isBlank()) {
            throw new DriftgateException(file + ":1: empty scenario file (dialect is required)");
        }
        try {
            return YAML.readValue(text, ScenarioConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new DriftgateException(file + ":" + keyPosition(text, e.getPropertyName(), e.getLocation())
                    + ": unknown key '" + e.getPropertyName()
                    + "' (known here: " + String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList())
                    + ")", e);
        } catch (MismatchedInputException e) {
            String key = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("value");
            throw new DriftgateException(file + ":" + position(e.getLocation()) + ": " + key + ": not a "
                    + (e.getTargetType() == null ? "valid value" : describe(e.getTargetType())), e);
        } catch (JsonProcessingException e) {
            // The YAML parser's message spans lines; keep the sentences, drop its excerpt of the file.
            String why = String.join("; ", e.getOriginalMessage().lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("in ") && !l.startsWith("^") && !l.startsWith("at [")
                            && Character.isLetter(l.charAt(0)))
                    .toList());
            throw new DriftgateException(file + ":" + position(e.getLocation()) + ": malformed YAML: "
                    + (why.isEmpty() ? "cannot parse" : why), e);
        }
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "single value";
        }
        if (List.class.isAssignableFrom(type)) {
            return "list";
        }
        return "mapping (" + String.join(", ", Arrays.stream(type.getRecordComponents() == null
                ? new RecordComponent[0] : type.getRecordComponents())
                .map(RecordComponent::getName).toList()) + ")";
    }

    /** Where a key is written: the YAML parser reports the position after its value, one line late. */
    private static String keyPosition(String text, String key, JsonLocation fallback) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.stripLeading();
            if (stripped.startsWith("- ")) {
                stripped = stripped.substring(2).stripLeading();
            }
            if (stripped.startsWith(key + ":") || stripped.startsWith("\"" + key + "\":")) {
                return (i + 1) + ":" + (line.indexOf(stripped) + 1);
            }
        }
        return position(fallback);
    }

    private static String position(JsonLocation location) {
        return location == null ? "1" : location.getLineNr() + ":" + location.getColumnNr();
    }

    /** A Liquibase changelog goes through Liquibase; a directory of formatted SQL files, and every other layout, is read as it is. */
    private static List<Migration> readMigrations(MigrationLayout layout, Path dir, ScenarioConfig.Migrations m,
            String dialect, ConfigPositions at) {
        String changelog = m.changelog();
        if (layout == MigrationLayout.LIQUIBASE && changelog == null) {
            changelog = MigrationLayout.liquibaseChangelog(dir).orElse(null);
        }
        if (layout != MigrationLayout.LIQUIBASE || changelog == null) {
            Map<String, String> liquibaseOnly = new java.util.LinkedHashMap<>();
            liquibaseOnly.put("changelog", m.changelog());
            liquibaseOnly.put("contexts", m.contexts());
            liquibaseOnly.put("labels", m.labels());
            liquibaseOnly.forEach((key, value) -> {
                if (value != null) {
                    throw at.error("migrations." + key, "only for a Liquibase XML, YAML or JSON changelog "
                            + "(migrations.layout: liquibase with migrations.changelog)");
                }
            });
            return layout.read(dir, m.pattern(), dialect);
        }
        // Kept inside migrations.path, which the scenario's path rules already keep inside its repository.
        if (!dir.resolve(changelog).normalize().startsWith(dir.normalize())) {
            throw at.error("migrations.changelog", "'" + changelog + "' leads out of migrations.path (" + dir + ")");
        }
        if (!Files.isRegularFile(dir.resolve(changelog))) {
            throw at.error("migrations.changelog", "'" + changelog + "' is not a file in " + dir
                    + " (the changelog is relative to migrations.path)");
        }
        return LiquibaseChangelog.read(dir, changelog, dialect, m.contexts(), m.labels());
    }

    private static MigrationLayout layout(ConfigPositions at, String name) {
        try {
            return MigrationLayout.byName(name);
        } catch (DriftgateException e) {
            throw at.error("migrations.layout", e.getMessage(), e);
        }
    }

    private static List<Script> scripts(Path path, ConfigPositions at, String key) {
        if (Files.isRegularFile(path)) {
            return List.of(Script.of(path, ScriptRunner.read(path)));
        }
        if (!Files.isDirectory(path)) {
            throw at.error(key, path + " not found (relative to driftgate.yaml's directory)");
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted()
                    .map(p -> Script.of(p, ScriptRunner.read(p))).toList();
        } catch (IOException e) {
            throw new DriftgateException(path + ": cannot list: " + e.getMessage(), e);
        }
    }
}
