package dev.driftgate.dialect.postgres;

import static dev.driftgate.dialect.CatalogRows.ints;
import static dev.driftgate.dialect.CatalogRows.query;
import static dev.driftgate.dialect.CatalogRows.strings;
import static dev.driftgate.dialect.CatalogRows.text;

import dev.driftgate.dialect.QueryResources;
import dev.driftgate.dialect.TextNormalizer;
import dev.driftgate.schema.Column;
import dev.driftgate.schema.Constraint.ConstraintType;
import dev.driftgate.schema.Constraint.ForeignKeyReference;
import dev.driftgate.schema.Constraint;
import dev.driftgate.schema.Dependency;
import dev.driftgate.schema.Extension;
import dev.driftgate.schema.Grant;
import dev.driftgate.schema.Index;
import dev.driftgate.schema.Policy;
import dev.driftgate.schema.RelationName;
import dev.driftgate.schema.Routine;
import dev.driftgate.schema.Schema;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.Sequence;
import dev.driftgate.schema.Table;
import dev.driftgate.schema.Trigger;
import dev.driftgate.schema.UnmodelledObject;
import dev.driftgate.schema.TextObject;
import dev.driftgate.schema.UserType;
import dev.driftgate.schema.View;
import dev.driftgate.sql.ServerVersion;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a PostgreSQL database with one bulk catalog query per object kind (never one per table),
 * then assembles the canonical model.
 */
final class PostgresIntrospector {

    private final Connection connection;
    private final ServerVersion version;

    /** Everything read about one table before it becomes a record. */
    private static final class TableParts {
        String owner;
        String comment;
        String partitionKey;
        String partitionOf;
        String partitionBound;
        List<String> inherits = List.of();
        Map<String, String> attributes = new TreeMap<>();
        List<Grant> grants = List.of();
        final List<Column> columns = new ArrayList<>();
        final List<Constraint> constraints = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<Trigger> triggers = new ArrayList<>();
        final List<Policy> policies = new ArrayList<>();
    }

    /** Everything read about one schema before it becomes a record. */
    private static final class SchemaParts {
        String owner;
        String comment;
        List<Grant> grants = List.of();
        final Map<String, TableParts> tables = new LinkedHashMap<>();
        final List<View> views = new ArrayList<>();
        final Map<String, List<Index>> viewIndexes = new HashMap<>();
        final List<Sequence> sequences = new ArrayList<>();
        final List<UserType> types = new ArrayList<>();
        final Map<String, List<Column>> compositeFields = new HashMap<>();
        final Map<String, List<Constraint>> domainConstraints = new HashMap<>();
        final List<Routine> routines = new ArrayList<>();
        final List<TextObject> textObjects = new ArrayList<>();
    }

    PostgresIntrospector(Connection connection, ServerVersion version) {
        this.connection = connection;
        this.version = version;
    }

    SchemaSnapshot read(List<String> wantedSchemas) throws SQLException {
        Map<String, SchemaParts> schemas = readSchemas(wantedSchemas);
        String[] scope = schemas.keySet().toArray(String[]::new);
        readTables(schemas, scope);
        readColumns(schemas, scope);
        readConstraints(schemas, scope);
        readIndexes(schemas, scope);
        readViews(schemas, scope);
        readSequences(schemas, scope);
        readTypes(schemas, scope);
        readRoutines(schemas, scope);
        readTriggers(schemas, scope);
        readPolicies(schemas, scope);
        readTextObjects(schemas, scope);
        List<Extension> extensions = new ArrayList<>();
        query(connection, sql("extensions"), row -> extensions.add(
                new Extension(row.getString("name"), row.getString("version"), row.getString("schema_name"))));
        List<UnmodelledObject> unmodelled = new ArrayList<>();
        query(connection, sql("unmodelled"), row -> unmodelled.add(
                new UnmodelledObject(row.getString("kind"), row.getString("name"))), (Object) scope);
        List<Dependency> dependencies = new ArrayList<>();
        query(connection, sql("dependencies"), row -> dependencies.add(new Dependency(
                row.getString("dependent"), row.getString("referenced"))), scope, scope, scope, scope, scope, scope);
        return new SchemaSnapshot(SchemaSnapshot.FORMAT_VERSION, PostgresDialect.NAME,
                assemble(schemas), extensions, unmodelled, null, dependencies);
    }

