package dev.driftgate.scenario;

import dev.driftgate.DriftgateException;
import dev.driftgate.dialect.Dialects;
import dev.driftgate.sql.ScriptRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migration layouts driftgate reads as they are, each the way its own tool reads it. A layout
 * turns a directory into migrations ordered by version; everything it cannot place is an error
 * naming the file, never silently skipped.
 */
public enum MigrationLayout {

    /** Flyway: {@code V3__add_status.sql}, undo {@code U3__add_status.sql}, repeatable {@code R__views.sql}. */
    FLYWAY,
    /** golang-migrate: {@code 0003_add_status.up.sql} and {@code 0003_add_status.down.sql}. */
    GOLANG_MIGRATE,
    /** dbmate: {@code 20240101120000_add_status.sql} holding {@code -- migrate:up} and {@code -- migrate:down}. */
    DBMATE,
    /** Diesel: a directory per migration, {@code 2024-01-01-120000_add_status/up.sql} and {@code down.sql}. */
    DIESEL,
    /** Liquibase formatted SQL: {@code --changeset author:id} sections with {@code --rollback} lines. */
    LIQUIBASE,
    /** Any other naming: a regular expression with named groups version, name, direction and optionally dialect. */
    PATTERN;

    private static final Pattern FLYWAY_FILE = Pattern.compile("([VUR])([0-9][0-9._]*)?__(.+)\\.sql");
    private static final Pattern GOLANG_FILE = Pattern.compile("([0-9]+)_(.+)\\.(up|down)\\.sql");
    private static final Pattern DBMATE_FILE = Pattern.compile("([0-9]+)_(.+)\\.sql");
    private static final Pattern DIESEL_DIR = Pattern.compile("([0-9][0-9-]*)_(.+)");
    private static final Pattern CHANGESET = Pattern.compile("^--\\s*changeset\\s+(\\S+?):(\\S+).*$");
    private static final Pattern NO_TRANSACTION = Pattern.compile("\\srunInTransaction:false\\b");

    /** The layout's name as written in driftgate.yaml ({@code golang-migrate}). */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static MigrationLayout byName(String name) {
        for (MigrationLayout layout : values()) {
            if (layout.configName().equals(name)) {
                return layout;
            }
        }
        throw new DriftgateException("unknown migration layout '" + name + "': expected one of flyway, "
                + "golang-migrate, dbmate, diesel, liquibase, pattern");
    }

    /** Tells the layout from the files, for {@code layout: auto}. */
    public static MigrationLayout detect(Path dir) {
        List<Path> entries = list(dir);
        if (entries.stream().anyMatch(p -> Files.isDirectory(p) && Files.exists(p.resolve("up.sql")))) {
            return DIESEL;
        }
        if (entries.stream().anyMatch(p -> GOLANG_FILE.matcher(name(p)).matches())) {
            return GOLANG_MIGRATE;
        }
        if (entries.stream().anyMatch(p -> name(p).matches("V[0-9][0-9._]*__.+\\.sql"))) {
            return FLYWAY;
        }
        if (liquibaseChangelog(dir).isPresent()) {
            return LIQUIBASE;
        }
        for (Path p : entries) {
            if (name(p).endsWith(".sql") && Files.isRegularFile(p)) {
                String text = ScriptRunner.read(p);
                if (text.contains("-- migrate:up")) {
                    return DBMATE;
                }
                if (text.stripLeading().toLowerCase(Locale.ROOT).startsWith("--liquibase formatted sql")) {
                    return LIQUIBASE;
                }
            }
        }
        throw new DriftgateException(dir + ": cannot tell the migration layout (no V1__x.sql, 1_x.up.sql, "
                + "-- migrate:up, <version>_x/up.sql, --liquibase formatted sql or a databaseChangeLog); set migrations.layout in driftgate.yaml");
    }

