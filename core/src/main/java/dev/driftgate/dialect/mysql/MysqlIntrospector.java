package dev.driftgate.dialect.mysql;

import static dev.driftgate.dialect.CatalogRows.text;

import dev.driftgate.dialect.CatalogRows;
import dev.driftgate.dialect.QueryResources;
import dev.driftgate.dialect.TextNormalizer;
import dev.driftgate.schema.Column;
import dev.driftgate.schema.Constraint.ConstraintType;
import dev.driftgate.schema.Constraint.ForeignKeyReference;
import dev.driftgate.schema.Constraint;
import dev.driftgate.schema.Event;
import dev.driftgate.schema.Grant;
import dev.driftgate.schema.Index;
import dev.driftgate.schema.Partition;
import dev.driftgate.schema.RelationName;
import dev.driftgate.schema.Routine;
import dev.driftgate.schema.Schema;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.Table;
import dev.driftgate.schema.Trigger;
import dev.driftgate.schema.UnmodelledObject;
import dev.driftgate.schema.View;
import dev.driftgate.sql.ServerVersion;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads MySQL 8 and MariaDB databases through information_schema with one query per object kind.
 */
final class MysqlIntrospector {

    /** The server's error for a SELECT on a table the account has no privilege on. */
    private static final int ER_TABLEACCESS_DENIED = 1142;

    private final Connection connection;
    private final ServerVersion version;

    private static final class TableParts {
        String comment;
        String collation;
        boolean partitioned;
        final Map<String, String> attributes = new TreeMap<>();
        final List<Column> columns = new ArrayList<>();
        final List<Constraint> constraints = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<Trigger> triggers = new ArrayList<>();
        final List<Partition> partitions = new ArrayList<>();
        final List<Grant> grants = new ArrayList<>();
        String partitionKey;
        /** Subpartition names by partition, and whether any differs from the server's own p0sp0 naming. */
        final Map<String, List<String>> subpartitions = new LinkedHashMap<>();
        boolean subpartitionsNamed;
    }

    private static final class SchemaParts {
        final Map<String, String> attributes = new TreeMap<>();
        final Map<String, TableParts> tables = new LinkedHashMap<>();
        final List<View> views = new ArrayList<>();
        final List<Routine> routines = new ArrayList<>();
        final List<Event> events = new ArrayList<>();
        final List<Grant> grants = new ArrayList<>();
    }

    /** One index being assembled from its STATISTICS rows. */
    private static final class IndexParts {
        boolean unique;
        String method;
        String comment;
        boolean ignored;
        final List<Index.IndexKey> keys = new ArrayList<>();
    }

    MysqlIntrospector(Connection connection, ServerVersion version) {
        this.connection = connection;
        this.version = version;
    }

    SchemaSnapshot read(List<String> wanted) throws SQLException {
        Map<String, SchemaParts> schemas = readSchemas(wanted);
        if (schemas.isEmpty()) {
            return new SchemaSnapshot(SchemaSnapshot.FORMAT_VERSION, MysqlDialect.NAME, List.of(), List.of(), List.of());
        }
        String[] scope = schemas.keySet().toArray(String[]::new);
        List<UnmodelledObject> unmodelled = new ArrayList<>();
        readTables(schemas, scope, unmodelled);
        readColumns(schemas, scope);
        readIndexes(schemas, scope);
        readForeignKeys(schemas, scope);
        readChecks(schemas, scope);
        readPartitions(schemas, scope);
        readViews(schemas, scope);
        readTriggers(schemas, scope);
        readRoutines(schemas, scope, unmodelled);
        readEvents(schemas, scope);
        readGrants(schemas, scope);
        return new SchemaSnapshot(SchemaSnapshot.FORMAT_VERSION, MysqlDialect.NAME, assemble(schemas), List.of(),
                unmodelled);
    }

    private String sql(String name) {
        if (!version.isMariaDb() && List.of("indexes", "checks", "views").contains(name)) {
            return QueryResources.load(MysqlIntrospector.class, name + ".mysql");
        }
        return QueryResources.load(MysqlIntrospector.class, name);
    }

    private void query(String name, String[] scope, CatalogRows.RowReader reader) throws SQLException {
        query(name, scope, new String[0], reader);
    }

