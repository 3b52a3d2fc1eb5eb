package dev.driftgate.safety;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The online-safety rules: a stable code, a group, a default level, why the change hurts a live
 * database and what to write instead. Codes never change meaning; a retired rule keeps its code
 * unused. docs/safety.md is generated from this list.
 */
public enum Rule {
    NOT_ANALYSED("DG001", Group.ANALYSIS, HazardLevel.INFO, "both",
            "statement not analysed",
            "The SQL parser does not understand the statement, so no static rule looked at it. It still runs, "
                    + "and the observed checks still watch it.",
            "Nothing to change; report the statement if it is ordinary SQL."),
    SUPPRESSION_WITHOUT_REASON("DG002", Group.ANALYSIS, HazardLevel.ERROR, "both",
            "suppression without a reason",
            "A `-- driftgate:ignore <CODE>` comment must say why, so the reviewer can judge it; one without a "
                    + "reason suppresses nothing.",
            "`-- driftgate:ignore DG301 table holds 40 rows, created last release`"),

    DROP_TABLE("DG101", Group.DESTRUCTIVE, HazardLevel.WARNING, "both",
            "drops a table",
            "The rows are gone; running code that still reads the table fails at once.",
            "Stop reading and writing it in one release, drop it in a later one, after a backup."),
    DROP_COLUMN("DG102", Group.DESTRUCTIVE, HazardLevel.WARNING, "both",
            "drops a column",
            "The values are gone, and application versions still running that select or insert the column fail.",
            "Deploy code that no longer uses the column first; drop it in a later migration."),
    DROP_SCHEMA("DG103", Group.DESTRUCTIVE, HazardLevel.ERROR, "both",
            "drops a schema or database",
            "Everything in it is gone.",
            "Drop the objects one by one in reviewed migrations, or do it by hand with a backup."),
    TRUNCATE("DG104", Group.DESTRUCTIVE, HazardLevel.ERROR, "both",
            "truncates a table",
            "All rows are removed, and TRUNCATE takes an ACCESS EXCLUSIVE lock (a metadata lock on MySQL).",
            "Delete in batches, or keep the data until it is certainly not needed."),
    NO_BACKUP("DG105", Group.DESTRUCTIVE, HazardLevel.WARNING, "both",
            "destroys rows without a backup copy",
            "A dropped table or column, a TRUNCATE or a DELETE without WHERE loses values for good; "
                    + "without a copy taken before it, neither a rollback nor an incident can bring them back.",
            "Copy the rows first, in the same migration (`CREATE TABLE <table>_backup AS SELECT * FROM <table>`), "
                    + "keep the copy until a later release, and make the rollback restore from it."),

    RENAME_COLUMN("DG201", Group.BACKWARD_INCOMPATIBLE, HazardLevel.WARNING, "both",
            "renames a column",
            "Every running application instance that uses the old name fails until it is redeployed.",
            "Add the new column, write both, backfill, switch reads, then drop the old one (expand/contract)."),
    RENAME_TABLE("DG202", Group.BACKWARD_INCOMPATIBLE, HazardLevel.WARNING, "both",
            "renames a table",
            "Running code that uses the old name fails until it is redeployed.",
            "Create the new table (or a view under the old name) and migrate in steps."),
    NARROWING_TYPE("DG203", Group.BACKWARD_INCOMPATIBLE, HazardLevel.WARNING, "both",
            "narrows a column type",
            "Values that fit before may no longer fit; writes from running code start failing.",
            "Check the data, change the code first, narrow last (or never)."),
    DROP_DEFAULT("DG204", Group.BACKWARD_INCOMPATIBLE, HazardLevel.WARNING, "both",
            "drops a column default",
            "Inserts that relied on the default now store NULL or fail on NOT NULL.",
            "Change every writer to set the value before dropping the default."),
    CONTRACT_WHILE_READ("DG205", Group.BACKWARD_INCOMPATIBLE, HazardLevel.ERROR, "both",
            "contract step while the previous release still uses the object",
            "The previous release runs until the new one replaces it; a statement it sends no longer prepares on the "
                    + "schema after this change (seen by PREPARE, see docs/zero-downtime.md), so it fails from the "
                    + "migration until the deployment ends.",
            "Split into two releases: this one stops using the object (expand: add the new one, write both); the next "
                    + "one drops or renames it (contract)."),
    CONTRACT_WITH_EXPAND("DG206", Group.BACKWARD_INCOMPATIBLE, HazardLevel.WARNING, "both",
            "contract step in the same change set as its expand step",
            "The change set adds the replacement and removes (or renames, or narrows) the old object at once, so no "
                    + "release ever runs with both: the release still running during the migration loses what it reads.",
            "Ship the expand migration with the release that switches to the new object; drop the old one in the "
                    + "next release."),

