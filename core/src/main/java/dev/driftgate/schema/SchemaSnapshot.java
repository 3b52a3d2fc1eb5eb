package dev.driftgate.schema;

import java.util.List;
import java.util.Optional;

/**
 * What driftgate knows about one database's schema: canonical, immutable and independent of the
 * JDBC driver that read it. Two snapshots of the same schema read from the same server version are
 * equal and serialise to the same bytes, whatever connection they were read through; the schemas
 * they hold are equal whatever the version.
 *
 * @param formatVersion the snapshot file format; readers refuse versions they do not know
 * @param dialect {@code postgresql} or {@code mysql} (MySQL and MariaDB)
 * @param schemas the schemas (MySQL: databases) that were read, sorted by name
 * @param extensions installed extensions (PostgreSQL), sorted by name
 * @param unmodelled objects present in the database that the model does not describe, so that a
 *     diff can say "not compared" instead of pretending they matched
 * @param server the server it was read from, or null for a snapshot of SQL files: plans for it are
 *     proven on the same product and major version. Not part of what a diff compares.
 * @param dependencies which objects need which, from the catalog (PostgreSQL), sorted; planners
 *     order statements with it, and it is never compared
 */
public record SchemaSnapshot(
        int formatVersion,
        String dialect,
        List<Schema> schemas,
        List<Extension> extensions,
        List<UnmodelledObject> unmodelled,
        ServerOrigin server,
        List<Dependency> dependencies) {

    public static final int FORMAT_VERSION = 1;

    public SchemaSnapshot(int formatVersion, String dialect, List<Schema> schemas, List<Extension> extensions,
            List<UnmodelledObject> unmodelled, ServerOrigin server) {
        this(formatVersion, dialect, schemas, extensions, unmodelled, server, List.of());
    }

    public SchemaSnapshot {
        schemas = Canonical.sortedBy(schemas, Schema::name);
        extensions = Canonical.sortedBy(extensions, Extension::name);
        unmodelled = Canonical.sortedBy(unmodelled, UnmodelledObject::sortKey);
        dependencies = dependencies == null ? List.of()
                : dependencies.stream().distinct().sorted(Dependency.ORDER).toList();
    }

    /** A snapshot without dependency records (a dialect whose catalog keeps none). */
    public SchemaSnapshot(int formatVersion, String dialect, List<Schema> schemas, List<Extension> extensions,
            List<UnmodelledObject> unmodelled) {
        this(formatVersion, dialect, schemas, extensions, unmodelled, null, List.of());
    }

    public Optional<Schema> schema(String name) {
        return schemas.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * The same snapshot with one schema renamed. MySQL calls a database a schema, and the same
     * schema lives in databases of different names (a throwaway database, shop_prod, shop_stage).
     */
    public SchemaSnapshot withSchemaRenamed(String from, String to) {
        List<Schema> renamed = schemas.stream()
                .map(s -> s.name().equals(from) ? new Schema(to, s.owner(), s.comment(), s.tables(),
                        s.views().stream().map(v -> v.withReadsRenamed(n -> n.equals(from) ? to : n)).toList(),
                        s.sequences(), s.types(), s.routines(), s.events(), s.attributes(), s.grants(), s.textObjects()) : s)
                .toList();
        return new SchemaSnapshot(formatVersion, dialect, renamed, extensions, unmodelled, server, dependencies);
    }

    /** The same snapshot, recorded as read from a server. */
    public SchemaSnapshot withServer(ServerOrigin origin) {
        return new SchemaSnapshot(formatVersion, dialect, schemas, extensions, unmodelled, origin, dependencies);
    }

    /**
     * The same snapshot with its one schema named {@code name} where a schema is a database (MySQL):
     * the same schema lives in databases of different names (a throwaway database, shop_prod,
     * shop_stage), so snapshots compared or stored across them name it alike. Elsewhere, or with
     * several schemas read, this snapshot.
     */
    public SchemaSnapshot withDatabaseNamed(String name) {
        if (!dialect.equals("mysql") || schemas.size() != 1) {
            return this;
        }
        return withSchemaRenamed(schemas.get(0).name(), name);
    }

    public int tableCount() {
        return schemas.stream().mapToInt(s -> s.tables().size()).sum();
    }
}
