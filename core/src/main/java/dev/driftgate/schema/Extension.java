package dev.driftgate.schema;

/** An installed PostgreSQL extension. */
public record Extension(String name, String version, String schema) {}
