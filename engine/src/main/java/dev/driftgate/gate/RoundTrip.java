package dev.driftgate.gate;

import dev.driftgate.database.LiveDatabase;
import dev.driftgate.provision.DatabaseServer;
import dev.driftgate.provision.DialectDump;
import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.schema.SchemaSnapshot;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The definition of a truthful snapshot: snapshot a database, build a fresh one from that snapshot
 * alone with driftgate's own plan, and the dialect's dump of the result equals the dump of the
 * original. Whatever the dump shows and the snapshot lost makes it fail, unless the snapshot names
 * it as not compared.
 */
public final class RoundTrip {

    /**
     * @param snapshot the snapshot of the original
     * @param failure why the round trip does not hold (the first dump line that differs, or why the
     *     rebuild failed), or empty when it holds
     */
    public record Result(SchemaSnapshot snapshot, Optional<String> failure) {}

    private RoundTrip() {}

    public static Result of(DatabaseServer server, String database) throws SQLException {
        SchemaSnapshot snapshot = LiveDatabase.snapshot(server.jdbcUrl(database), server.adminSettings(), List.of());
        String original = DialectDump.of(server, database);
        try (ThrowawayDatabase copy = server.createThrowaway()) {
            Optional<String> notRebuilt = PlanVerifier.rebuild(copy, server, snapshot);
            if (notRebuilt.isPresent()) {
                return new Result(snapshot, notRebuilt);
            }
            String rebuilt = DialectDump.of(server, copy.name());
            // An object the snapshot named as not compared (its dump block mentions an unmodelled
            // object) is no silent loss; every other block must come back as it was.
            List<String> lost = DialectDump.differingLines(unexcused(original, snapshot), unexcused(rebuilt, snapshot));
            return new Result(snapshot, lost.isEmpty() ? Optional.empty()
                    : Optional.of(lost.size() + " dump line(s) lost or changed: " + String.join(" | ",
                            lost.subList(0, Math.min(6, lost.size())))));
        }
    }

    /** The dump's blocks (one per object) that mention none of the snapshot's unmodelled objects. */
    private static String unexcused(String dump, SchemaSnapshot snapshot) {
        return Arrays.stream(dump.split("\n\n"))
                .filter(block -> snapshot.unmodelled().stream().noneMatch(u -> block.contains(bareName(u.name()))))
                .collect(Collectors.joining("\n\n"));
    }

    /** {@code public.f(integer)} as a dump writes it in a statement's lines: {@code f}. */
    private static String bareName(String qualified) {
        String name = qualified.contains("(") ? qualified.substring(0, qualified.indexOf('(')) : qualified;
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
