package org.nianbao.e2e;

import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.nianbao.reportctl.ReportCtl;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator manages platforms and replays with {@code reportctl admin}, against the real stack. */
@ExtendWith(SharedStack.class)
class AdminCliIT {
    private static StackFixture fixture;

    @BeforeAll
    static void start(StackFixture shared) throws Exception {
        fixture = shared;
    }

    record Run(int status, String out, String err) {
    }

    /** Runs reportctl in this JVM, capturing what it printed. */
    private static Run reportctl(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = ReportCtl.commandLine().execute(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    /** reportctl admin with the stack's URL and token, expected to succeed. */
    private static String admin(String... args) {
        List<String> all = new ArrayList<>(List.of("admin"));
        all.addAll(List.of(args));
        all.addAll(List.of("--url", fixture.intake(), "--token", StackFixture.ADMIN_TOKEN));
        Run run = reportctl(all.toArray(String[]::new));
        assertThat(run.status()).as("reportctl %s: %s", String.join(" ", all), run.err()).isZero();
        return run.out();
    }

    private static int submit(String key, String regionCode, String agency) throws Exception {
        return RestAssured.given().baseUri(fixture.intake()).auth().oauth2(key).contentType("application/json")
                .body(Map.of("text", StackFixture.seed("004_8dd35ab5e340120f.txt"), "agency", agency, "regionCode", regionCode,
                        "year", 2020))
                .post("/api/v1/submissions").statusCode();
    }

    @Test
    void anAdministratorRegistersUpdatesAndRotatesAPlatformsCredentials() throws Exception {
        String key = admin("platforms", "create", "jiangsu-cli", "--name", "江苏省政务公开平台", "--region-prefix", "32",
                "--oidc-client-id", "jiangsu-cli-portal").strip();
        assertThat(key).startsWith("nb_");
        assertThat(submit(key, "320813", "洪泽区人民政府")).isEqualTo(202);
        assertThat(submit(key, "330902", "定海区人民政府")).isEqualTo(403);

        assertThat(admin("platforms", "list")).contains("jiangsu-cli\t江苏省政务公开平台\t32*\t-\tjiangsu-cli-portal");

        // an update keeps the key valid
        assertThat(admin("platforms", "update", "jiangsu-cli", "--region-prefix", "3308", "--webhook-url", "http://127.0.0.1:9/hook"))
                .contains("jiangsu-cli updated");
        assertThat(admin("platforms", "list")).contains("jiangsu-cli\t江苏省政务公开平台\t3308*\thttp://127.0.0.1:9/hook\tjiangsu-cli-portal");
        assertThat(submit(key, "330802", "柯城区人民政府")).isEqualTo(202);

        // a rotation ends the old key
        String rotated = admin("platforms", "rotate-key", "jiangsu-cli").strip();
        assertThat(rotated).startsWith("nb_").isNotEqualTo(key);
        assertThat(submit(key, "330802", "柯城区人民政府")).isEqualTo(401);
        assertThat(submit(rotated, "330803", "衢江区人民政府")).isEqualTo(202);
    }

    @Test
    void anAdministratorReplaysAStoredSubmission() throws Exception {
        String id = fixture.submitText(StackFixture.seed("001_43d6c315cbc0f57d.txt"), Map.of("agency", "命令行重放测试局"));
        fixture.awaitPublished(id, Duration.ofSeconds(90));
        // the command follows the replay job to its end (the submission may be published again by then)
        assertThat(admin("replay", "--submission", id)).contains("1 submission(s) replayed (replay-");
        fixture.awaitPublished(id, Duration.ofSeconds(90));
        assertThat(admin("replay", "--year", "1999")).contains("0 submission(s) replayed");
        assertThat(admin("replay", "--year", "1999", "--no-wait").strip()).as("--no-wait prints the job's id").startsWith("replay-");
    }

    @Test
    void mistakesAreReportedOnStderrWithANonZeroStatus() throws Exception {
        Run wrongToken = reportctl("admin", "platforms", "list", "--url", fixture.intake(), "--token", "not-the-token");
        assertThat(wrongToken.status()).isNotZero();
        assertThat(wrongToken.err()).contains("401").contains("--token");

        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Run unreachable = reportctl("admin", "platforms", "list", "--url", "http://localhost:" + closedPort, "--token", "x");
        assertThat(unreachable.status()).isNotZero();
        assertThat(unreachable.err()).contains("cannot reach the intake at http://localhost:" + closedPort);

        Run noSelection = reportctl("admin", "replay", "--url", fixture.intake(), "--token", StackFixture.ADMIN_TOKEN);
        assertThat(noSelection.status()).isNotZero();
        assertThat(noSelection.err()).contains("--year");

        Run unknown = reportctl("admin", "platforms", "rotate-key", "nowhere", "--url", fixture.intake(), "--token",
                StackFixture.ADMIN_TOKEN);
        assertThat(unknown.status()).isNotZero();
        assertThat(unknown.err()).contains("404").contains("No platform nowhere");
    }
}