    private void query(String name, String[] scope, String[] tables, CatalogRows.RowReader reader)
            throws SQLException {
        String text = sql(name)
                .replace("{schemas}", placeholders(scope.length))
                .replace("{tables}", placeholders(tables.length));
        Object[] parameters = new Object[scope.length + tables.length];
        System.arraycopy(scope, 0, parameters, 0, scope.length);
        System.arraycopy(tables, 0, parameters, scope.length, tables.length);
        CatalogRows.query(connection, text, reader, parameters);
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(Math.max(count, 1), "?"));
    }

    private Map<String, SchemaParts> readSchemas(List<String> wanted) throws SQLException {
        Map<String, SchemaParts> all = new LinkedHashMap<>();
        CatalogRows.query(connection, sql("schemas"), row -> {
            SchemaParts parts = new SchemaParts();
            parts.attributes.put(MysqlAttributes.CHARSET, row.getString("DEFAULT_CHARACTER_SET_NAME"));
            parts.attributes.put(MysqlAttributes.COLLATION, row.getString("DEFAULT_COLLATION_NAME"));
            all.put(row.getString("SCHEMA_NAME"), parts);
        });
        List<String> names = wanted;
        if (names.isEmpty()) {
            try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT DATABASE()")) {
                r.next();
                String current = r.getString(1);
                names = current == null ? List.copyOf(all.keySet()) : List.of(current);
            }
        }
        Map<String, SchemaParts> chosen = new LinkedHashMap<>();
        for (String name : names) {
            SchemaParts parts = all.get(name);
            if (parts == null) {
                throw new IllegalArgumentException("database '" + name + "' does not exist; the server has "
                        + String.join(", ", all.keySet()));
            }
            chosen.put(name, parts);
        }
        return chosen;
    }

    private void readTables(Map<String, SchemaParts> schemas, String[] scope, List<UnmodelledObject> unmodelled)
            throws SQLException {
        query("tables", scope, row -> {
            String schemaName = row.getString("TABLE_SCHEMA");
            String name = row.getString("TABLE_NAME");
            String type = row.getString("TABLE_TYPE");
            if (type.equals("VIEW")) {
                return;
            }
            if (type.equals("SEQUENCE")) {
                unmodelled.add(new UnmodelledObject("sequence", schemaName + "." + name));
                return;
            }
            TableParts t = new TableParts();
            t.comment = text(row, "TABLE_COMMENT");
            t.collation = row.getString("TABLE_COLLATION");
            t.attributes.put(MysqlAttributes.ENGINE, row.getString("ENGINE"));
            if (t.collation != null) {
                t.attributes.put(MysqlAttributes.COLLATION, t.collation);
                t.attributes.put(MysqlAttributes.CHARSET, t.collation.substring(0, t.collation.indexOf('_')));
            }
            // ROW_FORMAT is the format in use, also when the table never stated one: only the one
            // CREATE_OPTIONS holds was written, and only that one the dump shows and a rebuild may say.
            String rowFormat = statedRowFormat(text(row, "CREATE_OPTIONS"));
            if (rowFormat != null) {
                t.attributes.put(MysqlAttributes.ROW_FORMAT, rowFormat);
            }
            String options = createOptions(text(row, "CREATE_OPTIONS"));
            t.partitioned = options != null && options.contains("partitioned");
            options = options == null ? null : options.replace("partitioned", "").strip();
            if (options != null && !options.isEmpty()) {
                t.attributes.put(MysqlAttributes.CREATE_OPTIONS, options);
            }
            if (type.equals("SYSTEM VERSIONED")) {
                t.attributes.put(MysqlAttributes.SYSTEM_VERSIONED, "true");
            }
            schemas.get(schemaName).tables.put(name, t);
        });
    }

    /** The {@code row_format=} word of CREATE_OPTIONS, upper case, or null when the table states none. */
    private static String statedRowFormat(String options) {
        if (options == null) {
            return null;
        }
        for (String word : options.trim().split("\\s+")) {
            if (word.toLowerCase(Locale.ROOT).startsWith("row_format=")) {
                return word.substring("row_format=".length()).toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** CREATE_OPTIONS with the row format removed (recorded separately) and words sorted. */
    private static String createOptions(String options) {
        if (options == null) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (String word : options.trim().split("\\s+")) {
            if (!word.isEmpty() && !word.toLowerCase(Locale.ROOT).startsWith("row_format=")) {
                words.add(word);
            }
        }
        Collections.sort(words);
        return String.join(" ", words);
    }

    private void readColumns(Map<String, SchemaParts> schemas, String[] scope) throws SQLException {
        query("columns", scope, row -> {
            TableParts table = schemas.get(row.getString("TABLE_SCHEMA")).tables.get(row.getString("TABLE_NAME"));
            if (table == null) {
                return; // a view's columns
            }
            String extra = row.getString("EXTRA");
            String extraLower = extra == null ? "" : extra.toLowerCase(Locale.ROOT);
            String dataType = row.getString("DATA_TYPE");
            Column.GeneratedColumn generated = null;
            String generationExpression = text(row, "GENERATION_EXPRESSION");
            String defaultValue = MysqlNormalizer.defaultValue(row.getString("COLUMN_DEFAULT"), dataType, extra,
                    version.isMariaDb());
            if (generationExpression != null && (extraLower.contains("generated") || extraLower.contains("virtual")
                    || extraLower.contains("persistent") || extraLower.contains("stored"))) {
                boolean stored = extraLower.contains("stored") || extraLower.contains("persistent");
                generated = new Column.GeneratedColumn(MysqlNormalizer.expression(generationExpression),
                        stored ? "STORED" : "VIRTUAL");
                defaultValue = null;
            }
            Map<String, String> attributes = new TreeMap<>();
            String onUpdate = MysqlNormalizer.onUpdate(extra);
            if (onUpdate != null) {
                attributes.put(MysqlAttributes.ON_UPDATE, onUpdate);
            }
            if (extraLower.contains("invisible")) {
                attributes.put(MysqlAttributes.INVISIBLE, "true");
            }
            String collation = text(row, "COLLATION_NAME");
            if (collation != null && collation.equals(table.collation)) {
                collation = null;
            }
            table.columns.add(new Column(row.getString("COLUMN_NAME"),
                    MysqlNormalizer.columnType(row.getString("COLUMN_TYPE")),
                    "YES".equals(row.getString("IS_NULLABLE")), defaultValue,
                    extraLower.contains("auto_increment") ? "AUTO_INCREMENT" : null, generated, collation,
                    text(row, "COLUMN_COMMENT"), attributes));
        });
    }

    private void readIndexes(Map<String, SchemaParts> schemas, String[] scope) throws SQLException {
        Map<String, Map<String, IndexParts>> byTable = new LinkedHashMap<>();
        query("indexes", scope, row -> {
            String schemaName = row.getString("TABLE_SCHEMA");
            String tableName = row.getString("TABLE_NAME");
            if (schemas.get(schemaName).tables.get(tableName) == null) {
                return;
            }
            IndexParts index = byTable.computeIfAbsent(schemaName + "\u0000" + tableName, k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.getString("INDEX_NAME"), k -> new IndexParts());
            index.unique = row.getInt("NON_UNIQUE") == 0;
            index.method = row.getString("INDEX_TYPE");
            index.comment = text(row, "INDEX_COMMENT");
            index.ignored = row.getBoolean("IS_IGNORED");
            int subPart = row.getInt("SUB_PART");
            // MariaDB reports a SUB_PART of 32 for spatial keys, which no index definition can state.
            Integer length = row.wasNull() || "SPATIAL".equals(row.getString("INDEX_TYPE")) ? null : subPart;
            String column = text(row, "COLUMN_NAME");
            String expression = column == null ? MysqlNormalizer.expression(text(row, "EXPRESSION")) : null;
            index.keys.add(new Index.IndexKey(column, expression, "D".equals(row.getString("COLLATION")), null, null,
                    null, length));
        });
        byTable.forEach((key, indexes) -> {
            String[] parts = key.split("\u0000", 2);
            TableParts table = schemas.get(parts[0]).tables.get(parts[1]);
            indexes.forEach((name, index) -> {
                if (name.equals("PRIMARY")) {
                    table.constraints.add(new Constraint("PRIMARY", ConstraintType.PRIMARY_KEY,
                            index.keys.stream().map(Index.IndexKey::column).toList(), null, null, true, Map.of()));
                    return;
                }
                Map<String, String> attributes = new TreeMap<>();
                if (index.ignored) {
                    attributes.put(version.isMariaDb() ? MysqlAttributes.IGNORED : MysqlAttributes.INVISIBLE, "true");
                }
                String first = index.keys.isEmpty() ? null : index.keys.get(0).column();
                table.indexes.add(new Index(name, index.unique, index.method, index.keys, List.of(), null,
                        MysqlNormalizer.isGeneratedIndexName(name, first), index.comment, attributes));
            });
        });
    }

    private void readForeignKeys(Map<String, SchemaParts> schemas, String[] scope) throws SQLException {
        record Key(String schema, String table, String name) {}
        Map<Key, String[]> actions = new LinkedHashMap<>();
        query("referential_actions", scope, row -> actions.put(
                new Key(row.getString("CONSTRAINT_SCHEMA"), row.getString("TABLE_NAME"), row.getString("CONSTRAINT_NAME")),
                new String[] {row.getString("UPDATE_RULE"), row.getString("DELETE_RULE")}));
        Map<Key, List<String[]>> rows = new LinkedHashMap<>();
        query("foreign_keys", scope, row -> rows.computeIfAbsent(
                new Key(row.getString("TABLE_SCHEMA"), row.getString("TABLE_NAME"), row.getString("CONSTRAINT_NAME")),
                k -> new ArrayList<>()).add(new String[] {
                    row.getString("COLUMN_NAME"), row.getString("REFERENCED_TABLE_SCHEMA"),
                    row.getString("REFERENCED_TABLE_NAME"), row.getString("REFERENCED_COLUMN_NAME")}));
        rows.forEach((key, columns) -> {
            TableParts table = schemas.get(key.schema()).tables.get(key.table());
            if (table == null) {
                return;
            }
            String[] first = columns.get(0);
            String[] rules = actions.getOrDefault(key, new String[2]);
            String refSchema = first[1].equals(key.schema()) ? null : first[1];
            ForeignKeyReference reference = new ForeignKeyReference(refSchema, first[2],
                    columns.stream().map(c -> c[3]).toList(), rules[0], rules[1], null);
            table.constraints.add(new Constraint(key.name(), ConstraintType.FOREIGN_KEY,
                    columns.stream().map(c -> c[0]).toList(), null, reference,
                    MysqlNormalizer.isGeneratedConstraintName(key.name(), key.table()), Map.of()));
        });
    }

    private void readChecks(Map<String, SchemaParts> schemas, String[] scope) throws SQLException {
        query("checks", scope, row -> {
            TableParts table = schemas.get(row.getString("TABLE_SCHEMA")).tables.get(row.getString("TABLE_NAME"));
            if (table == null) {
                return;
            }
            String name = row.getString("CONSTRAINT_NAME");
            boolean columnLevel = "Column".equals(row.getString("LEVEL"));
            table.constraints.add(new Constraint(name, ConstraintType.CHECK,
                    columnLevel ? List.of(name) : List.of(),
                    MysqlNormalizer.expression(row.getString("CHECK_CLAUSE")), null,
                    columnLevel || MysqlNormalizer.isGeneratedConstraintName(name, row.getString("TABLE_NAME")),
                    Map.of()));
        });
    }

    private void readPartitions(Map<String, SchemaParts> schemas, String[] scope) throws SQLException {
        List<String> partitioned = new ArrayList<>();
        schemas.values().forEach(s -> s.tables.forEach((name, t) -> {
            if (t.partitioned) {
                partitioned.add(name);
            }
        }));
        if (partitioned.isEmpty()) {
            return;
        }
        query("partitions", scope, partitioned.toArray(String[]::new), row -> {
            TableParts table = schemas.get(row.getString("TABLE_SCHEMA")).tables.get(row.getString("TABLE_NAME"));
            if (table == null || !table.partitioned) {
                return;
            }
            String method = row.getString("PARTITION_METHOD");
            String name = row.getString("PARTITION_NAME");
            String subpartition = text(row, "SUBPARTITION_NAME");
            List<String> named = table.subpartitions.computeIfAbsent(name, k -> new ArrayList<>());
            // Subpartitions the server named itself (p0sp0, p0sp1, ...) follow from SUBPARTITIONS n.
            if (subpartition != null) {
                if (!subpartition.equals(name + "sp" + named.size())) {
                    table.subpartitionsNamed = true;
                }
                named.add(subpartition);
            }
            if (table.partitions.stream().anyMatch(p -> p.name().equals(name))) {
                return; // one row per subpartition
            }
            String description = text(row, "PARTITION_DESCRIPTION");
            String bound = description == null ? null
                    : method.startsWith("RANGE") ? "VALUES LESS THAN (" + description + ")"
                    : method.startsWith("LIST") ? "VALUES IN (" + description + ")" : description;
            table.partitions.add(new Partition(name, bound, text(row, "PARTITION_COMMENT")));
        });
        for (Map.Entry<String, SchemaParts> s : schemas.entrySet()) {
            for (Map.Entry<String, TableParts> entry : s.getValue().tables.entrySet()) {
                TableParts t = entry.getValue();
                if (!t.partitioned) {
                    continue;
                }
                t.partitionKey = partitionClause(s.getKey(), entry.getKey());
                if (t.subpartitionsNamed) {
                    // Subpartitions named by hand are listed in their partition's definition.
                    t.partitions.replaceAll(p -> new Partition(p.name(), nullToEmpty(p.bound())
                            + t.subpartitions.get(p.name()).stream().map(n -> "SUBPARTITION `" + n.replace("`", "``") + "`")
                                    .collect(Collectors.joining(", ", " (", ")")), p.comment()));
                }
            }
        }
    }

    /**
     * The partitioning of a table as SHOW CREATE TABLE prints it, without the list of partitions:
     * information_schema.PARTITIONS has neither KEY's ALGORITHM nor a SUBPARTITIONS count, and
     * only this text says whether the partitions were listed or counted ({@code PARTITIONS 4}).
     */
    private String partitionClause(String schema, String table) throws SQLException {
        String create;
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SHOW CREATE TABLE `" + schema.replace("`", "``") + "`.`"
                        + table.replace("`", "``") + "`")) {
            r.next();
            create = r.getString(2);
        }
        return MysqlNormalizer.partitionClause(create);
    }

    private void readViews(Map<String, SchemaParts> schemas, String[] scope) throws SQLException {
        query("views", scope, row -> {
            String schemaName = row.getString("TABLE_SCHEMA");
            Map<String, String> attributes = new TreeMap<>();
            String checkOption = row.getString("CHECK_OPTION");
            if (checkOption != null && !checkOption.equals("NONE")) {
                attributes.put(MysqlAttributes.CHECK_OPTION, checkOption);
            }
            attributes.put(MysqlAttributes.SECURITY, row.getString("SECURITY_TYPE"));
            String algorithm = text(row, "ALGORITHM");
            if (algorithm != null && !algorithm.equals("UNDEFINED")) {
                attributes.put(MysqlAttributes.ALGORITHM, algorithm);
            }
            schemas.get(schemaName).views.add(new View(row.getString("TABLE_NAME"), false,
                    MysqlNormalizer.viewDefinition(row.getString("VIEW_DEFINITION"), schemaName),
                    row.getString("DEFINER"), null, List.of(), attributes, List.of(),
                    MysqlNormalizer.viewReads(row.getString("VIEW_DEFINITION"))));
        });
        if (version.isMariaDb()) {
            ShowCreate show = new ShowCreate(connection);
            for (Map.Entry<String, SchemaParts> s : schemas.entrySet()) {
                s.getValue().views.replaceAll(v -> {
                    String query = exactly(() -> show.viewQuery(s.getKey(), v.name()));
                    return query == null ? v : new View(v.name(), v.materialized(),
                            MysqlNormalizer.viewDefinition(query, s.getKey()), v.owner(), v.comment(), v.indexes(),
                            v.attributes(), v.grants(), v.reads());
                });
            }
        }
    }

    /** Text read through SHOW CREATE, or null when the account may not run it (information_schema's copy stays). */
    private static String exactly(ShowCreateCall call) {
        try {
            return call.read();
        } catch (SQLException e) {
            return null;
        }
    }

    @FunctionalInterface
    private interface ShowCreateCall {
        String read() throws SQLException;
    }

    private void readTriggers(Map<String, SchemaParts> schemas, String[] scope) throws SQLException {
        query("triggers", scope, row -> {
            TableParts table = schemas.get(row.getString("TRIGGER_SCHEMA")).tables
                    .get(row.getString("EVENT_OBJECT_TABLE"));
            if (table == null) {
                return;
            }
            Map<String, String> attributes = new TreeMap<>();
            attributes.put(MysqlAttributes.ACTION_ORDER, row.getString("ACTION_ORDER"));
            attributes.put(MysqlAttributes.SQL_MODE, row.getString("SQL_MODE"));
            table.triggers.add(new Trigger(row.getString("TRIGGER_NAME"), row.getString("ACTION_TIMING"),
                    List.of(row.getString("EVENT_MANIPULATION")), row.getString("ACTION_ORIENTATION"),
                    row.getString("ACTION_STATEMENT"), null, null, attributes));
        });
        ShowCreate show = new ShowCreate(connection);
        for (Map.Entry<String, SchemaParts> s : schemas.entrySet()) {
            for (TableParts t : s.getValue().tables.values()) {
                t.triggers.replaceAll(g -> new Trigger(g.name(), g.timing(), g.events(), g.level(),
                        TextNormalizer.body(!version.isMariaDb() ? g.action() : ShowCreate.exactTail(
                                exactly(() -> show.triggerStatement(s.getKey(), g.name())), g.action())),
                        g.when(), g.comment(), g.attributes()));
            }
        }
    }

    private void readRoutines(Map<String, SchemaParts> schemas, String[] scope, List<UnmodelledObject> unmodelled)
            throws SQLException {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        Map<String, List<String>> signatures = new LinkedHashMap<>();
        query("parameters", scope, row -> {
            String key = row.getString("SPECIFIC_SCHEMA") + "\u0000" + row.getString("ROUTINE_TYPE") + "\u0000"
                    + row.getString("SPECIFIC_NAME");
            String type = MysqlNormalizer.columnType(row.getString("DTD_IDENTIFIER"));
            String mode = text(row, "PARAMETER_MODE");
            String name = "`" + row.getString("PARAMETER_NAME").replace("`", "``") + "` " + type;
            parameters.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(mode == null || row.getString("ROUTINE_TYPE").equals("FUNCTION") ? name : mode + " " + name);
            signatures.computeIfAbsent(key, k -> new ArrayList<>()).add(type);
        });
        CatalogRows.RowReader routine = row -> {
            String schemaName = row.getString("ROUTINE_SCHEMA");
            String name = row.getString("ROUTINE_NAME");
            String type = row.getString("ROUTINE_TYPE");
            if (!type.equals("FUNCTION") && !type.equals("PROCEDURE")) {
                unmodelled.add(new UnmodelledObject(type.toLowerCase(Locale.ROOT), schemaName + "." + name));
                return;
            }
            String key = schemaName + "\u0000" + type + "\u0000" + name;
            Map<String, String> attributes = new TreeMap<>();
            attributes.put(MysqlAttributes.DETERMINISTIC, "YES".equals(row.getString("IS_DETERMINISTIC")) ? "true" : "false");
            attributes.put(MysqlAttributes.DATA_ACCESS, row.getString("SQL_DATA_ACCESS"));
            attributes.put(MysqlAttributes.SECURITY, row.getString("SECURITY_TYPE"));
            attributes.put(MysqlAttributes.SQL_MODE, row.getString("SQL_MODE"));
            String paramList = row.getString("PARAM_LIST");
            String returns = !type.equals("FUNCTION") ? null
                    : paramList != null ? row.getString("RETURNS").strip()
                    : MysqlNormalizer.columnType(row.getString("DTD_IDENTIFIER"));
            // The parameter list exactly as written: the dump prints it so.
            String arguments = paramList != null ? paramList
                    : String.join(", ", parameters.getOrDefault(key, List.of()));
            // A body from mysql.proc is kept to the byte, as the dump shows it; information_schema's
            // has been converted already and is only normalised.
            String body = paramList != null ? row.getString("ROUTINE_DEFINITION")
                    : TextNormalizer.body(row.getString("ROUTINE_DEFINITION"));
            schemas.get(schemaName).routines.add(new Routine(name,
                    type.equals("FUNCTION") ? Routine.Kind.FUNCTION : Routine.Kind.PROCEDURE,
                    String.join(", ", signatures.getOrDefault(key, List.of())), arguments, returns, "SQL",
                    body, row.getString("DEFINER"),
                    text(row, "ROUTINE_COMMENT"), attributes, List.of()));
        };
        if (version.isMariaDb()) {
            try {
                query("routines.mariadb", scope, routine);
                return;
            } catch (SQLException e) {
                // No SELECT on mysql.proc: information_schema still shows the routines, less exactly.
                if (e.getErrorCode() != ER_TABLEACCESS_DENIED) {
                    throw e;
                }
            }
        }
        query("routines", scope, routine);
    }

    private void readEvents(Map<String, SchemaParts> schemas, String[] scope) throws SQLException {
        query("events", scope, row -> {
            String schedule = "ONE TIME".equals(row.getString("EVENT_TYPE"))
                    ? "AT '" + row.getString("EXECUTE_AT") + "'"
                    : "EVERY " + row.getString("INTERVAL_VALUE") + " " + row.getString("INTERVAL_FIELD");
            String starts = text(row, "STARTS");
            if (starts != null && !row.getBoolean("STARTS_AT_CREATION")) {
                schedule += " STARTS '" + starts + "'";
            }
            String ends = text(row, "ENDS");
            if (ends != null) {
                schedule += " ENDS '" + ends + "'";
            }
            schemas.get(row.getString("EVENT_SCHEMA")).events.add(new Event(row.getString("EVENT_NAME"), schedule,
                    row.getString("STATUS"), row.getString("ON_COMPLETION"),
                    row.getString("EVENT_DEFINITION"), row.getString("DEFINER"),
                    text(row, "EVENT_COMMENT"), Map.of(MysqlAttributes.SQL_MODE, row.getString("SQL_MODE"))));
        });
        ShowCreate show = new ShowCreate(connection);
        for (Map.Entry<String, SchemaParts> s : schemas.entrySet()) {
            s.getValue().events.replaceAll(e -> new Event(e.name(), e.schedule(), e.status(), e.onCompletion(),
                    TextNormalizer.body(!version.isMariaDb() ? e.body() : ShowCreate.exactTail(
                            exactly(() -> show.eventStatement(s.getKey(), e.name())), e.body())),
                    e.owner(), e.comment(), e.attributes()));
        }
    }

    private void readGrants(Map<String, SchemaParts> schemas, String[] scope) throws SQLException {
        query("schema_privileges", scope, row -> schemas.get(row.getString("TABLE_SCHEMA")).grants.add(
                new Grant(row.getString("GRANTEE"), row.getString("PRIVILEGE_TYPE"),
                        "YES".equals(row.getString("IS_GRANTABLE")))));
        query("table_privileges", scope, row -> {
            TableParts table = schemas.get(row.getString("TABLE_SCHEMA")).tables.get(row.getString("TABLE_NAME"));
            if (table != null) {
                table.grants.add(new Grant(row.getString("GRANTEE"), row.getString("PRIVILEGE_TYPE"),
                        "YES".equals(row.getString("IS_GRANTABLE"))));
            }
        });
    }

    /**
     * InnoDB creates an index for a foreign key that no index serves, named after the constraint:
     * the database chose it, so two environments that differ only in its name do not differ. A
     * UNIQUE key under the constraint's name is the schema's own: InnoDB never makes one.
     */
    private static List<Index> markForeignKeyIndexes(TableParts t) {
        Map<String, List<String>> foreignKeys = new HashMap<>();
        t.constraints.stream().filter(c -> c.type() == ConstraintType.FOREIGN_KEY)
                .forEach(c -> foreignKeys.put(c.name(), c.columns()));
        return t.indexes.stream().map(i -> !i.unique() && !i.generatedName()
                && i.keys().stream().map(Index.IndexKey::column).toList().equals(foreignKeys.get(i.name()))
                ? new Index(i.name(), i.unique(), i.method(), i.keys(), i.include(), i.predicate(), true, i.comment(),
                        i.attributes())
                : i).toList();
    }

    private static List<Schema> assemble(Map<String, SchemaParts> schemas) {
        Set<RelationName> relations = new HashSet<>();
        schemas.forEach((schemaName, s) -> {
            s.tables.keySet().forEach(t -> relations.add(new RelationName(schemaName, t)));
            s.views.forEach(v -> relations.add(new RelationName(schemaName, v.name())));
        });
        List<Schema> out = new ArrayList<>();
        schemas.forEach((schemaName, s) -> {
            List<View> views = s.views.stream().map(v -> new View(v.name(), v.materialized(), v.definition(),
                    v.owner(), v.comment(), v.indexes(), v.attributes(), v.grants(),
                    v.reads().stream().filter(relations::contains).toList())).toList();
            List<Table> tables = new ArrayList<>();
            s.tables.forEach((name, t) -> tables.add(new Table(name, null, t.comment, t.columns, t.constraints,
                    markForeignKeyIndexes(t), t.triggers, List.of(), t.partitionKey, null, null, t.partitions, List.of(),
                    t.attributes, t.grants)));
            out.add(new Schema(schemaName, null, null, tables, views, List.of(), List.of(), s.routines, s.events,
                    s.attributes, s.grants, List.of()));
        });
        return out;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
