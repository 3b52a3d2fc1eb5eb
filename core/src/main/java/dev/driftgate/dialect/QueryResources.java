package dev.driftgate.dialect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Catalog queries live in {@code .sql} resources beside their dialect class, one file per query,
 * version or flavour variants side by side ({@code routines@13.sql}: PostgreSQL 13 and older).
 */
public final class QueryResources {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private QueryResources() {}

    /** The text of {@code <name>.sql} in the package of {@code anchor}. */
    public static String load(Class<?> anchor, String name) {
        String path = anchor.getPackageName().replace('.', '/') + "/" + name + ".sql";
        return CACHE.computeIfAbsent(path, p -> {
            try (InputStream in = anchor.getClassLoader().getResourceAsStream(p)) {
                if (in == null) {
                    throw new IllegalStateException("catalog query resource missing: " + p);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