    private String sql(String name) {
        if (name.equals("routines") && version.major() <= 13) {
            return QueryResources.load(PostgresIntrospector.class, "routines@13");
        }
        return QueryResources.load(PostgresIntrospector.class, name);
    }

    private Map<String, SchemaParts> readSchemas(List<String> wanted) throws SQLException {
        Map<String, SchemaParts> all = new LinkedHashMap<>();
        query(connection, sql("schemas"), row -> {
            SchemaParts parts = new SchemaParts();
            parts.owner = row.getString("owner");
            parts.comment = text(row, "comment");
            parts.grants = PostgresAcl.grants(strings(row, "acl"), parts.owner);
            all.put(row.getString("name"), parts);
        });
        if (wanted.isEmpty()) {
            return all;
        }
        Map<String, SchemaParts> chosen = new LinkedHashMap<>();
        for (String name : wanted) {
            SchemaParts parts = all.get(name);
            if (parts == null) {
                throw new IllegalArgumentException("schema '" + name + "' does not exist; the database has "
                        + String.join(", ", all.keySet()));
            }
            chosen.put(name, parts);
        }
        return chosen;
    }

    private void readTables(Map<String, SchemaParts> schemas, String[] scope) throws SQLException {
        query(connection, sql("tables"), row -> {
            TableParts t = new TableParts();
            t.owner = row.getString("owner");
            t.comment = text(row, "comment");
            t.partitionKey = text(row, "partition_key");
            t.partitionOf = text(row, "partition_of");
            t.partitionBound = text(row, "partition_bound");
            t.inherits = strings(row, "inherits");
            if ("u".equals(row.getString("relpersistence"))) {
                t.attributes.put(PostgresAttributes.UNLOGGED, "true");
            }
            if (row.getBoolean("relrowsecurity")) {
                t.attributes.put(PostgresAttributes.ROW_SECURITY, "enabled");
            }
            if (row.getBoolean("relforcerowsecurity")) {
                t.attributes.put(PostgresAttributes.FORCE_ROW_SECURITY, "true");
            }
            putIfPresent(t.attributes, PostgresAttributes.REPLICA_IDENTITY,
                    replicaIdentity(row.getString("relreplident"), text(row, "replica_index")));
            putIfPresent(t.attributes, PostgresAttributes.STORAGE_PARAMETERS, text(row, "options"));
            String accessMethod = text(row, "access_method");
            if (accessMethod != null && !accessMethod.equals("heap")) {
                t.attributes.put(PostgresAttributes.ACCESS_METHOD, accessMethod);
            }
            putIfPresent(t.attributes, PostgresAttributes.TABLESPACE, text(row, "tablespace"));
            t.grants = PostgresAcl.grants(strings(row, "acl"), t.owner);
            schemas.get(row.getString("schema_name")).tables.put(row.getString("name"), t);
        }, (Object) scope);
    }

