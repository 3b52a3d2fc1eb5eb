package dev.driftgate.dialect.mysql;

/** Keys of the MySQL/MariaDB-specific attributes that snapshots record in {@code attributes} maps. */
public final class MysqlAttributes {
    public static final String ENGINE = "engine";
    public static final String CHARSET = "charset";
    public static final String COLLATION = "collation";
    public static final String ROW_FORMAT = "rowFormat";
    public static final String CREATE_OPTIONS = "createOptions";
    public static final String SYSTEM_VERSIONED = "systemVersioned";
    public static final String ON_UPDATE = "onUpdate";
    public static final String INVISIBLE = "invisible";
    public static final String IGNORED = "ignored";
    public static final String CHECK_OPTION = "checkOption";
    public static final String SECURITY = "security";
    public static final String ALGORITHM = "algorithm";
    public static final String DETERMINISTIC = "deterministic";
    public static final String DATA_ACCESS = "dataAccess";
    public static final String ACTION_ORDER = "actionOrder";
    public static final String ENDS = "ends";
    /** The sql_mode a routine, trigger or event was created under, and runs under. */
    public static final String SQL_MODE = "sqlMode";

    private MysqlAttributes() {}
}