    /**
     * The master changelog of a Liquibase directory: its one XML, YAML or JSON file declaring a
     * {@code databaseChangeLog}. Several are an error (name one with migrations.changelog), none is empty.
     */
    public static Optional<String> liquibaseChangelog(Path dir) {
        List<String> found = new ArrayList<>();
        for (Path p : list(dir)) {
            if (Files.isRegularFile(p) && name(p).matches("(?i).+\\.(xml|ya?ml|json)")
                    && ScriptRunner.read(p).contains("databaseChangeLog")) {
                found.add(name(p));
            }
        }
        if (found.size() > 1) {
            throw new DriftgateException(dir + ": " + found.size() + " Liquibase changelogs (" + String.join(", ", found)
                    + "); name the master with migrations.changelog in driftgate.yaml");
        }
        return found.stream().findFirst();
    }

    /**
     * Reads the migrations of a directory in version order.
     *
     * @param pattern for {@link #PATTERN}: a regex over file names with groups version, name, direction
     *     (up/down) and optionally dialect
     * @param dialect for {@link #PATTERN} files with a dialect part: only those of this dialect are read
     */
    public List<Migration> read(Path dir, String pattern, String dialect) {
        if (!Files.isDirectory(dir)) {
            throw new DriftgateException(dir + ": migrations directory not found");
        }
        Map<String, Parts> byVersion = new TreeMap<>(Migration.VERSION_ORDER);
        List<Migration> repeatable = new ArrayList<>();
        switch (this) {
            case FLYWAY -> {
                for (Path p : sqlFiles(dir)) {
                    boolean noTransaction = flywayNoTransaction(p);
                    Matcher m = FLYWAY_FILE.matcher(name(p));
                    if (!m.matches() || (m.group(2) == null) != m.group(1).equals("R")) {
                        throw new DriftgateException(p + ": not a Flyway migration name (V<version>__<name>.sql, "
                                + "U<version>__<name>.sql or R__<name>.sql)");
                    }
                    if (m.group(1).equals("R")) {
                        repeatable.add(new Migration(null, m.group(3), new Script(p, ScriptRunner.read(p), 1, noTransaction), null));
                    } else {
                        String version = m.group(2).replace('_', '.');
                        parts(byVersion, version, m.group(3)).put(m.group(1).equals("V"),
                                new Script(p, ScriptRunner.read(p), 1, noTransaction), p);
                    }
                }
            }
            case GOLANG_MIGRATE -> {
                for (Path p : sqlFiles(dir)) {
                    Matcher m = GOLANG_FILE.matcher(name(p));
                    if (!m.matches()) {
                        throw new DriftgateException(p + ": not a golang-migrate name (<version>_<name>.up.sql or .down.sql)");
                    }
                    NameParts name = NameParts.of(m.group(2));
                    if (name.dialect() != null && !Dialects.byName(dialect).isNamedBy(name.dialect())) {
                        continue;
                    }
                    parts(byVersion, m.group(1), name.name()).put(m.group(3).equals("up"),
                            new Script(p, ScriptRunner.read(p), 1, name.autocommit()), p, name.dialect() != null);
                }
            }
            case DBMATE -> {
                for (Path p : sqlFiles(dir)) {
                    Matcher m = DBMATE_FILE.matcher(name(p));
                    if (!m.matches()) {
                        throw new DriftgateException(p + ": not a dbmate name (<version>_<name>.sql)");
                    }
                    Parts parts = parts(byVersion, m.group(1), m.group(2));
                    readDbmate(p, parts);
                }
            }
            case DIESEL -> {
                for (Path d : list(dir)) {
                    if (!Files.isDirectory(d)) {
                        continue;
                    }
                    Matcher m = DIESEL_DIR.matcher(name(d));
                    if (!m.matches() || !Files.exists(d.resolve("up.sql"))) {
                        throw new DriftgateException(d + ": not a Diesel migration (<version>_<name>/up.sql)");
                    }
                    Parts parts = parts(byVersion, m.group(1), m.group(2));
                    boolean noTransaction = dieselNoTransaction(d);
                    parts.put(true, new Script(d.resolve("up.sql"), ScriptRunner.read(d.resolve("up.sql")), 1, noTransaction),
                            d.resolve("up.sql"));
                    if (Files.exists(d.resolve("down.sql"))) {
                        parts.put(false, new Script(d.resolve("down.sql"), ScriptRunner.read(d.resolve("down.sql")), 1, noTransaction),
                                d.resolve("down.sql"));
                    }
                }
            }
            case LIQUIBASE -> {
                int ordinal = 0;
                for (Path p : sqlFiles(dir)) {
                    for (Migration changeset : readLiquibase(p)) {
                        ordinal++;
                        Parts parts = parts(byVersion, String.valueOf(ordinal), changeset.name());
                        parts.put(true, changeset.up(), p);
                        if (changeset.down() != null) {
                            parts.put(false, changeset.down(), p);
                        }
                    }
                }
            }
            case PATTERN -> {
                if (pattern == null) {
                    throw new DriftgateException("migrations.layout: pattern needs migrations.pattern, a regex with "
                            + "named groups version, name and direction");
                }
                Pattern regex = Pattern.compile(pattern);
                for (Path p : sqlFiles(dir)) {
                    Matcher m = regex.matcher(name(p));
                    if (!m.matches()) {
                        continue;
                    }
                    if (pattern.contains("(?<dialect>") && m.group("dialect") != null
                            && !Dialects.byName(dialect).isNamedBy(m.group("dialect"))) {
                        continue;
                    }
                    String direction = pattern.contains("(?<direction>") ? m.group("direction") : "up";
                    boolean specific = pattern.contains("(?<dialect>") && m.group("dialect") != null;
                    parts(byVersion, m.group("version"), m.group("name"))
                            .put(!direction.toLowerCase(Locale.ROOT).matches("down|undo|rollback"), Script.of(p, ScriptRunner.read(p)), p,
                                    specific);
                }
            }
        }
        List<Migration> out = new ArrayList<>();
        byVersion.forEach((version, parts) -> {
            if (parts.up == null) {
                throw new DriftgateException(parts.downFile + ": a rollback without its migration (version " + version + ")");
            }
            out.add(new Migration(version, parts.name, parts.up, parts.down));
        });
        repeatable.sort(Comparator.comparing(Migration::name));
        out.addAll(repeatable);
        return out;
    }