    private void readColumns(Map<String, SchemaParts> schemas, String[] scope) throws SQLException {
        query(connection, sql("columns"), row -> {
            SchemaParts schema = schemas.get(row.getString("schema_name"));
            String relation = row.getString("relation_name");
            String type = row.getString("type");
            String identity = switch (row.getString("identity")) {
                case "a" -> "ALWAYS";
                case "d" -> "BY DEFAULT";
                default -> null;
            };
            String defaultExpr = PostgresNormalizer.defaultExpression(text(row, "default_expr"), type);
            Column.GeneratedColumn generated = null;
            String generatedKind = row.getString("generated");
            if (generatedKind != null && !generatedKind.isEmpty()) {
                generated = new Column.GeneratedColumn(defaultExpr, "v".equals(generatedKind) ? "VIRTUAL" : "STORED");
                defaultExpr = null;
            }
            Map<String, String> attributes = new TreeMap<>();
            if (!row.getBoolean("is_local")) {
                attributes.put(PostgresAttributes.INHERITED, "true");
            }
            String identityOptions = text(row, "identity_options");
            if (identityOptions != null && !identityOptions.isEmpty()) {
                attributes.put(PostgresAttributes.IDENTITY_OPTIONS, identityOptions);
            }
            putIfPresent(attributes, PostgresAttributes.STATISTICS, text(row, "statistics"));
            Column column = new Column(row.getString("name"), type, !row.getBoolean("not_null"), defaultExpr,
                    identity, generated, text(row, "collation"), text(row, "comment"), attributes);
            if ("c".equals(row.getString("relkind"))) {
                schema.compositeFields.computeIfAbsent(relation, k -> new ArrayList<>()).add(column);
            } else {
                TableParts table = schema.tables.get(relation);
                if (table != null) {
                    table.columns.add(column);
                }
            }
        }, (Object) scope);
    }

    private void readConstraints(Map<String, SchemaParts> schemas, String[] scope) throws SQLException {
        query(connection, sql("constraints"), row -> {
            String schemaName = row.getString("schema_name");
            String tableName = row.getString("table_name");
            TableParts table = schemas.get(schemaName).tables.get(tableName);
            if (table == null) {
                return;
            }
            ConstraintType type = switch (row.getString("contype")) {
                case "p" -> ConstraintType.PRIMARY_KEY;
                case "u" -> ConstraintType.UNIQUE;
                case "f" -> ConstraintType.FOREIGN_KEY;
                case "x" -> ConstraintType.EXCLUSION;
                default -> ConstraintType.CHECK;
            };
            String name = row.getString("name");
            ForeignKeyReference reference = null;
            if (type == ConstraintType.FOREIGN_KEY) {
                String refSchema = row.getString("ref_schema");
                reference = new ForeignKeyReference(refSchema.equals(schemaName) ? null : refSchema,
                        row.getString("ref_table"), strings(row, "ref_columns"),
                        action(row.getString("confupdtype")), action(row.getString("confdeltype")),
                        match(row.getString("confmatchtype")));
            }
            Map<String, String> attributes = new TreeMap<>();
            if (row.getBoolean("condeferrable")) {
                attributes.put(PostgresAttributes.DEFERRABLE, row.getBoolean("condeferred")
                        ? "INITIALLY DEFERRED" : "INITIALLY IMMEDIATE");
            }
            if (!row.getBoolean("convalidated")) {
                attributes.put(PostgresAttributes.NOT_VALID, "true");
            }
            if (row.getBoolean("inherited")) {
                attributes.put(PostgresAttributes.INHERITED, "true");
            }
            putIfPresent(attributes, PostgresAttributes.COMMENT, text(row, "comment"));
            putIfPresent(attributes, PostgresAttributes.INDEX_COMMENT, text(row, "index_comment"));
            if (row.getBoolean("clustered")) {
                attributes.put(PostgresAttributes.CLUSTERED, "true");
            }
            String suffix = switch (type) {
                case PRIMARY_KEY -> "pkey";
                case UNIQUE -> "key";
                case FOREIGN_KEY -> "fkey";
                case EXCLUSION -> "excl";
                case CHECK -> "check";
            };
            table.constraints.add(new Constraint(name, type, strings(row, "columns"),
                    row.getString("definition"), reference,
                    PostgresNormalizer.isGeneratedName(name, tableName, suffix), attributes));
        }, (Object) scope);
    }

    private static String action(String code) {
        return switch (code) {
            case "a" -> "NO ACTION";
            case "r" -> "RESTRICT";
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> code;
        };
    }

    private static String match(String code) {
        return switch (code) {
            case "f" -> "FULL";
            case "p" -> "PARTIAL";
            default -> "SIMPLE";
        };
    }

