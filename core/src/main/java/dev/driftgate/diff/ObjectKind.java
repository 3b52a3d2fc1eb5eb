package dev.driftgate.diff;

/** The kinds of objects a snapshot models, in the order a report lists them. */
public enum ObjectKind {
    EXTENSION("extension"),
    SCHEMA("schema"),
    COLLATION("collation"),
    TEXT_SEARCH_DICTIONARY("text search dictionary"),
    TEXT_SEARCH_CONFIGURATION("text search configuration"),
    TYPE("type"),
    SEQUENCE("sequence"),
    TABLE("table"),
    COLUMN("column"),
    CONSTRAINT("constraint"),
    INDEX("index"),
    TRIGGER("trigger"),
    POLICY("policy"),
    PARTITION("partition"),
    VIEW("view"),
    ROUTINE("routine"),
    EVENT("event"),
    UNMODELLED("unmodelled object");

    private final String label;

    ObjectKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