    private static final class Parts {
        String name;
        Script up;
        Script down;
        Path upFile;
        Path downFile;
        boolean upSpecific;
        boolean downSpecific;

        void put(boolean isUp, Script script, Path file) {
            put(isUp, script, file, false);
        }

        /**
         * A dialect-specific file ({@code x.postgres.up.sql}) wins over the generic one of the same
         * version and direction ({@code x.up.sql}), whichever is read first; two of the same kind
         * are an error.
         */
        void put(boolean isUp, Script script, Path file, boolean specific) {
            if (isUp) {
                if (up != null && upSpecific == specific) {
                    throw new DriftgateException(file + ": a second migration with the version of " + upFile);
                }
                if (up == null || specific) {
                    up = script;
                    upFile = file;
                    upSpecific = specific;
                }
            } else {
                if (down != null && downSpecific == specific) {
                    throw new DriftgateException(file + ": a second rollback with the version of " + downFile);
                }
                if (down == null || specific) {
                    down = script;
                    downFile = file;
                    downSpecific = specific;
                }
            }
        }
    }

    /**
     * The name part of {@code <version>_<name>[.<dialect>][.autocommit].up.sql}: the name, the
     * dialect it is written for (null: every dialect) and whether it must run outside a transaction.
     */
    record NameParts(String name, String dialect, boolean autocommit) {

        static NameParts of(String full) {
            String name = full;
            String dialect = null;
            boolean autocommit = false;
            for (int i = 0; i < 2; i++) {
                int dot = name.lastIndexOf('.');
                if (dot <= 0) {
                    break;
                }
                String last = name.substring(dot + 1);
                if (!autocommit && last.equalsIgnoreCase("autocommit")) {
                    autocommit = true;
                } else if (dialect == null && Dialects.all().stream().anyMatch(d -> d.isNamedBy(last))) {
                    dialect = last;
                } else {
                    break;
                }
                name = name.substring(0, dot);
            }
            return new NameParts(name, dialect, autocommit);
        }
    }

    /** Diesel's per-migration {@code metadata.toml}: {@code run_in_transaction = false}. */
    private static boolean dieselNoTransaction(Path migration) {
        Path metadata = migration.resolve("metadata.toml");
        return Files.isRegularFile(metadata) && ScriptRunner.read(metadata).lines()
                .anyMatch(l -> l.strip().matches("run_in_transaction\\s*=\\s*false(\\s*#.*)?"));
    }

