package org.nianbao.e2e;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nianbao.devstack.EmbeddedDatabase;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile and mistaken input against the real stack: every refusal is a 4xx application/problem+json saying what
 * to fix, nothing is half-stored (the intake database's tables are counted before and after), and intake is
 * healthy afterwards. Also the region ownership of reports between two platforms, idempotency under concurrency,
 * the closed internal and operations doors, and the public site's links and security headers.
 */
@ExtendWith(SharedStack.class)
class HostileInputIT {
    private static StackFixture fixture;
    /** Platform A, Zhejiang (region prefix 33), and platform B, Jiangsu (32). */
    private static String keyA;
    private static String keyB;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static String report;
    private long[] before;

    @BeforeAll
    static void start(StackFixture shared) throws Exception {
        fixture = shared;
        keyA = registerPlatform("zhejiang", "33");
        keyB = registerPlatform("jiangsu", "32");
        report = StackFixture.seed("004_8dd35ab5e340120f.txt");
    }

    @BeforeEach
    void count() throws Exception {
        before = storedRows();
    }

    /** After every test: intake is healthy. Tests that refuse everything also check nothing was stored. */
    @AfterEach
    void healthy() {
        RestAssured.given().baseUri(fixture.intake()).get("/q/health/ready").then().statusCode(200);
    }

    private static String registerPlatform(String id, String prefix) {
        return RestAssured.given().baseUri(fixture.intake()).auth().oauth2(StackFixture.ADMIN_TOKEN).contentType("application/json")
                .body(Map.of("id", id, "name", id, "regionPrefix", prefix)).post("/admin/v1/platforms")
                .then().statusCode(200).extract().path("apiKey");
    }

    private static RequestSpecification as(String key) {
        return RestAssured.given().baseUri(fixture.intake()).auth().oauth2(key);
    }

    private static Map<String, Object> json(Object... keyValues) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    // --- what every refusal must look like --------------------------------------------------------------

    private static void assertProblem(int status, String contentType, String body, int expected, String detail) {
        assertThat(status).as("status of " + body).isEqualTo(expected);
        assertThat(contentType).startsWith("application/problem+json");
        JsonPath problem = JsonPath.from(body);
        assertThat(problem.getInt("status")).isEqualTo(expected);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).contains(detail);
    }

    private static void assertProblem(Response r, int expected, String detail) {
        assertProblem(r.statusCode(), r.contentType(), r.asString(), expected, detail);
    }

    private static void assertProblem(HttpResponse<String> r, int expected, String detail) {
        assertProblem(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), expected, detail);
    }

    /** Rows of the intake tables a submission writes: submissions, documents, outbox events. */
    private static long[] storedRows() throws Exception {
        var settings = fixture.stack.settings();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + settings.postgresPort() + "/intake",
                EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD)) {
            long[] counts = new long[3];
            String[] tables = {"submission", "submission_document", "outbox_event"};
            for (int i = 0; i < 3; i++) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + tables[i])) {
                    rs.next();
                    counts[i] = rs.getLong(1);
                }
            }
            return counts;
        }
    }

    private void assertNothingStored() throws Exception {
        assertThat(storedRows()).as("submissions, documents, outbox events").containsExactly(before);
    }

    private void assertStored(int submissions) throws Exception {
        long[] now = storedRows();
        assertThat(now).as("submissions, documents, outbox events")
                .containsExactly(before[0] + submissions, before[1] + submissions, before[2] + submissions);
    }

    private static HttpResponse<String> raw(String path, String contentType, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fixture.intake() + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + keyA).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Sends only a request's head over a socket and reads the answer: for limits that must hold before the body. */
    private static String[] rawHead(String head) throws Exception {
        URI uri = URI.create(fixture.intake());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            return new String[]{response.substring(0, split), response.substring(split + 4)};
        }
    }

    private static void assertRawProblem(String[] response, int status, String detail) {
        assertThat(response[0]).startsWith("HTTP/1.1 " + status);
        assertThat(response[0].toLowerCase()).contains("content-type: application/problem+json");
        assertThat(JsonPath.from(response[1]).getString("detail")).contains(detail);
    }

    // --- malformed requests -----------------------------------------------------------------------------

    @Test
    void brokenMultipartBodiesAre400() throws Exception {
        String part = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.txt\"\r\nContent-Type: text/plain\r\n\r\n"
                + report + "\r\n--XYZ\r\nContent-Disposition: form-data; name=\"regionCode\"\r\n\r\n330102\r\n--XYZ--\r\n";
        byte[] whole = part.getBytes(StandardCharsets.UTF_8);
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertProblem(raw("/api/v1/submissions", "multipart/form-data; boundary=XYZ", truncated), 400, "multipart");
        assertProblem(raw("/api/v1/submissions", "multipart/form-data; boundary=OTHER", whole), 400, "multipart");
        assertProblem(raw("/api/v1/submissions", "multipart/form-data; boundary=XYZ",
                "{\"text\":\"report\"}".getBytes(StandardCharsets.UTF_8)), 400, "multipart");
        assertProblem(raw("/api/v1/submissions", "multipart/form-data", whole), 400, "multipart");
        assertNothingStored();
    }

    @Test
    void oversizedFieldsAndHeadersAre400BeforeTheDatabase() throws Exception {
        assertProblem(as(keyA).header("Idempotency-Key", "k".repeat(10 * 1024)).contentType("application/json")
                .body(json("text", report, "regionCode", "330102")).post("/api/v1/submissions"), 400, "Idempotency-Key has 10240 characters");
        assertProblem(as(keyA).header("Idempotency-Key", "key with spaces").contentType("application/json")
                .body(json("text", report, "regionCode", "330102")).post("/api/v1/submissions"), 400, "Idempotency-Key must be printable ASCII");
        assertProblem(as(keyA).multiPart("file", "r".repeat(2000) + ".txt", report.getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("regionCode", "330102").post("/api/v1/submissions"), 400, "fileName has 2004 characters");
        assertProblem(as(keyA).contentType("application/json").body(json("text", report, "regionCode", "330102", "agency", "杭州\u0000局"))
                .post("/api/v1/submissions"), 400, "agency holds control characters");
        assertProblem(as(keyA).contentType("application/json").body(json("text", report, "regionCode", "330102", "agency", "局".repeat(10_000)))
                .post("/api/v1/submissions"), 400, "agency has 10000 characters");
        assertProblem(as(keyA).multiPart("file", "r.txt", report.getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("regionCode", "330102").multiPart("agency", "局".repeat(100_000)).post("/api/v1/submissions"), 413,
                "a metadata part may have at most 64 KB");
        assertProblem(as(keyA).contentType("application/json").body(json("text", report, "regionCode", "330102",
                "sourceUrl", "https://example.org/" + "a".repeat(3000))).post("/api/v1/submissions"), 400, "sourceUrl has");
        assertNothingStored();
    }

    @Test
    void hostileJsonIsRefusedWhileParsed() throws Exception {
        byte[] deep = ("{\"text\":\"x\",\"agency\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}").getBytes(StandardCharsets.UTF_8);
        assertProblem(raw("/api/v1/submissions", "application/json", deep), 400, "nested more than 32 levels");
        byte[] longNumber = ("{\"text\":\"x\",\"year\":" + "9".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8);
        assertProblem(raw("/api/v1/submissions", "application/json", longNumber), 400, "more than 20 digits");
        byte[] bigText = ("{\"regionCode\":\"330102\",\"text\":\"" + "a".repeat(25 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(raw("/api/v1/submissions", "application/json", bigText), 413, "at most 20 MB");
        assertProblem(raw("/api/v1/submissions", "application/json", "{\"text\": \"unterminated".getBytes(StandardCharsets.UTF_8)),
                400, "valid JSON");
        assertProblem(raw("/api/v1/submissions", "application/json", new byte[0]), 400, "JSON");
        assertProblem(raw("/api/v1/submissions", "application/json", "[1,2]".getBytes(StandardCharsets.UTF_8)), 400, "JSON object");
        byte[] invalidUtf8 = concat("{\"text\":\"".getBytes(StandardCharsets.UTF_8), new byte[]{(byte) 0xff, (byte) 0xfe, 'a'},
                "\",\"regionCode\":\"330102\"}".getBytes(StandardCharsets.UTF_8));
        assertProblem(raw("/api/v1/submissions", "application/json", invalidUtf8), 400, "UTF-8");
        assertProblem(raw("/api/v1/submissions", "text/plain", report.getBytes(StandardCharsets.UTF_8)), 415, "multipart/form-data");
        assertNothingStored();
    }

    @Test
    void wrongJsonTypesAreRefusedNamingTheField() throws Exception {
        assertProblem(as(keyA).contentType("application/json").body(json("text", report, "regionCode", "330102", "year", Map.of("y", 2024)))
                .post("/api/v1/submissions"), 400, "'year' must be a year such as 2024, not an object");
        assertProblem(as(keyA).contentType("application/json").body(json("text", report, "regionCode", 330102))
                .post("/api/v1/submissions"), 400, "'regionCode' must be a string, not a number");
        assertProblem(as(keyA).contentType("application/json").body(json("text", 42, "regionCode", "330102"))
                .post("/api/v1/submissions"), 400, "'text' must be a string");
        assertProblem(as(keyA).contentType("application/json").body(json("text", report, "regionCode", "330102", "agency", List.of("a")))
                .post("/api/v1/submissions"), 400, "'agency' must be a string, not an array");
        assertProblem(as(keyA).contentType("application/json").body(json("text", report, "regionCode", "330102", "year", 2020.5))
                .post("/api/v1/submissions"), 400, "'year'");
        assertNothingStored();
    }

    @Test
    void metadataOutsideItsDomainIsRefused() throws Exception {
        int next = LocalDate.now().getYear() + 1;
        for (Object year : List.of(1900, 3000, -5, 2006, next + 1, "abc")) {
            assertProblem(as(keyA).contentType("application/json").body(json("text", report, "regionCode", "330102", "year", year))
                    .post("/api/v1/submissions"), 400, "year must be");
        }
        assertProblem(as(keyA).contentType("application/json").body(json("text", report, "regionCode", "330102", "year", 2024,
                "publishedOn", "1800-01-01")).post("/api/v1/submissions"), 400, "publishedOn 1800-01-01 is before the end of the report year");
        assertProblem(as(keyA).contentType("application/json").body(json("text", report, "regionCode", "330102", "year", 2024,
                "publishedOn", "2024-06-30")).post("/api/v1/submissions"), 400, "before the end of the report year (2024-12-31)");
        assertProblem(as(keyA).contentType("application/json").body(json("text", report, "regionCode", "330102",
                "publishedOn", "2999-01-01")).post("/api/v1/submissions"), 400, "in the future");
        assertProblem(as(keyA).contentType("application/json").body(json("text", report, "regionCode", "330102", "issuerType", "emperor"))
                .post("/api/v1/submissions"), 400, "issuerType must be one of department, county, prefecture, province");
        assertProblem(as(keyA).contentType("application/json").body(json("text", report, "regionCode", "33010a"))
                .post("/api/v1/submissions"), 400, "6-digit");
        for (String url : List.of("javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>", "ftp://example.org/r.pdf",
                "//example.org/r")) {
            assertProblem(as(keyA).contentType("application/json").body(json("text", report, "regionCode", "330102", "sourceUrl", url))
                    .post("/api/v1/submissions"), 400, "sourceUrl must be an absolute http:// or https:// address");
        }
        assertProblem(as(keyA).multiPart("file", "r.txt", report.getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("regionCode", "330102").multiPart("year", "1900").post("/api/v1/submissions"), 400, "year must be between 2007");
        assertProblem(as(keyA).queryParam("year", "abc").get("/api/v1/submissions"), 400, "year must be a whole number");
        assertProblem(as(keyA).queryParam("limit", "many").get("/api/v1/submissions"), 400, "limit must be a whole number");
        assertProblem(as(keyA).queryParam("status", "DONE").get("/api/v1/submissions"), 400, "status must be one of");
        assertNothingStored();
    }

    @Test
    void limitsOfTheHttpRequestAreProblemsToo() throws Exception {
        URI uri = URI.create(fixture.intake());
        String host = "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n";
        assertRawProblem(rawHead("GET /api/v1/submissions?x=" + "a".repeat(8 * 1024) + " HTTP/1.1\r\n" + host
                + "Authorization: Bearer " + keyA + "\r\nConnection: close\r\n\r\n"), 414, "at most 4096");
        assertRawProblem(rawHead("GET /api/v1/submissions HTTP/1.1\r\n" + host + "X-Padding: " + "p".repeat(100 * 1024)
                + "\r\nAuthorization: Bearer " + keyA + "\r\nConnection: close\r\n\r\n"), 431, "at most 16384");
        assertRawProblem(rawHead("POST /api/v1/submissions/batch HTTP/1.1\r\n" + host + "Authorization: Bearer " + keyA
                + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: " + 101L * 1024 * 1024 + "\r\n\r\n"), 413, "split it into several batches");
        assertRawProblem(rawHead("POST /api/v1/submissions HTTP/1.1\r\n" + host + "Authorization: Bearer " + keyA
                + "\r\nContent-Type: application/json\r\nContent-Length: " + 31L * 1024 * 1024 + "\r\n\r\n"), 413, "in one submission");
        assertNothingStored();
    }

    // --- batches ---------------------------------------------------------------------------------------

    @Test
    void aNinetyOneMegabyteNdjsonBatchIsReadLineByLine() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String longLine = "{\"regionCode\":\"330102\",\"text\":\"" + "长".repeat(32 * 1024 * 1024 / 3) + "\"}\n";
        body.writeBytes(longLine.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(longLine.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("{\"regionCode\":\"330102\",\"text\":\"" + "a".repeat(27 * 1024 * 1024) + "\"}\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(concat("{\"regionCode\":\"330102\",\"agency\":\"坏编码局\",\"text\":\"".getBytes(StandardCharsets.UTF_8),
                new byte[]{(byte) 0xc3, (byte) 0x28}, "\"}\n".getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("{\"regionCode\":\"330102\",\"year\":{\"y\":1},\"text\":\"x\"}\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes((new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                json("text", report, "agency", "流式批量局", "regionCode", "330102", "year", 2020)) + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(body.size()).isGreaterThan(90 * 1024 * 1024).isLessThan(100 * 1024 * 1024);
        HttpResponse<String> r = raw("/api/v1/submissions/batch", "application/x-ndjson", body.toByteArray());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonPath result = JsonPath.from(r.body());
        assertThat(result.getList("results.status", Integer.class)).containsExactly(413, 413, 413, 400, 400, 202);
        assertThat(result.getString("results[0].problem.detail")).contains("more than 30 MB");
        assertThat(result.getString("results[2].problem.detail")).contains("at most 20 MB");
        assertThat(result.getString("results[3].problem.detail")).contains("UTF-8");
        assertThat(result.getString("results[4].problem.detail")).contains("'year'");
        assertStored(1);
    }

    @Test
    void aZipOfTwoHundredTwentyMegabyteEntriesIsReadOneEntryAtATime() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] block = new byte[1024 * 1024];
        java.util.Arrays.fill(block, (byte) 'a');
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_SPEED);
            for (int i = 0; i < 200; i++) {
                zip.putNextEntry(new ZipEntry("big-" + i + ".txt"));
                for (int mb = 0; mb < 20; mb++) {
                    zip.write(block);
                }
                zip.write('b');
                zip.closeEntry();
            }
        }
        HttpResponse<String> r = raw("/api/v1/submissions/batch", "application/zip", bytes.toByteArray());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonPath result = JsonPath.from(r.body());
        assertThat(result.getInt("rejected")).isEqualTo(200);
        assertThat(result.getString("results[0].problem.detail")).contains("at most 20 MB");
        assertThat(result.getString("results[199].problem.detail")).contains("exceed 200 MB in all");
        assertProblem(raw("/api/v1/submissions/batch", "application/zip", "not a zip".getBytes(StandardCharsets.UTF_8)), 400, "zip archive");
        assertNothingStored();
    }

    @Test
    void malformedBatchesAreRefusedWholeOrItemByItem() throws Exception {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 5001; i++) {
            many.append("{}\n");
        }
        HttpResponse<String> r = raw("/api/v1/submissions/batch", "application/x-ndjson", many.toString().getBytes(StandardCharsets.UTF_8));
        JsonPath result = JsonPath.from(r.body());
        assertThat(result.getList("results")).hasSize(5001);
        assertThat(result.getString("results[0].problem.detail")).contains("no 'text' field");
        assertThat(result.getString("results[5000].problem.detail")).contains("at most 5000 documents");
        assertProblem(raw("/api/v1/submissions/batch", "application/x-ndjson", "\n \n".getBytes(StandardCharsets.UTF_8)), 400, "no submission");
        assertProblem(raw("/api/v1/submissions/batch", "application/json", "{}".getBytes(StandardCharsets.UTF_8)), 415, "application/x-ndjson");

        assertProblem(raw("/api/v1/submissions/batch", "application/zip", zip(Map.of("manifest.csv", "file,colour\n",
                "a.txt", report))), 400, "manifest.csv: unknown column 'colour'");
        r = raw("/api/v1/submissions/batch", "application/zip", zip(Map.of(
                "manifest.csv", "file,agency,regionCode,year\na.txt,坏清单局,330102,1900\nb.txt,坏清单局\u0000,330102,2020\n",
                "../../a.txt", report, "b.txt", report, "c" + "x".repeat(300) + ".txt", report, "d.exe", report)));
        result = JsonPath.from(r.body());
        assertThat(result.getInt("rejected")).as(r.body()).isEqualTo(4);
        assertThat(result.getString("results.find { it.item == '../../a.txt' }.problem.detail")).contains("year must be between 2007");
        assertThat(result.getString("results.find { it.item == 'b.txt' }.problem.detail")).contains("control characters");
        assertThat(result.getString("results.find { it.item.startsWith('cxxx') }.problem.detail")).contains("fileName has 305 characters");
        assertThat(result.getString("results.find { it.item == 'd.exe' }.problem.detail")).contains("not accepted");
        assertNothingStored();
    }

    private static byte[] zip(Map<String, String> files) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    // --- concurrency and idempotency ------------------------------------------------------------------------

    private static List<Response> concurrently(int n, java.util.function.IntFunction<Response> post) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                calls.add(() -> post.apply(index));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdown();
        }
    }

    /** One answer 202 (created), every other one {@code others}; never a 5xx. */
    private static void assertOneCreated(List<Response> responses, int others) {
        List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
        assertThat(statuses).as(responses.stream().map(Response::asString).toList().toString()).containsOnly(202, others);
        assertThat(java.util.Collections.frequency(statuses, 202)).isEqualTo(1);
    }

    @Test
    void concurrentIdenticalPostsStoreOneSubmission() throws Exception {
        Map<String, Object> body = json("text", report, "agency", "并发测试局", "regionCode", "330103", "year", 2020);
        List<Response> responses = concurrently(20, i -> as(keyA).contentType("application/json").body(body).post("/api/v1/submissions"));
        assertOneCreated(responses, 200);
        assertThat(new HashSet<>(responses.stream().map(r -> r.path("id")).toList())).hasSize(1);
        assertStored(1);
    }

    @Test
    void oneIdempotencyKeyUnderConcurrencyIsOneSubmissionAndADifferentBodyIs422() throws Exception {
        Map<String, Object> body = json("text", report, "agency", "幂等并发局", "regionCode", "330104", "year", 2020);
        List<Response> same = concurrently(20, i -> as(keyA).header("Idempotency-Key", "same-key-1").contentType("application/json")
                .body(body).post("/api/v1/submissions"));
        assertOneCreated(same, 200);
        String id = same.get(0).path("id");
        assertThat(same).allSatisfy(r -> assertThat(r.<String>path("id")).isEqualTo(id));

        List<Response> different = concurrently(20, i -> as(keyA).header("Idempotency-Key", "same-key-2").contentType("application/json")
                .body(json("text", report + "\n第" + i + "稿", "agency", "幂等并发二局", "regionCode", "330104", "year", 2020))
                .post("/api/v1/submissions"));
        assertOneCreated(different, 422);
        different.stream().filter(r -> r.statusCode() == 422).forEach(r -> assertProblem(r, 422, "already used for another document"));
        assertProblem(as(keyA).header("Idempotency-Key", "same-key-1").contentType("application/json")
                .body(json("text", report, "agency", "幂等并发局", "regionCode", "330104", "year", 2021)).post("/api/v1/submissions"),
                422, "Idempotency-Key 'same-key-1'");
        assertStored(2);
    }

    @Test
    void concurrentRevisionsGetDistinctNumbers() throws Exception {
        List<Response> responses = concurrently(10, i -> as(keyA).contentType("application/json")
                .body(json("text", report + "\n修订" + i, "agency", "修订并发局", "regionCode", "330105", "year", 2020))
                .post("/api/v1/submissions"));
        assertThat(responses).extracting(Response::statusCode).containsOnly(202);
        assertThat(responses.stream().map(r -> (Integer) r.path("revision")).toList()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertStored(10);
    }

    // --- who owns a report ----------------------------------------------------------------------------

    @Test
    void aPlatformCanNeitherReviseNorDiscoverAnotherRegionsReport() throws Exception {
        String a = as(keyA).contentType("application/json").body(json("text", report, "agency", "归属测试局", "regionCode", "330100",
                "year", 2020)).post("/api/v1/submissions").then().statusCode(202).extract().path("id");
        // B claims the agency for its own region: refused, and the answer says nothing of A's report
        Response b = as(keyB).contentType("application/json").body(json("text", report + "\n（江苏）", "agency", "归属测试局",
                "regionCode", "320100", "year", 2020)).post("/api/v1/submissions");
        assertProblem(b, 403, "may not submit for this agency");
        assertThat(b.asString()).doesNotContain("330100", "zhejiang", a, "revision", "33");
        // the same document as A's, and without a year: refused alike
        assertProblem(as(keyB).contentType("application/json").body(json("text", report, "agency", "归属测试局", "regionCode", "320100",
                "year", 2020)).post("/api/v1/submissions"), 403, "may not submit for this agency");
        assertProblem(as(keyB).contentType("application/json").body(json("text", report, "agency", "归属测试局", "regionCode", "320100"))
                .post("/api/v1/submissions"), 403, "may not submit for this agency");
        // B naming A's region is refused by its prefix
        assertProblem(as(keyB).contentType("application/json").body(json("text", report, "agency", "归属测试局", "regionCode", "330100"))
                .post("/api/v1/submissions"), 403, "region 32*");
        // B cannot read A's submission or see it listed
        assertProblem(as(keyB).get("/api/v1/submissions/" + a), 404, "No submission");
        assertThat(as(keyB).get("/api/v1/submissions").jsonPath().getList("id")).doesNotContain(a);
        // A's report is untouched; its region is fixed; A revises it
        as(keyA).get("/api/v1/submissions/" + a).then().statusCode(200)
                .body("regionCode", org.hamcrest.Matchers.equalTo("330100")).body("revision", org.hamcrest.Matchers.equalTo(1));
        assertProblem(as(keyA).contentType("application/json").body(json("text", report + "\n更正", "agency", "归属测试局",
                "regionCode", "330200", "year", 2020)).post("/api/v1/submissions"), 409, "fixed by its first submission");
        as(keyA).contentType("application/json").body(json("text", report + "\n更正", "agency", "归属测试局", "regionCode", "330100",
                "year", 2020)).post("/api/v1/submissions").then().statusCode(202).body("revision", org.hamcrest.Matchers.equalTo(2));
        // the same holds the other way round
        as(keyB).contentType("application/json").body(json("text", report, "agency", "江苏归属局", "regionCode", "320100", "year", 2020))
                .post("/api/v1/submissions").then().statusCode(202);
        assertProblem(as(keyA).contentType("application/json").body(json("text", report, "agency", "江苏归属局", "regionCode", "330100",
                "year", 2020)).post("/api/v1/submissions"), 403, "may not submit for this agency");
        assertStored(3);
        // A's report goes through the pipeline (extraction fetches its document with the service token)
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> "PUBLISHED".equals(as(keyA).get("/api/v1/submissions/" + a).path("status")));
    }

    // --- closed doors ----------------------------------------------------------------------------------

    @Test
    void theInternalDocumentsNeedTheServiceTokenAndOperationsTheAdminToken() throws Exception {
        String id = as(keyA).contentType("application/json").body(json("text", report, "agency", "门禁测试局", "regionCode", "330106"))
                .post("/api/v1/submissions").then().statusCode(202).extract().path("id");
        String path = "/internal/v1/documents/" + id;
        assertProblem(RestAssured.given().baseUri(fixture.intake()).get(path), 401, "service token");
        for (String wrong : List.of(keyA, StackFixture.ADMIN_TOKEN, "guess")) {
            assertProblem(as(wrong).get(path), 401, "service token");
        }
        assertThat(as(fixture.stack.internalToken()).get(path).then().statusCode(200).extract().asByteArray())
                .isEqualTo(report.getBytes(StandardCharsets.UTF_8));

        assertProblem(RestAssured.given().baseUri(fixture.intake()).get("/ops/v1/pipeline"), 401, "admin token");
        assertProblem(as(keyA).get("/ops/v1/pipeline"), 401, "admin token");
        as(StackFixture.ADMIN_TOKEN).get("/ops/v1/pipeline").then().statusCode(200);
        assertProblem(as(keyA).get("/admin/v1/platforms"), 401, "admin token");
        assertStored(1);
    }

    // --- the public site ---------------------------------------------------------------------------------

    @Test
    void everyPublicPageForbidsScriptsAndFraming() {
        for (String page : List.of("/", "/rollups?region=33&year=2020", "/reports/no-such-report", "/api/v1/reports")) {
            Response r = RestAssured.given().baseUri(fixture.publication()).get(page);
            assertThat(r.header("Content-Security-Policy")).as(page).contains("default-src 'none'", "frame-ancestors 'none'")
                    .doesNotContain("script-src");
            assertThat(r.header("X-Content-Type-Options")).as(page).isEqualTo("nosniff");
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
