package dev.driftgate.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A canonical digest of what a diff compares: two snapshots with the same digest hold the same
 * schema, so a fleet scan diffs (and reports) each distinct schema once, however many databases
 * hold it. The server a snapshot was read from and its dependency records are left out: a diff
 * never compares them.
 */
public final class SnapshotDigest {

    private SnapshotDigest() {}

    /** SHA-256 of the canonical snapshot JSON, in hexadecimal. */
    public static String of(SchemaSnapshot snapshot) {
        SchemaSnapshot compared = new SchemaSnapshot(snapshot.formatVersion(), snapshot.dialect(), snapshot.schemas(),
                snapshot.extensions(), snapshot.unmodelled(), null, List.of());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(SnapshotJson.toJson(compared).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The first twelve hex digits: enough to tell the schemas of one report apart. */
    public static String shortForm(String digest) {
        return digest.length() > 12 ? digest.substring(0, 12) : digest;
    }
}
