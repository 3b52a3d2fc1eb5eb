package dev.driftgate.diff;

/** What about an object changed; ignore rules can suppress single aspects. */
public enum Aspect {
    TYPE("type"),
    NULLABILITY("nullability"),
    DEFAULT("default"),
    IDENTITY("identity"),
    GENERATED("generated expression"),
    COLLATION("collation"),
    COMMENT("comment"),
    OWNER("owner"),
    GRANTS("grants"),
    ATTRIBUTES("options"),
    DEFINITION("definition"),
    NAME("generated name"),
    COLUMN_ORDER("column order"),
    PARTITIONING("partitioning"),
    VERSION("version");

    private final String label;

    Aspect(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