    INDEX_WITHOUT_CONCURRENTLY("DG301", Group.LOCKING, HazardLevel.ERROR, "postgresql",
            "builds an index without CONCURRENTLY on an existing table",
            "CREATE INDEX holds a SHARE lock for the whole build: every INSERT, UPDATE and DELETE on the table "
                    + "waits until it finishes.",
            "CREATE INDEX CONCURRENTLY, in a migration of its own (it cannot run inside a transaction)."),
    TYPE_CHANGE_REWRITE("DG302", Group.LOCKING, HazardLevel.WARNING, "postgresql",
            "changes a column type (rewrites the table)",
            "Unless the change is binary-coercible (varchar(n) widened, varchar to text), PostgreSQL rewrites the "
                    + "table and its indexes under an ACCESS EXCLUSIVE lock (on MySQL see DG320).",
            "Add a new column, backfill in batches, switch over, drop the old column."),
    VOLATILE_DEFAULT("DG303", Group.LOCKING, HazardLevel.WARNING, "postgresql",
            "adds a column with a volatile default (rewrites the table)",
            "A default such as random(), clock_timestamp(), gen_random_uuid() or a serial must be computed per "
                    + "row: the table is rewritten under an ACCESS EXCLUSIVE lock (any default does so before "
                    + "PostgreSQL 11).",
            "Add the column without a default (or a constant one), set the default, backfill in batches."),
    SET_NOT_NULL("DG304", Group.LOCKING, HazardLevel.WARNING, "postgresql",
            "sets NOT NULL by a full scan under an exclusive lock",
            "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock to prove there is no NULL.",
            "ADD CONSTRAINT … CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT; then SET NOT NULL "
                    + "(PostgreSQL 12+ uses the validated check and skips the scan)."),
    CONSTRAINT_WITHOUT_NOT_VALID("DG305", Group.LOCKING, HazardLevel.WARNING, "postgresql",
            "adds a foreign key or check without NOT VALID",
            "The constraint is validated against every row while the table is locked (SHARE ROW EXCLUSIVE for a "
                    + "foreign key, ACCESS EXCLUSIVE for a check): writes wait for the whole scan.",
            "ADD CONSTRAINT … NOT VALID, then VALIDATE CONSTRAINT in a separate statement (a weaker lock)."),
    CONSTRAINT_INDEX_UNDER_LOCK("DG306", Group.LOCKING, HazardLevel.WARNING, "postgresql",
            "adds a primary key or unique constraint that builds its index under an exclusive lock",
            "ADD PRIMARY KEY / UNIQUE builds the index while holding an ACCESS EXCLUSIVE lock: reads and writes wait.",
            "CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … USING INDEX."),
    DROP_INDEX_WITHOUT_CONCURRENTLY("DG307", Group.LOCKING, HazardLevel.WARNING, "postgresql",
            "drops an index without CONCURRENTLY",
            "DROP INDEX takes an ACCESS EXCLUSIVE lock on the table; behind a long query it blocks everything.",
            "DROP INDEX CONCURRENTLY, in a migration of its own."),
    MISSING_LOCK_TIMEOUT("DG308", Group.LOCKING, HazardLevel.WARNING, "both",
            "takes a strong lock without a lock timeout",
            "Behind one long-running query the statement waits for its lock, and every query after it queues "
                    + "behind the waiting lock: the table is down until the long query ends.",
            "SET lock_timeout = '2s' (MySQL/MariaDB: SET SESSION lock_wait_timeout = 2) first, and retry."),
    TABLE_COPY("DG320", Group.LOCKING, HazardLevel.WARNING, "mysql",
            "cannot run INSTANT or INPLACE (copies or rebuilds the table)",
            "A type change, a primary key change, a foreign key with checks on, a first FULLTEXT index or an engine "
                    + "change copies the table; writes are blocked for the whole copy.",
            "Say ALGORITHM=INSTANT or ALGORITHM=INPLACE, LOCK=NONE so the server refuses instead of copying; "
                    + "use an online schema-change tool (gh-ost, pt-online-schema-change) for the rest."),
    ENUM_REDEFINITION("DG321", Group.LOCKING, HazardLevel.WARNING, "mysql",
            "redefines an ENUM or SET column",
            "Appending values at the end is INSTANT; reordering or inserting values copies the table and changes "
                    + "what the stored numbers mean.",
            "Only append new values at the end of the list."),
    CHARSET_CHANGE("DG322", Group.LOCKING, HazardLevel.WARNING, "mysql",
            "changes a character set or collation",
            "Converting text columns copies the table and may change sort order and uniqueness.",
            "Convert with an online schema-change tool, after checking unique keys under the new collation."),

