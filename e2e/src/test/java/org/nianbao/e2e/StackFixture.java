package org.nianbao.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.nianbao.devstack.LocalStack;
import org.nianbao.devstack.StackSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;

/**
 * The whole system on free ports with a fresh data directory: the run's shared stack (see {@link SharedStack}), or a
 * stack of one test class's own ({@link #start()}) for a class that needs a special environment or damages the stack.
 * The services are supervised: a service process that dies is restarted (see
 * {@link org.nianbao.devstack.ServiceProcess}).
 */
final class StackFixture implements AutoCloseable {
    static final String API_KEY = "e2e-key";
    static final String ADMIN_TOKEN = "e2e-admin";
    static final String REVIEWER_TOKEN = "e2e-reviewer";

    final LocalStack stack;
    final Path dataDir;

    private StackFixture(LocalStack stack, Path dataDir) {
        this.stack = stack;
        this.dataDir = dataDir;
    }

    /** Starts the stack; the services' logs are kept in target/stack-logs/NAME after the run. */
    static StackFixture start() throws Exception {
        return start(stack -> { });
    }

    /** Starts the stack after {@code configure} has set its services' environment (see LocalStack#environment). */
    static StackFixture start(Consumer<LocalStack> configure) throws Exception {
        Path root = Path.of(System.getProperty("nianbao.root", "..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("nianbao-e2e-");
        StackSettings settings = new StackSettings(root, data, freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort(), freePort(), 4, API_KEY, ADMIN_TOKEN, REVIEWER_TOKEN);
        LocalStack stack = new LocalStack(settings, new PrintStream(System.out, true, StandardCharsets.UTF_8));
        configure.accept(stack);
        try {
            stack.start();
        } catch (Exception e) {
            stack.close();
            throw e;
        }
        return new StackFixture(stack, data);
    }

    String intake() {
        return stack.service("intake").url();
    }

    String publication() {
        return stack.service("publication").url();
    }

    /** Posts a text report as JSON and returns the submission id. */
    String submitText(String text, Map<String, Object> metadata) {
        Map<String, Object> body = new java.util.HashMap<>(metadata);
        body.put("text", text);
        return RestAssured.given().baseUri(intake()).auth().oauth2(API_KEY).contentType(ContentType.JSON).body(body)
                .post("/api/v1/submissions").then().statusCode(202).extract().path("id");
    }

    /** Waits until a submission reached PUBLISHED and returns its status document. */
    Response awaitPublished(String submissionId, Duration timeout) {
        Response[] last = new Response[1];
        await().atMost(timeout).pollInterval(Duration.ofMillis(300)).until(() -> {
            last[0] = RestAssured.given().baseUri(intake()).auth().oauth2(API_KEY)
                    .get("/api/v1/submissions/" + submissionId);
            return "PUBLISHED".equals(last[0].path("status"));
        });
        return last[0];
    }

    static String seed(String name) throws IOException {
        try (InputStream in = StackFixture.class.getResourceAsStream("/seeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws Exception {
        stack.close();
        Path logs = dataDir.resolve("logs");
        Path kept = Path.of("target", "stack-logs", dataDir.getFileName().toString());
        Files.createDirectories(kept);
        try (var files = Files.list(logs)) {
            for (Path log : files.toList()) {
                Files.copy(log, kept.resolve(log.getFileName()));
            }
        }
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
