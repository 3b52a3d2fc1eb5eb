package dev.driftgate;

/**
 * The keys of the report entries the engine publishes on its test nodes (JUnit Platform report
 * entries): what the results listener, the Allure attachments and the command line read back.
 */
public final class ReportEntryKeys {

    /** What a check found, as one text (every step). */
    public static final String RESULT = "driftgate.result";
    /** The online-safety hazards of a candidate, as the JSON of {@code HazardJson}. */
    public static final String HAZARDS = "driftgate.hazards";
    /** The migrations of a scenario with their files and checksums, as JSON (for the manifest). */
    public static final String MIGRATIONS = "driftgate.migrations";
    /** The server a target runs on and how its candidates were chosen. */
    public static final String TARGET = "driftgate.target";
    /** Where a target's time went. */
    public static final String TIMINGS = "driftgate.timings";
    /** Leftover databases dropped from a shared server before a target ran. */
    public static final String SWEPT = "driftgate.swept";

    private ReportEntryKeys() {}
}
