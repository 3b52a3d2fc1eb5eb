package dev.driftgate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * Downloads from Maven Central (or the mirror {@code driftgate.maven.repository} names): what
 * driftgate fetches on demand, embedded PostgreSQL versions and the Allure command line, comes
 * from there, the one registry a CI machine can always reach.
 */
public final class MavenCentral {

    public static final String REPOSITORY = System.getProperty("driftgate.maven.repository",
            "https://repo.maven.apache.org/maven2");

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
            throw new DriftgateException(uri + ": cannot download: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriftgateException(uri + ": interrupted", e);
        }
    }

    /** Downloads to a temporary file beside the target, then moves it into place: never half a file in the cache. */
    public static void download(URI uri, Path target) {
        Path tmp = target.resolveSibling(target.getFileName() + ".part-" + ProcessHandle.current().pid());
        try {
            HttpResponse<Path> r = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofFile(tmp));
            if (r.statusCode() != 200) {
                throw new DriftgateException(uri + ": HTTP " + r.statusCode());
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DriftgateException(uri + ": cannot download: " + e.getMessage(), e);
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
}
