package dev.driftgate.scenario;

import dev.driftgate.DriftgateException;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.Dialects;
import dev.driftgate.provision.ServerFamily;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.filter.ChangeSetFilter;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.LabelChangeSetFilter;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.OfflineConnection;
import liquibase.exception.LiquibaseException;
import liquibase.exception.RollbackImpossibleException;
import liquibase.exception.ValidationErrors;
import liquibase.logging.core.NoOpLogService;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.sql.Sql;
import liquibase.sql.visitor.SqlVisitor;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;

/**
 * Liquibase XML, YAML and JSON changelogs (and formatted SQL ones they include), read by Liquibase
 * itself: its parser follows include and includeAll, and its SQL generators render each changeset's
 * SQL and rollback for the scenario's dialect without a database, as {@code update-sql} does. Each
 * changeset becomes one migration numbered in changelog order, at its own file and line.
 */
final class LiquibaseChangelog {

    /** Put on the first line of a changeset with {@code runInTransaction="false"}: the loaders' marker for it. */
    static final String NO_TRANSACTION_MARKER = "-- driftgate:no-transaction";

    private LiquibaseChangelog() {}

    /**
     * @param root the directory includes are resolved against (Liquibase's search path)
     * @param changelog the master changelog, relative to {@code root}
     * @param contexts Liquibase's context expression, or null for every changeset
     * @param labels Liquibase's label expression, or null for every changeset
     */
    // Synchronized: Liquibase keeps its scope and factories in globals (SingletonScopeManager).
    static synchronized List<Migration> read(Path root, String changelog, String dialectName, String contexts,
            String labels) {
        Dialect dialect = Dialects.byName(dialectName);
        try {
            return Scope.child(Map.of(Scope.Attr.logService.name(), new NoOpLogService()),
                    () -> readQuietly(root, changelog, dialect, contexts, labels));
        } catch (DriftgateException e) {
            throw e;
        } catch (Exception e) {
            throw new DriftgateException(root.resolve(changelog) + ": " + oneLine(e), e);
        }
    }

    private static List<Migration> readQuietly(Path root, String changelog, Dialect dialect, String contexts,
            String labels) throws Exception {
        ResourceAccessor resources;
        try {
            resources = new DirectoryResourceAccessor(root);
        } catch (FileNotFoundException e) {
            throw new DriftgateException(root + ": migrations directory not found", e);
        }
        Database database = offlineDatabase(dialect, resources);
        DatabaseChangeLog log;
        try {
            log = ChangeLogParserFactory.getInstance().getParser(changelog, resources)
                    .parse(changelog, new ChangeLogParameters(database), resources);
        } catch (LiquibaseException e) {
            throw new DriftgateException(placed(root, changelog, oneLine(e)), e);
        }
        List<ChangeSetFilter> filters = new ArrayList<>();
        filters.add(new DbmsChangeSetFilter(database));
        if (contexts != null) {
            filters.add(new ContextChangeSetFilter(new Contexts(contexts)));
        }
        if (labels != null) {
            filters.add(new LabelChangeSetFilter(new LabelExpression(labels)));
        }
        Map<Path, ChangeSetPositions> positions = new HashMap<>();
        List<Migration> out = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        int ordinal = 0;
        for (ChangeSet changeSet : log.getChangeSets()) {
            // Numbered before contexts and labels filter, so that a version names the same changeset
            // whatever the contexts (the parser has already left out those of another dbms).
            ordinal++;
            Path file = root.resolve(changeSet.getFilePath()).normalize();
            int line = positions.computeIfAbsent(file, ChangeSetPositions::of).next(changeSet.getId());
            String first = seen.putIfAbsent(file + "::" + name(changeSet), file + ":" + line);
            if (first != null) {
                throw new DriftgateException(file + ":" + line + ": changeset " + name(changeSet)
                        + ": a second changeset with this author and id (the first is at " + first + ")");
            }
            if (!filters.stream().allMatch(f -> f.accepts(changeSet).isAccepted())) {
                continue;
            }
            String where = file + ":" + line + ": changeset " + name(changeSet);
            Rendered up = render(changeSet, changeSet.getChanges(), false, database, dialect, where);
            String upSql = (changeSet.isRunInTransaction() ? "" : NO_TRANSACTION_MARKER + "\n") + up.sql;
            Script down = rollback(changeSet, database, dialect, where)
                    .map(sql -> new Script(file, sql, line)).orElse(null);
            out.add(new Migration(String.valueOf(ordinal), name(changeSet), new Script(file, upSql, line), down));
        }
        return out;
    }

    /** {@code author:id}, as the formatted SQL layout names a changeset. */
    private static String name(ChangeSet changeSet) {
        return changeSet.getAuthor() + ":" + changeSet.getId();
    }

