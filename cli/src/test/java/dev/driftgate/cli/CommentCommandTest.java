package dev.driftgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code driftgate comment} against an in-process HTTP server that answers as GitLab's notes API
 * and GitHub's issue-comments API document it: list, create, update; auth headers checked;
 * failures (401, 404, 429 with Retry-After, 5xx) on demand.
 */
class CommentCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "glpat-secret-token-value";

    @TempDir
    static Path results;

    private HttpServer server;
    private final List<ObjectNode> notes = new ArrayList<>();
    private final List<String> requests = new ArrayList<>();
    private final List<Integer> failNext = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger(100);
    private final List<Long> waits = new ArrayList<>();

    @BeforeAll
    static void runTheGate() {
        CliRun run = CliRun.of("test", Path.of("../scenarios/mariadb-golang-migrate").toAbsolutePath().toString(),
                "--results", results.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // The server sees the path decoded; the raw request (logged) keeps GitLab's %2F.
        server.createContext("/api/v4/projects/group/shop/merge_requests/7/notes", e -> handle(e, "PRIVATE-TOKEN", TOKEN, "PUT"));
        server.createContext("/repos/acme/shop/issues", e -> handle(e, "Authorization", "Bearer " + TOKEN, "PATCH"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** Notes: GET lists, POST creates (201), PUT/PATCH on …/{id} updates; 401 without the right token. */
    private synchronized void handle(HttpExchange e, String authHeader, String authValue, String updateMethod) throws IOException {
        String method = e.getRequestMethod();
        String path = e.getRequestURI().getPath();
        requests.add(method + " " + e.getRequestURI());
        if (!failNext.isEmpty()) {
            int status = failNext.remove(0);
            if (status == 429) {
                e.getResponseHeaders().add("Retry-After", "2");
            }
            reply(e, status, "{\"message\":\"nope\"}");
            return;
        }
        if (!authValue.equals(e.getRequestHeaders().getFirst(authHeader))) {
            reply(e, 401, "{\"message\":\"401 Unauthorized\"}");
            return;
        }
        String body = new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (method.equals("GET")) {
            ArrayNode list = JSON.createArrayNode();
            notes.forEach(list::add);
            reply(e, 200, list.toString());
        } else if (method.equals("POST")) {
            ObjectNode note = JSON.createObjectNode().put("id", ids.incrementAndGet()).put("body", JSON.readTree(body).path("body").asText());
            notes.add(note);
            reply(e, 201, note.toString());
        } else if (method.equals(updateMethod)) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            for (ObjectNode note : notes) {
                if (note.path("id").asText().equals(id)) {
                    note.put("body", JSON.readTree(body).path("body").asText());
                    reply(e, 200, note.toString());
                    return;
                }
            }
            reply(e, 404, "{\"message\":\"404 Not found\"}");
        } else {
            reply(e, 405, "{}");
        }
    }

    private static void reply(HttpExchange e, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().add("Content-Type", "application/json");
        e.sendResponseHeaders(status, bytes.length);
        e.getResponseBody().write(bytes);
        e.close();
    }

    private record Run(int exitCode, String out, String err) {}

    private Run comment(Map<String, String> env, String... args) {
        CommentCommand command = new CommentCommand();
        command.environment = env;
        command.sleeper = waits::add;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--results", results.toString()));
        all.addAll(List.of(args));
        int code = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private Map<String, String> gitlab(String token) {
        Map<String, String> env = new HashMap<>();
        env.put("CI_API_V4_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v4");
        env.put("CI_PROJECT_ID", "group/shop");
        env.put("CI_MERGE_REQUEST_IID", "7");
        env.put("CI_JOB_URL", "https://gitlab.example/group/shop/-/jobs/9");
        if (token != null) {
            env.put("DRIFTGATE_GITLAB_TOKEN", token);
        }
        return env;
    }

    @Test
    void gitlabPostsOnceThenUpdatesTheSameNote() {
        notes.add(JSON.createObjectNode().put("id", 1).put("body", "LGTM"));
        Run first = comment(gitlab(TOKEN));
        assertEquals(0, first.exitCode(), first.err());
        assertEquals("driftgate comment: posted the summary on GitLab merge request !7 of project group/shop", first.out().strip());
        Run second = comment(gitlab(TOKEN));
        assertEquals("driftgate comment: updated the summary on GitLab merge request !7 of project group/shop", second.out().strip());
        assertEquals(2, notes.size(), "one summary note besides the reviewer's");
        String body = notes.get(1).path("body").asText();
        assertTrue(body.startsWith("<!-- driftgate:summary -->\n### ✅ driftgate: every check passed"), body);
        assertTrue(body.contains("[Full report](https://gitlab.example/group/shop/-/jobs/9/artifacts/browse)"), body);
        assertTrue(requests.contains("PUT /api/v4/projects/group%2Fshop/merge_requests/7/notes/101"), requests.toString());
        assertFalse(first.out().contains(TOKEN) || first.err().contains(TOKEN) || second.out().contains(TOKEN));
    }

    @Test
    void githubFindsThePullRequestInTheEventAndPatchesItsComment(@TempDir Path dir) throws Exception {
        Path event = Files.writeString(dir.resolve("event.json"), "{\"action\":\"synchronize\",\"pull_request\":{\"number\":5}}");
        Map<String, String> env = Map.of("GITHUB_EVENT_PATH", event.toString(), "GITHUB_REPOSITORY", "acme/shop",
                "GITHUB_API_URL", "http://127.0.0.1:" + server.getAddress().getPort(), "GITHUB_TOKEN", TOKEN);
        assertEquals(0, comment(env).exitCode());
        Run again = comment(env);
        assertEquals("driftgate comment: updated the summary on GitHub pull request #5 of acme/shop", again.out().strip());
        assertEquals(1, notes.size());
        assertTrue(requests.stream().anyMatch(r -> r.startsWith("PATCH /repos/acme/shop/issues/comments/101")), requests.toString());
    }

    @Test
    void apiErrorsAreOneLineWithoutTheTokenAndDoNotFailTheJobUnlessAsked() {
        Run wrongToken = comment(gitlab("wrong-" + TOKEN));
        assertEquals(0, wrongToken.exitCode());
        assertEquals("driftgate comment: GitLab merge request !7 of project group/shop: GET http://127.0.0.1:"
                + server.getAddress().getPort() + "/api/v4/projects/group%2Fshop/merge_requests/7/notes: HTTP 401 unauthorized: "
                + "the token is missing, wrong or expired", wrongToken.err().strip());
        assertFalse(wrongToken.err().contains(TOKEN));
        assertEquals(2, comment(gitlab("wrong"), "--fail-on-error").exitCode());

        Run noToken = comment(gitlab(null));
        assertEquals("driftgate comment: no token: set DRIFTGATE_GITLAB_TOKEN (a project or personal access token with the "
                + "api scope, as a masked CI variable)", noToken.err().strip());
        assertEquals(0, noToken.exitCode());
    }

    @Test
    void rateLimitsAreWaitedOutAndServerErrorsRetriedABoundedNumberOfTimes() {
        failNext.add(429);
        Run limited = comment(gitlab(TOKEN));
        assertEquals(0, limited.exitCode(), limited.err());
        assertEquals(List.of(2000L), waits, "waited as Retry-After said");
        assertEquals(1, notes.size());

        waits.clear();
        failNext.addAll(List.of(502, 503, 500));
        Run down = comment(gitlab(TOKEN));
        assertEquals(0, down.exitCode());
        assertTrue(down.err().strip().endsWith("HTTP 500 server error (after 3 attempts)"), down.err());
        assertEquals(List.of(500L, 1000L), waits);
    }

    @Test
    void anUnreachableApiIsOneLineAfterItsRetries() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Map<String, String> env = gitlab(TOKEN);
        env.put("CI_API_V4_URL", "http://127.0.0.1:" + closed + "/api/v4");
        Run run = comment(env);
        assertEquals(0, run.exitCode());
        assertTrue(run.err().strip().startsWith("driftgate comment: GitLab merge request !7 of project group/shop: GET http://127.0.0.1:"
                + closed + "/api/v4/projects/group%2Fshop/merge_requests/7/notes: ConnectException"), run.err());
        assertTrue(run.err().strip().endsWith("(after 3 attempts)"), run.err());
        assertEquals(1, run.err().strip().lines().count());
        assertEquals(List.of(500L, 1000L), waits);
    }

    @Test
    void outsideAMergeRequestThereIsNothingToCommentOn() {
        Run run = comment(Map.of("CI", "true"));
        assertEquals(0, run.exitCode());
        assertEquals("driftgate comment: not a merge-request pipeline or pull-request workflow: nothing to comment on",
                run.out().strip());
        assertTrue(requests.isEmpty());
    }

    /**
     * A real HTTP peer on loopback that answers 200 with a body of {@code length} bytes, written
     * {@code chunk} bytes at a time with {@code pause} milliseconds between chunks.
     */
    private static ServerSocket replying(long length, int chunk, long pause) throws IOException {
        ServerSocket socket = new ServerSocket(0);
        Thread t = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket c = socket.accept()) {
                    InputStream in = c.getInputStream();
                    int matched = 0;
                    while (matched < 4) {
                        int b = in.read();
                        if (b < 0) {
                            break;
                        }
                        matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : 0;
                    }
                    OutputStream out = c.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + length
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    byte[] bytes = new byte[chunk];
                    Arrays.fill(bytes, (byte) ' ');
                    for (long sent = 0; sent < length; sent += chunk) {
                        out.write(bytes);
                        out.flush();
                        if (pause > 0) {
                            Thread.sleep(pause);
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    // the client gave up, or the test closed the socket
                }
            }
        }, "replying-server");
        t.setDaemon(true);
        t.start();
        return socket;
    }

    @Test
    void aServerThatTricklesItsReplyCannotHoldTheJob() throws Exception {
        try (ServerSocket trickle = replying(1_000_000, 1, 200)) {
            Map<String, String> env = gitlab(TOKEN);
            env.put("CI_API_V4_URL", "http://oauth2:" + TOKEN + "@127.0.0.1:" + trickle.getLocalPort() + "/api/v4");
            long start = System.nanoTime();
            Run run = comment(env, "--timeout", "3");
            long seconds = (System.nanoTime() - start) / 1_000_000_000;
            assertEquals(0, run.exitCode());
            assertTrue(seconds < 20, "the comment took " + seconds + " s with a 3 s budget");
            assertTrue(run.err().contains("no complete reply within"), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertFalse(run.err().contains(TOKEN) || run.out().contains(TOKEN), "the token in the API URL was printed: "
                    + run.err());
        }
    }

    @Test
    void aHugeReplyIsRefusedAsItArrivesNotReadIntoTheHeap() throws Exception {
        try (ServerSocket huge = replying(64L * 1024 * 1024, 64 * 1024, 0)) {
            Map<String, String> env = gitlab(TOKEN);
            env.put("CI_API_V4_URL", "http://127.0.0.1:" + huge.getLocalPort() + "/api/v4");
            Run run = comment(env, "--timeout", "20");
            assertEquals(0, run.exitCode());
            assertTrue(run.err().contains("the reply is larger than 16 MiB"), run.err());
        }
    }
}