    private void readIndexes(Map<String, SchemaParts> schemas, String[] scope) throws SQLException {
        query(connection, sql("indexes"), row -> {
            SchemaParts schema = schemas.get(row.getString("schema_name"));
            String tableName = row.getString("table_name");
            String name = row.getString("name");
            int keyCount = row.getInt("key_count");
            int[] attnums = ints(row, "attnums");
            int[] options = ints(row, "key_options");
            List<String> defs = strings(row, "key_defs");
            List<String> columns = strings(row, "key_columns");
            List<String> opclasses = strings(row, "opclasses");
            List<Index.IndexKey> keys = new ArrayList<>();
            List<String> include = new ArrayList<>();
            for (int k = 0; k < attnums.length; k++) {
                if (k >= keyCount) {
                    include.add(columns.get(k));
                    continue;
                }
                boolean expression = attnums[k] == 0;
                int option = k < options.length ? options[k] : 0;
                boolean descending = (option & 1) != 0;
                boolean nullsFirst = (option & 2) != 0;
                String nulls = descending == nullsFirst ? null : nullsFirst ? "FIRST" : "LAST";
                String opclass = k < opclasses.size() ? opclasses.get(k) : null;
                keys.add(new Index.IndexKey(expression ? null : columns.get(k), expression ? defs.get(k) : null,
                        descending, nulls, opclass == null || opclass.isEmpty() ? null : opclass, null, null));
            }
            Map<String, String> attributes = new TreeMap<>();
            if (row.getBoolean("nulls_not_distinct")) {
                attributes.put(PostgresAttributes.NULLS_NOT_DISTINCT, "true");
            }
            if (!row.getBoolean("is_valid")) {
                attributes.put(PostgresAttributes.INVALID, "true");
            }
            if (row.getBoolean("clustered")) {
                attributes.put(PostgresAttributes.CLUSTERED, "true");
            }
            if (row.getBoolean("inherited")) {
                // A partition's share of an index on the partitioned table: created with it.
                attributes.put(PostgresAttributes.INHERITED, "true");
            }
            putIfPresent(attributes, PostgresAttributes.STORAGE_PARAMETERS, text(row, "options"));
            Index index = new Index(name, row.getBoolean("is_unique"), row.getString("method"), keys, include,
                    text(row, "predicate"), PostgresNormalizer.isGeneratedName(name, tableName, "idx")
                            || PostgresNormalizer.isGeneratedName(name, tableName, "key"),
                    text(row, "comment"), attributes);
            if ("m".equals(row.getString("table_kind"))) {
                schema.viewIndexes.computeIfAbsent(tableName, k -> new ArrayList<>()).add(index);
            } else {
                TableParts table = schema.tables.get(tableName);
                if (table != null) {
                    table.indexes.add(index);
                }
            }
        }, (Object) scope);
    }

    private void readViews(Map<String, SchemaParts> schemas, String[] scope) throws SQLException {
        query(connection, sql("views"), row -> {
            Map<String, String> attributes = new TreeMap<>();
            putIfPresent(attributes, PostgresAttributes.STORAGE_PARAMETERS, text(row, "options"));
            List<String> commented = strings(row, "commented_columns");
            List<String> columnComments = strings(row, "column_comments");
            for (int i = 0; i < commented.size(); i++) {
                attributes.put(PostgresAttributes.COLUMN_COMMENT + commented.get(i), columnComments.get(i));
            }
            String owner = row.getString("owner");
            schemas.get(row.getString("schema_name")).views.add(new View(row.getString("name"),
                    row.getBoolean("materialized"),
                    PostgresNormalizer.viewDefinition(TextNormalizer.definition(row.getString("definition"))),
                    owner, text(row, "comment"), List.of(), attributes,
                    PostgresAcl.grants(strings(row, "acl"), owner), reads(row)));
        }, (Object) scope);
    }

    private static List<RelationName> reads(ResultSet row) throws SQLException {
        List<String> schemas = strings(row, "read_schemas");
        List<String> names = strings(row, "read_names");
        List<RelationName> reads = new ArrayList<>(schemas.size());
        for (int i = 0; i < schemas.size(); i++) {
            reads.add(new RelationName(schemas.get(i), names.get(i)));
        }
        return reads;
    }

