package dev.driftgate.compat;

import dev.driftgate.schema.Column;
import dev.driftgate.schema.Schema;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * INSERTs that still prepare but fail on every run: they list their columns and leave out one that
 * the change made NOT NULL without a default (a new column, or NOT NULL added, or its default
 * dropped). PREPARE does not see it; the first insert of the running release does.
 */
public final class InsertDefaults {

    private static final Pattern INSERT = Pattern.compile(
            "(?is)^\\s*(?:insert|replace)\\s+(?:ignore\\s+)?into\\s+([\\w.\"`$]+)\\s*\\(([^)]*)\\)");

    private InsertDefaults() {}

    public static List<PrepareCheck.Refusal> refusals(List<ReleaseStatement> statements, SchemaSnapshot before,
            SchemaSnapshot after) {
        List<PrepareCheck.Refusal> out = new ArrayList<>();
        for (ReleaseStatement statement : statements) {
            Matcher m = INSERT.matcher(statement.sql());
            if (!m.find()) {
                continue;
            }
            String tableName = unquote(m.group(1));
            Set<String> listed = Arrays.stream(m.group(2).split(",")).map(InsertDefaults::unquote).collect(Collectors.toSet());
            Optional<Table> now = table(after, tableName);
            if (now.isEmpty()) {
                continue;
            }
            Optional<Table> then = table(before, tableName);
            for (Column c : now.get().columns()) {
                String name = c.name().toLowerCase(Locale.ROOT);
                if (!listed.contains(name) && required(c)
                        && then.flatMap(t -> column(t, name)).map(old -> !required(old)).orElse(true)) {
                    out.add(new PrepareCheck.Refusal(statement, "prepares, but fails on every run: column " + now.get().name()
                            + "." + c.name() + " is NOT NULL without a default, and the INSERT does not set it",
                            now.get().name(), c.name()));
                }
            }
        }
        return out;
    }

    private static boolean required(Column c) {
        return !c.nullable() && c.defaultValue() == null && c.identity() == null && c.generated() == null;
    }

    private static Optional<Table> table(SchemaSnapshot snapshot, String qualified) {
        int dot = qualified.lastIndexOf('.');
        String schema = dot < 0 ? null : qualified.substring(0, dot);
        String name = qualified.substring(dot + 1);
        for (Schema s : snapshot.schemas()) {
            if (schema == null || s.name().equalsIgnoreCase(schema)) {
                for (Table t : s.tables()) {
                    if (t.name().equalsIgnoreCase(name)) {
                        return Optional.of(t);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Column> column(Table t, String name) {
        return t.columns().stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    private static String unquote(String identifier) {
        return identifier.strip().replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
    }
}
