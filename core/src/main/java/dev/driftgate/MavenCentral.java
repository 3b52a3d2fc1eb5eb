package dev.driftgate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;

/**
 * Downloads from Maven Central (or the mirror {@code driftgate.maven.repository} or
 * {@code DRIFTGATE_MAVEN_REPOSITORY} names, a corporate repository manager): what driftgate fetches
 * on demand, embedded PostgreSQL versions other than the bundled one and the Allure command line,
 * comes from there, the one registry a CI machine can always reach. Downloads say what they fetch
 * and how far they are; an unreachable repository is one line saying so and how to point elsewhere.
 */
public final class MavenCentral {

    public static final String REPOSITORY = stripSlash(System.getProperty("driftgate.maven.repository",
            System.getenv().getOrDefault("DRIFTGATE_MAVEN_REPOSITORY", "https://repo.maven.apache.org/maven2")));

    /** Progress is reported every this many bytes. */
    private static final long PROGRESS_STEP = 16L << 20;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private MavenCentral() {}

    /** {@code group:artifact:version} with the given extension, as a repository URL. */
    public static URI artifact(String group, String artifact, String version, String extension) {
        return URI.create(REPOSITORY + "/" + group.replace('.', '/') + "/" + artifact + "/" + version + "/" + artifact + "-"
                + version + "." + extension);
    }

    public static String fetch(URI uri) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new DriftgateException(uri + ": HTTP " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw failure(uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriftgateException(uri + ": interrupted", e);
        }
    }

    /** Downloads to a temporary file beside the target, then moves it into place: never half a file in the cache. */
    public static void download(URI uri, Path target) {
        Path tmp = target.resolveSibling(target.getFileName() + ".part-" + ProcessHandle.current().pid());
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() != 200) {
                    throw new DriftgateException(uri + ": HTTP " + r.statusCode());
                }
                long size = r.headers().firstValueAsLong("Content-Length").orElse(-1);
                Progress.say("downloading " + uri + (size > 0 ? " (" + megabytes(size) + ")" : "") + " into " + target.getParent());
                long copied = 0;
                long next = PROGRESS_STEP;
                byte[] buffer = new byte[1 << 16];
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        out.write(buffer, 0, n);
                        copied += n;
                        if (copied >= next) {
                            Progress.say("  " + megabytes(copied) + (size > 0 ? " of " + megabytes(size) : ""));
                            next += PROGRESS_STEP;
                        }
                    }
                }
                Progress.say("downloaded " + megabytes(copied) + " in " + Progress.seconds(System.nanoTime() - start));
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw failure(uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriftgateException(uri + ": interrupted", e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the move succeeded or the download's own error is the one to report
            }
        }
    }

    /** An unreachable repository says so, and how to use another; any other failure as it is. */
    private static DriftgateException failure(URI uri, IOException e) {
        if (e instanceof ConnectException || e instanceof HttpConnectTimeoutException
                || e.getCause() instanceof UnresolvedAddressException || e instanceof UnknownHostException) {
            return new DriftgateException("cannot reach " + uri.getScheme() + "://" + uri.getAuthority() + " to fetch " + uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1)
                    + " (offline, or a proxy in the way?): point driftgate.maven.repository or DRIFTGATE_MAVEN_REPOSITORY "
                    + "at a mirror of Maven Central", e);
        }
        return new DriftgateException(uri + ": cannot download: " + e.getMessage(), e);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
