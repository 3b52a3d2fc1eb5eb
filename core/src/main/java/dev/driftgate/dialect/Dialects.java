package dev.driftgate.dialect;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The dialects driftgate knows, found by name or by JDBC URL. They are listed in
 * {@code META-INF/services/dev.driftgate.dialect.Dialect}, so that this registry does not import
 * its implementations (which import this package): adding a dialect adds a line there.
 */
public final class Dialects {

    private static final List<Dialect> ALL = ServiceLoader.load(Dialect.class, Dialects.class.getClassLoader())
            .stream().map(ServiceLoader.Provider::get).toList();

    private Dialects() {}

    public static List<Dialect> all() {
        return ALL;
    }

    public static Dialect postgres() {
        return byName("postgresql");
    }

    public static Dialect mysql() {
        return byName("mysql");
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
