package org.nianbao.e2e;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The submission API as a provincial platform meets it, against the real stack, with OIDC on: every
 * API-key test below also shows that keys keep working beside OIDC access tokens.
 */
class IntakeIT {
    private static final TestIdentityProvider IDP = new TestIdentityProvider();
    private static StackFixture fixture;
    private static WebhookReceiver webhookReceiver;
    private static String zhoushanKey;
    private static String hebeiKey;

    @BeforeAll
    static void start() throws Exception {
        fixture = StackFixture.start(stack -> stack.environment("intake", IDP.intakeEnvironment())
                .environment("publication", IDP.publicationEnvironment()));
        webhookReceiver = new WebhookReceiver();
        zhoushanKey = registerPlatform("zhoushan", "3309", webhookReceiver.url());
        hebeiKey = registerPlatform("hebei", "13", null);
        // zhoushan also authenticates with OIDC access tokens of its client "zhoushan-portal"
        RestAssured.given().baseUri(fixture.intake()).auth().oauth2(StackFixture.ADMIN_TOKEN).contentType("application/json")
                .body(Map.of("oidcClientId", "zhoushan-portal")).patch("/admin/v1/platforms/zhoushan")
                .then().statusCode(200).body("oidcClientId", equalTo("zhoushan-portal")).body("apiKey", equalTo(null));
    }

    @AfterAll
    static void stop() throws Exception {
        if (webhookReceiver != null) {
            webhookReceiver.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private static String registerPlatform(String id, String region, String webhook) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("id", id, "name", id + " platform", "regionPrefix", region));
        if (webhook != null) {
            body.put("webhookUrl", webhook);
        }
        return RestAssured.given().baseUri(fixture.intake()).auth().oauth2(StackFixture.ADMIN_TOKEN)
                .contentType("application/json").body(body).post("/admin/v1/platforms")
                .then().statusCode(200).body("id", equalTo(id)).extract().path("apiKey");
    }

    private static RequestSpecification as(String key) {
        return RestAssured.given().baseUri(fixture.intake()).auth().oauth2(key);
    }

    /** Reviewers sign in with the identity provider's access tokens: their roles and region come from its claims. */
    @Test
    void reviewersAuthenticateWithTheIdentityProvidersTokens() {
        RestAssured.given().baseUri(fixture.publication()).auth().oauth2(IDP.reviewerToken("zhang.wei", List.of("reviewer"), "33"))
                .queryParam("region", "3309").get("/review/v1/queue").then().statusCode(200);
        // their region bounds what they see
        RestAssured.given().baseUri(fixture.publication()).auth().oauth2(IDP.reviewerToken("zhang.wei", List.of("reviewer"), "33"))
                .queryParam("region", "13").get("/review/v1/queue").then().statusCode(403)
                .body("detail", containsString("zhang.wei"));
        // a person without the role, or a reviewer whose token names no region
        RestAssured.given().baseUri(fixture.publication()).auth().oauth2(IDP.reviewerToken("li.na", List.of("staff"), "33"))
                .get("/review/v1/queue").then().statusCode(403).body("detail", containsString("'reviewer'"));
        RestAssured.given().baseUri(fixture.publication()).auth().oauth2(IDP.reviewerToken("li.na", List.of("reviewer"), null))
                .get("/review/v1/queue").then().statusCode(403).body("detail", containsString("nianbao_region"));
        // an admin reviews every region; a platform's token is no reviewer's
        RestAssured.given().baseUri(fixture.publication()).auth().oauth2(IDP.reviewerToken("wang.fang", List.of("admin"), null))
                .queryParam("region", "13").get("/review/v1/queue").then().statusCode(200);
        RestAssured.given().baseUri(fixture.publication()).auth().oauth2(IDP.token("zhoushan-portal"))
                .get("/review/v1/queue").then().statusCode(401);
    }

    @Test
    void theAdminApiIsClosedToPlatformKeys() {
        as(StackFixture.API_KEY).get("/admin/v1/platforms").then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().baseUri(fixture.intake()).get("/admin/v1/platforms").then().statusCode(401);
        as(StackFixture.ADMIN_TOKEN).get("/admin/v1/platforms").then().statusCode(200)
                .body("find { it.id == 'zhoushan' }.regionPrefix", equalTo("3309"))
                .body("find { it.id == 'zhoushan' }.apiKey", equalTo(null));
    }