    private void readSequences(Map<String, SchemaParts> schemas, String[] scope) throws SQLException {
        query(connection, sql("sequences"), row -> {
            String owner = row.getString("owner");
            schemas.get(row.getString("schema_name")).sequences.add(new Sequence(row.getString("name"),
                    row.getString("data_type"), row.getLong("start_value"), row.getLong("increment"),
                    row.getLong("min_value"), row.getLong("max_value"), row.getLong("cache"),
                    row.getBoolean("cycle"), text(row, "owned_by"), owner, text(row, "comment"),
                    PostgresAcl.grants(strings(row, "acl"), owner)));
        }, (Object) scope);
    }

    private void readTypes(Map<String, SchemaParts> schemas, String[] scope) throws SQLException {
        query(connection, sql("domain_constraints"), row -> {
            Map<String, String> attributes = new TreeMap<>();
            if (!row.getBoolean("convalidated")) {
                attributes.put(PostgresAttributes.NOT_VALID, "true");
            }
            String typeName = row.getString("type_name");
            String name = row.getString("name");
            schemas.get(row.getString("schema_name")).domainConstraints
                    .computeIfAbsent(typeName, k -> new ArrayList<>())
                    .add(new Constraint(name, ConstraintType.CHECK, List.of(), row.getString("definition"), null,
                            PostgresNormalizer.isGeneratedName(name, typeName, "check"), attributes));
        }, (Object) scope);
        query(connection, sql("types"), row -> {
            SchemaParts schema = schemas.get(row.getString("schema_name"));
            String name = row.getString("name");
            UserType.Kind kind = switch (row.getString("typtype")) {
                case "e" -> UserType.Kind.ENUM;
                case "d" -> UserType.Kind.DOMAIN;
                default -> UserType.Kind.COMPOSITE;
            };
            String baseType = text(row, "base_type");
            schema.types.add(new UserType(name, kind, strings(row, "labels"), baseType,
                    PostgresNormalizer.defaultExpression(text(row, "default_expr"), baseType),
                    row.getBoolean("not_null"), text(row, "collation"),
                    schema.domainConstraints.getOrDefault(name, List.of()),
                    kind == UserType.Kind.COMPOSITE ? schema.compositeFields.getOrDefault(name, List.of()) : List.of(),
                    row.getString("owner"), text(row, "comment")));
        }, (Object) scope);
    }

    private void readRoutines(Map<String, SchemaParts> schemas, String[] scope) throws SQLException {
        query(connection, sql("routines"), row -> {
            Routine.Kind kind = switch (row.getString("prokind")) {
                case "p" -> Routine.Kind.PROCEDURE;
                case "w" -> Routine.Kind.WINDOW;
                case "a" -> Routine.Kind.AGGREGATE;
                default -> Routine.Kind.FUNCTION;
            };
            String language = row.getString("language");
            Map<String, String> attributes = new TreeMap<>();
            // An aggregate's volatility and the like are its functions'; its definition is its body.
            if (kind != Routine.Kind.PROCEDURE && kind != Routine.Kind.AGGREGATE) {
                attributes.put(PostgresAttributes.VOLATILITY, switch (row.getString("provolatile")) {
                    case "i" -> "IMMUTABLE";
                    case "s" -> "STABLE";
                    default -> "VOLATILE";
                });
                if (row.getBoolean("proisstrict")) {
                    attributes.put(PostgresAttributes.STRICT, "true");
                }
                if (row.getBoolean("proleakproof")) {
                    attributes.put(PostgresAttributes.LEAKPROOF, "true");
                }
                String parallel = row.getString("proparallel");
                if (!"u".equals(parallel)) {
                    attributes.put(PostgresAttributes.PARALLEL, "s".equals(parallel) ? "SAFE" : "RESTRICTED");
                }
                float cost = row.getFloat("procost");
                float defaultCost = language.equals("c") || language.equals("internal") ? 1 : 100;
                if (cost != defaultCost) {
                    attributes.put(PostgresAttributes.COST, formatNumber(cost));
                }
            }
            if (row.getBoolean("prosecdef")) {
                attributes.put(PostgresAttributes.SECURITY, "DEFINER");
            }
            putIfPresent(attributes, PostgresAttributes.CONFIG, text(row, "config"));
            putIfPresent(attributes, PostgresAttributes.LIBRARY, text(row, "library"));
            String owner = row.getString("owner");
            schemas.get(row.getString("schema_name")).routines.add(new Routine(row.getString("name"), kind,
                    row.getString("signature"), row.getString("arguments"), text(row, "returns"), language,
                    // The body exactly as the server keeps it: white space in it is what the function runs
                    // (and what pg_dump shows), so nothing is trimmed.
                    text(row, "body"), owner, text(row, "comment"), attributes,
                    PostgresAcl.grants(strings(row, "acl"), owner)));
        }, (Object) scope);
    }

