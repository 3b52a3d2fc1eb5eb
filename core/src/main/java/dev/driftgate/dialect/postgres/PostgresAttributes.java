package dev.driftgate.dialect.postgres;

/** Keys of the PostgreSQL-specific attributes that snapshots record in {@code attributes} maps. */
public final class PostgresAttributes {
    public static final String UNLOGGED = "unlogged";
    public static final String ROW_SECURITY = "rowSecurity";
    public static final String FORCE_ROW_SECURITY = "forceRowSecurity";
    /** REPLICA IDENTITY other than DEFAULT: {@code FULL}, {@code NOTHING} or {@code USING INDEX name}. */
    /** An identity column's sequence options that differ from the defaults ({@code START WITH 10 CACHE 20}). */
    public static final String IDENTITY_OPTIONS = "identityOptions";
    /** The shared library of a C-language function ({@code $libdir/plpgsql}); its body is the link symbol. */
    public static final String LIBRARY = "library";
    public static final String REPLICA_IDENTITY = "replicaIdentity";
    public static final String STORAGE_PARAMETERS = "storageParameters";
    public static final String ACCESS_METHOD = "accessMethod";
    public static final String TABLESPACE = "tablespace";
    public static final String INHERITED = "inherited";
    public static final String DEFERRABLE = "deferrable";
    public static final String NOT_VALID = "notValid";
    public static final String COMMENT = "comment";
    public static final String NULLS_NOT_DISTINCT = "nullsNotDistinct";
    public static final String INVALID = "invalid";
    public static final String VOLATILITY = "volatility";
    public static final String STRICT = "strict";
    public static final String LEAKPROOF = "leakproof";
    public static final String PARALLEL = "parallel";
    public static final String COST = "cost";
    public static final String SECURITY = "security";
    public static final String CONFIG = "config";
    public static final String ENABLED = "enabled";
    public static final String CONSTRAINT_TRIGGER = "constraintTrigger";
    /** The index a table is clustered on (ALTER TABLE ... CLUSTER ON): on the index, or on the constraint it backs. */
    public static final String CLUSTERED = "clustered";
    /** Prefix of a view's column comments: {@code columnComment.<column>} holds the comment on that column. */
    public static final String COLUMN_COMMENT = "columnComment.";
    /** A column's statistics target (ALTER COLUMN ... SET STATISTICS), where one is set. */
    public static final String STATISTICS = "statistics";
    /** The comment on the index that backs a primary key, unique or exclusion constraint. */
    public static final String INDEX_COMMENT = "indexComment";
    /** A trigger's transition tables: {@code OLD TABLE AS o NEW TABLE AS n}, as CREATE TRIGGER's REFERENCING says. */
    public static final String REFERENCING = "referencing";

    private PostgresAttributes() {}
}
