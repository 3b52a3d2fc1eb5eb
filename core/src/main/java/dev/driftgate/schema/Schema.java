package dev.driftgate.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A schema (PostgreSQL) or a database (MySQL/MariaDB) and everything that lives in it.
 *
 * @param textObjects PostgreSQL collations and text search dictionaries and configurations
 */
public record Schema(
        String name,
        String owner,
        String comment,
        List<Table> tables,
        List<View> views,
        List<Sequence> sequences,
        List<UserType> types,
        List<Routine> routines,
        List<Event> events,
        Map<String, String> attributes,
        List<Grant> grants,
        List<TextObject> textObjects) {

    public Schema {
        tables = Canonical.sortedBy(tables, Table::name);
        views = Canonical.sortedBy(views, View::name);
        sequences = Canonical.sortedBy(sequences, Sequence::name);
        types = Canonical.sortedBy(types, UserType::name);
        routines = Canonical.sortedBy(routines, Routine::key);
        events = Canonical.sortedBy(events, Event::name);
        attributes = Canonical.attributes(attributes);
        grants = Canonical.sortedBy(grants, Grant::sortKey);
        textObjects = Canonical.sortedBy(textObjects, TextObject::sortKey);
    }

    public Optional<Table> table(String tableName) {
        return tables.stream().filter(t -> t.name().equals(tableName)).findFirst();
    }

    public Optional<View> view(String viewName) {
        return views.stream().filter(v -> v.name().equals(viewName)).findFirst();
    }
}
