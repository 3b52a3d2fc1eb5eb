package dev.driftgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads on first use: they say what they fetch and how far they are, and an unreachable repository says so. */
class MavenCentralTest {

    @TempDir
    Path dir;

    private static String stderrOf(Runnable r) {
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(old);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aDownloadReportsItsProgress() throws Exception {
        byte[] body = new byte[40 << 20];
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/repo/a.jar", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            Path target = dir.resolve("a.jar");
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/repo/a.jar");
            String err = stderrOf(() -> MavenCentral.download(uri, target));
            assertEquals(body.length, Files.size(target));
            assertTrue(err.startsWith("driftgate: downloading " + uri + " (40.0 MB) into " + dir + "\n"), err);
            assertTrue(err.contains("driftgate:   16.0 MB of 40.0 MB\ndriftgate:   32.0 MB of 40.0 MB\n"), err);
            assertTrue(err.contains("driftgate: downloaded 40.0 MB in "), err);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableRepositoryIsOneLineNamingTheMirrorSetting() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        URI uri = URI.create("http://127.0.0.1:" + port + "/repo/a.jar");
        String m = assertThrows(DriftgateException.class, () -> MavenCentral.download(uri, dir.resolve("a.jar"))).getMessage();
        assertEquals("cannot reach http://127.0.0.1:" + port + " to fetch a.jar (offline, or a proxy in the way?): point "
                + "driftgate.maven.repository or DRIFTGATE_MAVEN_REPOSITORY at a mirror of Maven Central", m);
        assertEquals(false, Files.exists(dir.resolve("a.jar")));
    }
}
