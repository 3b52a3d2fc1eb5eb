package dev.driftgate.dialect;

import dev.driftgate.dialect.mysql.MysqlDialect;
import dev.driftgate.dialect.postgres.PostgresDialect;
import java.util.List;
import java.util.stream.Collectors;

/** The dialects driftgate knows, found by name or by JDBC URL. */
public final class Dialects {

    private static final List<Dialect> ALL = List.of(new PostgresDialect(), new MysqlDialect());

    private Dialects() {}

    public static List<Dialect> all() {
        return ALL;
    }

    public static Dialect postgres() {
        return ALL.get(0);
    }

    public static Dialect mysql() {
        return ALL.get(1);
    }

    public static Dialect byName(String name) {
        String wanted = "mariadb".equalsIgnoreCase(name) ? "mysql"
                : "postgres".equalsIgnoreCase(name) ? "postgresql" : name;
        return ALL.stream().filter(d -> d.name().equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown dialect '" + name
                        + "'; expected one of " + names()));
    }

    public static Dialect forUrl(String jdbcUrl) {
        return ALL.stream().filter(d -> d.acceptsUrl(jdbcUrl)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unsupported database URL '"
                        + JdbcUrls.mask(jdbcUrl) + "': expected jdbc:postgresql://, jdbc:mysql:// or jdbc:mariadb://"));
    }

    private static String names() {
        return ALL.stream().map(Dialect::name).collect(Collectors.joining(", "));
    }
}