    private void readTriggers(Map<String, SchemaParts> schemas, String[] scope) throws SQLException {
        query(connection, sql("triggers"), row -> {
            String kind = row.getString("table_kind");
            if (!"r".equals(kind) && !"p".equals(kind)) {
                return; // triggers on views are listed as unmodelled
            }
            TableParts table = schemas.get(row.getString("schema_name")).tables.get(row.getString("table_name"));
            if (table == null) {
                return;
            }
            int bits = row.getInt("type_bits");
            String timing = (bits & 64) != 0 ? "INSTEAD OF" : (bits & 2) != 0 ? "BEFORE" : "AFTER";
            List<String> events = new ArrayList<>();
            if ((bits & 4) != 0) {
                events.add("INSERT");
            }
            if ((bits & 16) != 0) {
                List<String> columns = strings(row, "update_columns");
                events.add(columns.isEmpty() ? "UPDATE" : "UPDATE OF " + String.join(", ", columns));
            }
            if ((bits & 8) != 0) {
                events.add("DELETE");
            }
            if ((bits & 32) != 0) {
                events.add("TRUNCATE");
            }
            String definition = row.getString("definition");
            int execute = definition.lastIndexOf(" EXECUTE FUNCTION ");
            if (execute < 0) {
                execute = definition.lastIndexOf(" EXECUTE PROCEDURE ");
            }
            String action = execute < 0 ? definition : definition.substring(execute + 1);
            String when = null;
            int whenAt = definition.indexOf(" WHEN (");
            if (whenAt >= 0 && execute > whenAt) {
                // Up to the space before EXECUTE: the clause's own closing parenthesis is the last
                // character, and only that one goes (the condition may end in one of its own).
                when = definition.substring(whenAt + " WHEN (".length(), execute).strip();
                if (when.endsWith(")")) {
                    when = when.substring(0, when.length() - 1);
                }
            }
            Map<String, String> attributes = new TreeMap<>();
            String enabled = row.getString("enabled");
            if (!"O".equals(enabled)) {
                attributes.put(PostgresAttributes.ENABLED, switch (enabled) {
                    case "D" -> "DISABLED";
                    case "R" -> "REPLICA";
                    case "A" -> "ALWAYS";
                    default -> enabled;
                });
            }
            String oldTable = row.getString("old_table");
            String newTable = row.getString("new_table");
            if (oldTable != null || newTable != null) {
                attributes.put(PostgresAttributes.REFERENCING, ((oldTable != null ? "OLD TABLE AS " + quoteIdent(oldTable) + " " : "")
                        + (newTable != null ? "NEW TABLE AS " + quoteIdent(newTable) : "")).strip());
            }
            if (row.getBoolean("is_constraint")) {
                attributes.put(PostgresAttributes.CONSTRAINT_TRIGGER, row.getBoolean("deferrable")
                        ? row.getBoolean("initially_deferred") ? "INITIALLY DEFERRED" : "INITIALLY IMMEDIATE"
                        : "NOT DEFERRABLE");
            }
            if (row.getBoolean("inherited")) {
                attributes.put(PostgresAttributes.INHERITED, "true");
            }
            table.triggers.add(new Trigger(row.getString("name"), timing, events,
                    (bits & 1) != 0 ? "ROW" : "STATEMENT", action, when, text(row, "comment"), attributes));
        }, (Object) scope);
    }