    /**
     * The rollback: the changeset's own {@code rollback} (an empty one says there is nothing to undo),
     * else what Liquibase generates from its changes in reverse order, else none.
     */
    private static java.util.Optional<String> rollback(ChangeSet changeSet, Database database, Dialect dialect,
            String where) {
        List<Change> own = changeSet.getRollback().getChanges();
        if (!own.isEmpty()) {
            Rendered r = render(changeSet, own, true, database, dialect, where + " (rollback)");
            return java.util.Optional.of(r.sql.isEmpty() ? "-- an empty rollback: nothing to undo\n" : r.sql);
        }
        List<String> statements = new ArrayList<>();
        List<Change> changes = new ArrayList<>(changeSet.getChanges());
        Collections.reverse(changes);
        for (Change change : changes) {
            if (change instanceof TagDatabaseChange) {
                continue;
            }
            if (!change.supportsRollback(database)) {
                return java.util.Optional.empty();
            }
            try {
                for (SqlStatement statement : change.generateRollbackStatements(database)) {
                    statements.addAll(sql(changeSet, statement, true, database, where + " (rollback)"));
                }
            } catch (RollbackImpossibleException e) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(statements.isEmpty() ? "-- an empty rollback: nothing to undo\n"
                : dialect.scriptOf(statements));
    }

    private record Rendered(String sql) {}

    private static Rendered render(ChangeSet changeSet, List<Change> changes, boolean rollback, Database database,
            Dialect dialect, String where) {
        List<String> statements = new ArrayList<>();
        for (Change change : changes) {
            // tagDatabase writes to Liquibase's own DATABASECHANGELOG, which a gate's database has not.
            if (change instanceof TagDatabaseChange) {
                continue;
            }
            ValidationErrors errors = change.validate(database);
            if (errors.hasErrors()) {
                throw new DriftgateException(where + ": " + String.join("; ", errors.getErrorMessages()));
            }
            for (SqlStatement statement : change.generateStatements(database)) {
                statements.addAll(sql(changeSet, statement, rollback, database, where));
            }
        }
        return new Rendered(statements.isEmpty() ? "" : dialect.scriptOf(statements));
    }

    /** One statement's SQL, with the changeset's modifySql applied as Liquibase applies it. */
    private static List<String> sql(ChangeSet changeSet, SqlStatement statement, boolean rollback, Database database,
            String where) {
        Sql[] generated;
        try {
            generated = SqlGeneratorFactory.getInstance().generateSql(statement, database);
        } catch (RuntimeException e) {
            throw new DriftgateException(where + ": Liquibase cannot render " + statement.getClass().getSimpleName()
                    + " without a database: " + oneLine(e), e);
        }
        List<String> out = new ArrayList<>();
        for (Sql sql : generated == null ? new Sql[0] : generated) {
            String text = sql.toSql();
            for (SqlVisitor visitor : changeSet.getSqlVisitors()) {
                boolean dbms = visitor.getApplicableDbms() == null || visitor.getApplicableDbms().isEmpty()
                        || visitor.getApplicableDbms().contains(database.getShortName());
                if (dbms && (!rollback || visitor.isApplyToRollback())) {
                    text = visitor.modifySql(text, database);
                }
            }
            if (text != null && !text.isBlank()) {
                out.add(text);
            }
        }
        return out;
    }

    /** An offline database of Liquibase's for the dialect's servers: SQL is rendered, never run. */
    private static Database offlineDatabase(Dialect dialect, ResourceAccessor resources) {
        Database database = DatabaseFactory.getInstance().getDatabase(ServerFamily.of(dialect).liquibaseDatabase());
        String url = "offline:" + database.getShortName() + "?outputLiquibaseSql=none&outputDefaultSchema=false"
                + "&outputDefaultCatalog=false";
        database.setConnection(new OfflineConnection(url, resources));
        database.setOutputDefaultSchema(false);
        database.setOutputDefaultCatalog(false);
        return database;
    }

    private static final Pattern PARSE_ERROR = Pattern.compile("Error parsing line (\\d+) column \\d+ of (\\S+?): (.*)");

    /** A parse error Liquibase places by line (XML schema validation) is named by the changeset it falls in. */
    private static String placed(Path root, String changelog, String message) {
        Matcher m = PARSE_ERROR.matcher(message);
        if (m.find()) {
            Path file = root.resolve(m.group(2)).normalize();
            int line = Integer.parseInt(m.group(1));
            String changeSet = Files.isRegularFile(file) ? ChangeSetPositions.of(file).enclosing(line) : "";
            return file + ":" + line + ": " + (changeSet.isEmpty() ? "" : changeSet + ": ") + m.group(3);
        }
        return root.resolve(changelog) + ": " + message;
    }

    /** The outermost message that says something, on one line (Liquibase's name file and line where it knows them). */
    static String oneLine(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                // Liquibase wraps a cause's message with its class name in front: keep the words.
                return t.getMessage().strip().replaceAll("^([a-z]\\w*\\.)+\\w+(Exception|Error): ", "")
                        .replaceAll("\\s*\\R\\s*", " ");
            }
        }
        return e.getClass().getSimpleName();
    }
}