    UNIQUE_ON_EXISTING_DATA("DG401", Group.DATA_DEPENDENT, HazardLevel.WARNING, "both",
            "adds a unique constraint to existing data",
            "It fails if production already holds duplicates, which a test database rarely has.",
            "Query production for duplicates first; build the index concurrently."),
    NOT_NULL_ON_EXISTING_DATA("DG402", Group.DATA_DEPENDENT, HazardLevel.ERROR, "both",
            "makes a column of existing rows NOT NULL",
            "It fails if any row holds NULL (a new NOT NULL column without a default fails on any row at all; "
                    + "MySQL in strict mode refuses, in a lax mode it silently writes zero values).",
            "Backfill first, give new columns a default, then add the constraint."),
    CHECK_ON_EXISTING_DATA("DG403", Group.DATA_DEPENDENT, HazardLevel.WARNING, "both",
            "adds a check constraint to existing data",
            "It fails if any existing row violates it.",
            "Query for violating rows first; on PostgreSQL add it NOT VALID and validate separately."),

    CONCURRENTLY_IN_TRANSACTION("DG501", Group.TRANSACTION, HazardLevel.ERROR, "postgresql",
            "runs CONCURRENTLY inside a transaction",
            "CREATE/DROP INDEX CONCURRENTLY cannot run in a transaction block; migration tools wrap a file in one "
                    + "(Flyway, Liquibase, golang-migrate with several statements), so it fails in production.",
            "Put the concurrent statement alone in its own migration (and mark it non-transactional where the "
                    + "tool asks)."),
    MIXED_DDL_AND_DML("DG502", Group.TRANSACTION, HazardLevel.WARNING, "mysql",
            "mixes schema changes and data changes in one migration",
            "MySQL and MariaDB commit every DDL statement at once: if a later statement fails, the data changes "
                    + "before it stay and the migration cannot simply be run again.",
            "Put data changes in their own migration."),

    OBSERVED_REWRITE("DG601", Group.OBSERVED, HazardLevel.WARNING, "postgresql",
            "rewrote an existing table (observed)",
            "Running the change on a seeded copy gave the table a new data file: it was rewritten under an "
                    + "ACCESS EXCLUSIVE lock, which no static rule predicted.",
            "See the statement; rewrite-free forms are listed under DG302 and DG303."),
    OBSERVED_FAILURE("DG640", Group.OBSERVED, HazardLevel.ERROR, "both",
            "fails on representative rows (observed)",
            "On a copy holding generated rows (keys distinct, other values repeating, a share of NULLs) the statement "
                    + "failed: production data of that shape makes the deployment fail half way.",
            "Clean or backfill the data first (a separate migration), or make the change tolerate it."),
    OBSERVED_COPY("DG620", Group.OBSERVED, HazardLevel.WARNING, "mysql",
            "copies an existing table (observed)",
            "Probing the ALTER with ALGORITHM=INSTANT, then INPLACE with LOCK=NONE, on a copy: the server can only "
                    + "run it by copying the table, which no static rule predicted.",
            "Use an online schema-change tool or split the change.");

    /** The rule groups, in report order. */
    public enum Group {
        ANALYSIS, DESTRUCTIVE, BACKWARD_INCOMPATIBLE, LOCKING, DATA_DEPENDENT, TRANSACTION, OBSERVED;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final String code;
    private final Group group;
    private final HazardLevel level;
    private final String dialects;
    private final String title;
    private final String rationale;
    private final String alternative;

    Rule(String code, Group group, HazardLevel level, String dialects, String title, String rationale, String alternative) {
        this.code = code;
        this.group = group;
        this.level = level;
        this.dialects = dialects;
        this.title = title;
        this.rationale = rationale;
        this.alternative = alternative;
    }

    public String code() {
        return code;
    }

    public Group group() {
        return group;
    }

    /** The level unless configured otherwise. */
    public HazardLevel defaultLevel() {
        return level;
    }

    /** The level configured for this rule, else its default. */
    public HazardLevel levelIn(Map<Rule, HazardLevel> configured) {
        return configured.getOrDefault(this, defaultLevel());
    }

    /** {@code postgresql}, {@code mysql} or {@code both}. */
    public String dialects() {
        return dialects;
    }

    public String title() {
        return title;
    }

    public String rationale() {
        return rationale;
    }

    public String alternative() {
        return alternative;
    }

    /**
     * Rules no single statement shows: the gate raises them from the states before and after a
     * candidate, the candidates around it, or the application's statements (no case of the static
     * corpus can expect them).
     */
    public static Set<Rule> raisedByTheGate() {
        return EnumSet.of(NARROWING_TYPE, NO_BACKUP, CONTRACT_WHILE_READ, CONTRACT_WITH_EXPAND);
    }

    public static Optional<Rule> byCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equalsIgnoreCase(code.strip())).findFirst();
    }

    /** A markdown table of every rule: docs/safety.md, checked by a test so it never goes stale. */
    public static String markdownTable() {
        StringBuilder out = new StringBuilder("| code | group | dialects | default | hazard | why | instead |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (Rule r : values()) {
            out.append("| `").append(r.code).append("` | ").append(r.group.label()).append(" | ").append(r.dialects)
                    .append(" | ").append(r.level.label()).append(" | ").append(r.title).append(" | ")
                    .append(r.rationale.replace("|", "\\|")).append(" | ").append(r.alternative.replace("|", "\\|"))
                    .append(" |\n");
        }
        return out.toString();
    }
}