    private void readPolicies(Map<String, SchemaParts> schemas, String[] scope) throws SQLException {
        query(connection, sql("policies"), row -> {
            TableParts table = schemas.get(row.getString("schema_name")).tables.get(row.getString("table_name"));
            if (table == null) {
                return;
            }
            String command = switch (row.getString("command")) {
                case "r" -> "SELECT";
                case "a" -> "INSERT";
                case "w" -> "UPDATE";
                case "d" -> "DELETE";
                default -> "ALL";
            };
            table.policies.add(new Policy(row.getString("name"), command, row.getBoolean("permissive"),
                    strings(row, "roles"), text(row, "using_expr"), text(row, "check_expr")));
        }, (Object) scope);
    }

    /** Collations and text search dictionaries and configurations (text_objects.sql: one row each). */
    private void readTextObjects(Map<String, SchemaParts> schemas, String[] scope) throws SQLException {
        query(connection, sql("text_objects"), row -> {
            SchemaParts s = schemas.get(row.getString("schema_name"));
            Map<String, String> attributes = new LinkedHashMap<>();
            List<String> pairs = strings(row, "attributes");
            for (int i = 0; i + 1 < pairs.size(); i += 2) {
                putIfPresent(attributes, pairs.get(i), pairs.get(i + 1));
            }
            TextObject.Kind kind = switch (row.getString("kind")) {
                case "collation" -> TextObject.Kind.COLLATION;
                case "dictionary" -> TextObject.Kind.TEXT_SEARCH_DICTIONARY;
                case "configuration" -> TextObject.Kind.TEXT_SEARCH_CONFIGURATION;
                default -> throw new IllegalStateException("text_objects.sql: unknown kind " + row.getString("kind"));
            };
            s.textObjects.add(new TextObject(row.getString("name"), kind, attributes, row.getString("owner"),
                    text(row, "comment")));
        }, (Object) scope);
    }

    private static List<Schema> assemble(Map<String, SchemaParts> schemas) {
        List<Schema> out = new ArrayList<>();
        schemas.forEach((schemaName, s) -> {
            List<Table> tables = new ArrayList<>();
            s.tables.forEach((name, t) -> tables.add(new Table(name, t.owner, t.comment, t.columns, t.constraints,
                    t.indexes, t.triggers, t.policies, t.partitionKey, t.partitionOf, t.partitionBound, List.of(),
                    t.inherits, t.attributes, t.grants)));
            List<View> views = new ArrayList<>();
            for (View v : s.views) {
                List<Index> indexes = s.viewIndexes.getOrDefault(v.name(), List.of());
                views.add(new View(v.name(), v.materialized(), v.definition(), v.owner(), v.comment(), indexes,
                        v.attributes(), v.grants(), v.reads()));
            }
            out.add(new Schema(schemaName, s.owner, s.comment, tables, views, s.sequences, s.types, s.routines,
                    List.of(), Map.of(), s.grants, s.textObjects));
        });
        return out;
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String formatNumber(float value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Float.toString(value);
    }

    /** pg_class.relreplident as the clause that sets it, or null for DEFAULT (the primary key). */
    private static String replicaIdentity(String code, String index) {
        return switch (code) {
            case "f" -> "FULL";
            case "n" -> "NOTHING";
            case "i" -> index == null ? null : "USING INDEX " + index;
            default -> null;
        };
    }

    /** An identifier as PostgreSQL's quote_ident writes it: quoted unless it is lower-case letters, digits and underscores. */
    private static String quoteIdent(String name) {
        return name.matches("[a-z_][a-z0-9_$]*") ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
