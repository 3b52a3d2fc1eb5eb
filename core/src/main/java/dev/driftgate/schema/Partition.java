package dev.driftgate.schema;

/** A MySQL partition declared inside its table, with its bound ({@code VALUES LESS THAN (...)}). */
public record Partition(String name, String bound, String comment) {}
