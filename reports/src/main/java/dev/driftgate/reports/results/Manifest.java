package dev.driftgate.reports.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.driftgate.AtomicFiles;
import dev.driftgate.DriftgateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The audit trail of a gate run: each migration file it read, its SHA-256 (line endings
 * normalised, so a checkout on Windows verifies the same), what it proved and where. The deploy
 * job's guard ({@code driftgate verify-manifest}) refuses a migration that is missing, changed since
 * or did not pass. With {@code DRIFTGATE_MANIFEST_KEY} set the entries are signed (HMAC-SHA256), so
 * an entry edited by hand no longer verifies.
 *
 * @param migrations one entry per file, sorted by path
 * @param signature hex HMAC-SHA256 of the entries, or null when no key was set
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(int format, String driftgateVersion, String commit, List<Entry> migrations, String signature) {

    public static final String FILE = "manifest.json";
    public static final String KEY_VARIABLE = "DRIFTGATE_MANIFEST_KEY";

    /**
     * @param status {@code verified} (a candidate whose every check passed), {@code failed} (a check
     *     failed), {@code baseline} (applied as part of the baseline, which applied)
     * @param checks the checks it passed, {@code target: check}
     * @param failures the checks it failed
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Entry(String file, String sha256, String scenario, String version, String status, List<String> targets,
            List<String> checks, List<String> failures) {}

    /**
     * The manifest of a run, hashing each file as it is on disk now.
     *
     * @param key the signing key ({@code DRIFTGATE_MANIFEST_KEY}), or null for an unsigned manifest
     */
    public static Manifest of(RunResults run, String key) {
        Map<String, Entry> byFile = new LinkedHashMap<>();
        for (RunResults.MigrationFile m : run.migrations()) {
            List<RunResults.CheckResult> checks = run.checks().stream()
                    .filter(c -> m.scenario().equals(c.scenario()) && m.version().equals(c.migration())).toList();
            List<String> passed = checks.stream().filter(RunResults.CheckResult::passed).map(c -> c.target() + ": " + c.step()).toList();
            List<String> failed = checks.stream().filter(RunResults.CheckResult::failed).map(c -> c.target() + ": " + c.step()).toList();
            boolean baselineApplied = run.checks().stream().anyMatch(c -> m.scenario().equals(c.scenario())
                    && "baseline".equals(c.step()) && c.passed());
            String status = m.role().equals("candidate") ? (failed.isEmpty() && !passed.isEmpty() ? "verified" : "failed")
                    : baselineApplied ? "baseline" : "failed";
            List<String> targets = List.copyOf(new TreeSet<>(checks.stream().map(RunResults.CheckResult::target).toList()));
            Entry previous = byFile.get(m.file());
            if (previous != null && !previous.status().equals(status)) {
                // The same file in two scenarios: the weaker result counts.
                status = previous.status().equals("failed") || status.equals("failed") ? "failed" : "baseline";
            }
            byFile.put(m.file(), new Entry(m.file(), sha256(Path.of(m.file())), m.scenario(), m.version(), status, targets,
                    passed, failed));
        }
        List<Entry> entries = new ArrayList<>(byFile.values());
        entries.sort(Comparator.comparing(Entry::file));
        return new Manifest(1, run.driftgateVersion(), run.commit(), List.copyOf(entries),
                key == null || key.isEmpty() ? null : sign(entries, key));
    }

    /** SHA-256 of a file's text with CRLF and CR read as LF. */
    public static String sha256(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new DriftgateException(file + ": cannot read to hash it: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HMAC-SHA256 over each entry's file, hash and status, in file order. */
    public static String sign(List<Entry> entries, String key) {
        StringBuilder text = new StringBuilder();
        for (Entry e : entries) {
            text.append(e.file()).append('\t').append(e.sha256()).append('\t').append(e.status()).append('\n');
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why the signature does not hold under this key, or empty when it does (or no key is given). */
    public Optional<String> signatureProblem(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.empty();
        }
        if (signature == null) {
            return Optional.of("not signed, but " + KEY_VARIABLE + " is set");
        }
        return sign(migrations, key).equals(signature) ? Optional.empty()
                : Optional.of("the signature does not match its entries (edited after the gate wrote it, or signed "
                        + "with another key)");
    }

    public void write(Path file) {
        try {
            AtomicFiles.write(file, RunResults.JSON.writeValueAsString(this));
        } catch (IOException e) {
            throw new DriftgateException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    public static Manifest read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DriftgateException(file + ": manifest not found");
        }
        try {
            Manifest m = RunResults.JSON.readValue(file.toFile(), Manifest.class);
            if (m.migrations() == null) {
                throw new DriftgateException(file + ": not a driftgate manifest (no migrations)");
            }
            return m;
        } catch (IOException e) {
            throw new DriftgateException(file + ": malformed manifest: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