    /** Flyway's per-script configuration, {@code V3__x.sql.conf}: {@code executeInTransaction=false}. */
    private static boolean flywayNoTransaction(Path script) {
        Path conf = script.resolveSibling(name(script) + ".conf");
        if (!Files.isRegularFile(conf)) {
            return false;
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(conf)) {
            properties.load(in);
        } catch (IOException e) {
            throw new DriftgateException(conf + ": cannot read: " + e.getMessage(), e);
        }
        return "false".equalsIgnoreCase(properties.getProperty("executeInTransaction", "true").strip());
    }

    private static Parts parts(Map<String, Parts> byVersion, String version, String name) {
        Parts parts = byVersion.computeIfAbsent(version, v -> new Parts());
        if (parts.name == null) {
            parts.name = name;
        }
        return parts;
    }

    /** dbmate: one file, {@code -- migrate:up} then {@code -- migrate:down}. */
    private static void readDbmate(Path file, Parts parts) {
        List<String> lines = ScriptRunner.read(file).lines().toList();
        int up = -1;
        int down = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("-- migrate:up")) {
                up = i;
            } else if (l.startsWith("-- migrate:down")) {
                down = i;
            }
        }
        if (up < 0) {
            throw new DriftgateException(file + ":1: no '-- migrate:up' line (dbmate layout)");
        }
        int upEnd = down > up ? down : lines.size();
        parts.put(true, new Script(file, String.join("\n", lines.subList(up + 1, upEnd)), up + 2,
                lines.get(up).contains("transaction:false")), file);
        if (down >= 0) {
            int downEnd = down > up ? lines.size() : up;
            Script d = new Script(file, String.join("\n", lines.subList(down + 1, downEnd)), down + 2,
                    lines.get(down).contains("transaction:false"));
            if (!d.sql().isBlank()) {
                parts.put(false, d, file);
            }
        }
    }

    /** Liquibase formatted SQL: each changeset a migration; its {@code --rollback} lines its rollback. */
    static List<Migration> readLiquibase(Path file) {
        List<String> lines = ScriptRunner.read(file).lines().toList();
        List<Migration> out = new ArrayList<>();
        String name = null;
        int start = 0;
        StringBuilder up = new StringBuilder();
        StringBuilder down = new StringBuilder();
        int downLine = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : null;
            Matcher m = line == null ? null : CHANGESET.matcher(line.strip());
            if (line == null || m.matches()) {
                if (name != null) {
                    out.add(new Migration(null, name, new Script(file, up.toString(), start),
                            down.isEmpty() ? null : new Script(file, down.toString(), downLine)));
                }
                if (line != null) {
                    name = m.group(1) + ":" + m.group(2);
                    start = i + 2;
                    up = new StringBuilder();
                    if (NO_TRANSACTION.matcher(line).find()) {
                        // The marker takes the changeset's own line, so the statements keep theirs.
                        up.append(LiquibaseChangelog.NO_TRANSACTION_MARKER).append('\n');
                        start = i + 1;
                    }
                    down = new StringBuilder();
                    downLine = 0;
                }
                continue;
            }
            String stripped = line.strip();
            if (stripped.toLowerCase(Locale.ROOT).startsWith("--rollback")) {
                if (downLine == 0) {
                    downLine = i + 1;
                }
                down.append(stripped.substring("--rollback".length()).strip()).append('\n');
                up.append('\n');
            } else if (name == null) {
                if (!stripped.isEmpty() && !stripped.startsWith("--")) {
                    throw new DriftgateException(file + ":" + (i + 1) + ": SQL before the first --changeset line");
                }
            } else {
                up.append(line).append('\n');
            }
        }
        if (out.isEmpty()) {
            throw new DriftgateException(file + ": no --changeset in this Liquibase formatted SQL file");
        }
        return out;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new DriftgateException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static List<Path> sqlFiles(Path dir) {
        return list(dir).stream().filter(p -> Files.isRegularFile(p) && name(p).endsWith(".sql")).toList();
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }
}