    @Test
    void aPlatformSubmitsOnlyForItsRegionAndSeesOnlyItsSubmissions() throws Exception {
        String text = StackFixture.seed("004_8dd35ab5e340120f.txt");
        String id = as(zhoushanKey).contentType("application/json")
                .body(Map.of("text", text, "agency", "舟山市定海区人民政府", "regionCode", "330902", "year", 2020))
                .post("/api/v1/submissions").then().statusCode(202).extract().path("id");
        as(zhoushanKey).contentType("application/json")
                .body(Map.of("text", text, "agency", "洪泽区人民政府", "regionCode", "320813", "year", 2020))
                .post("/api/v1/submissions").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("3309"));
        as(hebeiKey).get("/api/v1/submissions/" + id).then().statusCode(404);
        as(hebeiKey).get("/api/v1/submissions").then().statusCode(200).body("$", hasSize(0));
        as(zhoushanKey).get("/api/v1/submissions/" + id).then().statusCode(200).body("regionCode", equalTo("330902"));

        // the platform's webhook is called once the report is published
        await().atMost(Duration.ofSeconds(90)).until(() -> webhookReceiver.calls.stream().anyMatch(c -> c.contains(id) && c.contains("PUBLISHED")));
    }

    @Test
    void aPlatformAuthenticatesWithAnOidcAccessTokenWithinItsRegion() throws Exception {
        String text = StackFixture.seed("002_250f2460152f5126.txt");
        String token = IDP.token("zhoushan-portal");
        String id = as(token).contentType("application/json")
                .body(Map.of("text", text, "agency", "舟山市普陀区人民政府", "regionCode", "330903", "year", 2020))
                .post("/api/v1/submissions").then().statusCode(202).extract().path("id");
        // the same platform, whichever credential it uses
        as(zhoushanKey).get("/api/v1/submissions/" + id).then().statusCode(200);
        as(token).get("/api/v1/submissions/" + id).then().statusCode(200).body("regionCode", equalTo("330903"));
        as(hebeiKey).get("/api/v1/submissions/" + id).then().statusCode(404);
        // the region isolation applies to tokens as to keys
        as(token).contentType("application/json")
                .body(Map.of("text", text, "agency", "洪泽区人民政府", "regionCode", "320813", "year", 2020))
                .post("/api/v1/submissions").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("3309"));
    }

    @Test
    void aTokenIntakeCannotTrustIsRefusedWithTheReason() {
        as(IDP.expiredToken("zhoushan-portal")).get("/api/v1/submissions").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("expired"));
        as(IDP.forgedToken("zhoushan-portal")).get("/api/v1/submissions").then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("signature, issuer or audience"));
        as(IDP.tokenForAnotherAudience("zhoushan-portal")).get("/api/v1/submissions").then().statusCode(401)
                .contentType("application/problem+json");
        as(IDP.token("unknown-portal")).get("/api/v1/submissions").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("'unknown-portal'"))
                .body("detail", containsString("oidcClientId"));
        as("not-a-key").get("/api/v1/submissions").then().statusCode(401).body("detail", equalTo("The API key is not valid."));
    }

    @Test
    void gbkTextIsAcceptedAndRead() throws Exception {
        byte[] gbk = StackFixture.seed("000_27b80aaf8e404846.txt").getBytes(Charset.forName("GBK"));
        String id = as(hebeiKey).multiPart("file", "dinghai-gbk.txt", gbk, "text/plain")
                .multiPart("regionCode", "130682").multiPart("agency", "GBK测试局")
                .post("/api/v1/submissions").then().statusCode(202).extract().path("id");
        String published = awaitPublished(hebeiKey, id);
        RestAssured.given().baseUri(fixture.publication()).get("/api/v1/reports/" + published)
                .then().statusCode(200).body("year", equalTo(2020));
    }

    @Test
    void aRealPdfAndAWordDocumentAreAcceptedAndRead() throws Exception {
        java.nio.file.Path pdf = java.nio.file.Path.of(System.getProperty("nianbao.shared", "../../shared"), "corpus", "real",
                "huaian-city-2024.pdf");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(pdf),
                "skipped: " + pdf + " is not here (the shared corpus lives beside the clone in CI)");
        String pdfId = as(hebeiKey).multiPart("file", pdf.toFile(), "application/pdf").multiPart("regionCode", "130100")
                .post("/api/v1/submissions").then().statusCode(202).extract().path("id");
        String pdfReport = awaitPublished(hebeiKey, pdfId);
        // 淮安市 2024, read from the PDF: 一、本年新收 总计 3119; 行政复议 总计 351
        RestAssured.given().baseUri(fixture.publication()).get("/api/v1/reports/" + pdfReport).then().statusCode(200)
                .body("extraction.inputType", equalTo("pdf")).body("applications.rows.newReceived[6]", equalTo(3119))
                .body("reviewLitigation.review.total", equalTo(351));

        byte[] docx;
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : StackFixture.seed("001_43d6c315cbc0f57d.txt").split("\n")) {
                doc.createParagraph().createRun().setText(line.replace("\t", " "));
            }
            doc.write(out);
            docx = out.toByteArray();
        }
        String docxId = as(hebeiKey).multiPart("file", "report.docx", docx,
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document").multiPart("regionCode", "130303")
                .post("/api/v1/submissions").then().statusCode(202).extract().path("id");
        String docxReport = awaitPublished(hebeiKey, docxId);
        RestAssured.given().baseUri(fixture.publication()).get("/api/v1/reports/" + docxReport).then().statusCode(200)
                .body("extraction.inputType", equalTo("docx")).body("year", equalTo(2021)).body("format", equalTo("2021"));
    }

    @Test
    void badInputIsRefusedWithAnActionableProblem() {
        as(hebeiKey).contentType("application/json")
                .body(Map.of("text", "某报告", "agencyCode", "91350100M000100Y44", "regionCode", "130682"))
                .post("/api/v1/submissions").then().statusCode(400).body("detail", containsString("should be '3'"));
        as(hebeiKey).contentType("application/json").body(Map.of("text", "某报告", "regionCode", "1306"))
                .post("/api/v1/submissions").then().statusCode(400).body("detail", containsString("6-digit"));
        as(hebeiKey).multiPart("file", "report.pdf", "not a pdf".getBytes(StandardCharsets.UTF_8), "application/pdf")
                .multiPart("regionCode", "130682")
                .post("/api/v1/submissions").then().statusCode(415).body("detail", containsString("named .pdf"));
        as(hebeiKey).multiPart("file", "report.xls", "x".getBytes(StandardCharsets.UTF_8), "application/octet-stream")
                .multiPart("regionCode", "130682")
                .post("/api/v1/submissions").then().statusCode(415);
        as(hebeiKey).multiPart("file", "garbage.txt", new byte[]{(byte) 0xff, 0, (byte) 0xfe, 0x01, (byte) 0x80, 0, 0, 0x02},
                        "text/plain").multiPart("regionCode", "130682")
                .post("/api/v1/submissions").then().statusCode(415).contentType("application/problem+json");
        byte[] huge = new byte[20 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        as(hebeiKey).multiPart("file", "huge.txt", huge, "text/plain").multiPart("regionCode", "130682")
                .post("/api/v1/submissions").then().statusCode(413).contentType("application/problem+json");
        as(hebeiKey).get("/api/v1/submissions").then().statusCode(200)
                .body("findAll { it.agencyCode == '91350100M000100Y44' }", hasSize(0));
    }

    @Test
    void theIdempotencyKeyReturnsTheFirstSubmissionAndRefusesAnotherBody() throws Exception {
        String text = StackFixture.seed("002_250f2460152f5126.txt");
        String first = as(hebeiKey).header("Idempotency-Key", "batch-7-item-1").contentType("application/json")
                .body(Map.of("text", text, "regionCode", "130682", "agency", "幂等测试局"))
                .post("/api/v1/submissions").then().statusCode(202).extract().path("id");
        as(hebeiKey).header("Idempotency-Key", "batch-7-item-1").contentType("application/json")
                .body(Map.of("text", text, "regionCode", "130682", "agency", "幂等测试局"))
                .post("/api/v1/submissions").then().statusCode(200).body("id", equalTo(first)).body("duplicate", equalTo(true));
        as(hebeiKey).header("Idempotency-Key", "batch-7-item-1").contentType("application/json")
                .body(Map.of("text", text + "\n", "regionCode", "130682", "agency", "幂等测试局"))
                .post("/api/v1/submissions").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("already used for another document"));
    }

    @Test
    void aChangedDocumentIsANewRevision() throws Exception {
        String text = StackFixture.seed("003_8178ad8169fa307d.txt");
        Map<String, Object> meta = Map.of("regionCode", "130682", "agency", "修订测试管委会", "year", 2020);
        as(hebeiKey).contentType("application/json").body(with(meta, "text", text)).post("/api/v1/submissions")
                .then().statusCode(202).body("revision", equalTo(1));
        as(hebeiKey).contentType("application/json").body(with(meta, "text", text + "\n（更正版）"))
                .post("/api/v1/submissions").then().statusCode(202).body("revision", equalTo(2));
    }

    @Test
    void aZipBatchGetsOneStatusPerReport() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "manifest.csv", "file,agency,regionCode,year\n000.txt,批量测试一局,130682,2020\n001.txt,批量测试二局,130682,2021\n"
                    .getBytes(StandardCharsets.UTF_8));
            put(zip, "000.txt", StackFixture.seed("000_27b80aaf8e404846.txt").getBytes(StandardCharsets.UTF_8));
            put(zip, "reports/001.txt", StackFixture.seed("001_43d6c315cbc0f57d.txt").getBytes(StandardCharsets.UTF_8));
            put(zip, "empty.txt", new byte[0]);
        }
        as(hebeiKey).contentType("application/zip").body(bytes.toByteArray()).post("/api/v1/submissions/batch")
                .then().statusCode(200)
                .body("accepted", equalTo(2)).body("rejected", equalTo(1))
                .body("results.find { it.item == '000.txt' }.status", equalTo(202))
                .body("results.find { it.item == 'empty.txt' }.problem.detail", equalTo("The document is empty."));
    }

    @Test
    void anNdjsonBatchGetsOneStatusPerLine() throws Exception {
        String line1 = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                Map.of("text", StackFixture.seed("004_8dd35ab5e340120f.txt"), "agency", "NDJSON测试局", "regionCode", "130682"));
        String body = line1 + "\n{not json}\n" + line1 + "\n";
        as(hebeiKey).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/submissions/batch")
                .then().statusCode(200)
                .body("results", hasSize(3))
                .body("results[0].status", equalTo(202))
                .body("results[1].status", equalTo(400))
                .body("results[2].status", equalTo(200)).body("results[2].duplicate", equalTo(true));
    }

    @Test
    void anAdministratorReplaysAStoredSubmission() throws Exception {
        String id = as(hebeiKey).contentType("application/json")
                .body(Map.of("text", StackFixture.seed("001_43d6c315cbc0f57d.txt"), "regionCode", "130303", "agency", "重放测试局"))
                .post("/api/v1/submissions").then().statusCode(202).extract().path("id");
        String reportId = awaitPublished(hebeiKey, id);
        String job = as(StackFixture.ADMIN_TOKEN).queryParam("submission", id).post("/admin/v1/replay")
                .then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(as(StackFixture.ADMIN_TOKEN).get("/admin/v1/replays/" + job).path("state")));
        as(StackFixture.ADMIN_TOKEN).get("/admin/v1/replays/" + job).then().statusCode(200).body("replayed", equalTo(1));
        assertThat(awaitPublished(hebeiKey, id)).isEqualTo(reportId);
        RestAssured.given().baseUri(fixture.publication()).get("/api/v1/reports/" + reportId)
                .then().statusCode(200).body("revisions", hasSize(1));
    }

    private static String awaitPublished(String key, String id) {
        String[] reportId = new String[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            var r = as(key).get("/api/v1/submissions/" + id);
            reportId[0] = r.path("reportId");
            return "PUBLISHED".equals(r.path("status"));
        });
        return reportId[0];
    }

    private static Map<String, Object> with(Map<String, Object> meta, String key, Object value) {
        Map<String, Object> m = new java.util.HashMap<>(meta);
        m.put(key, value);
        return m;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
