package org.nianbao.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The review loop on the real stack, as a provincial office meets it: a review-first platform submits a report with
 * errors → it is IN_REVIEW, not public → a reviewer of its region confirms two findings, dismisses one with a reason
 * and approves → it is public, PUBLISHED, the platform's webhook told of both steps → the 问题清单 (XLSX, and the DOCX
 * 整改通知 read back with POI) lists exactly the two → the corrected revision resolves one, keeps the other open and
 * does not raise the dismissed one again. A reviewer of another region gets 403 at every step. Once through the API
 * (REST Assured), once in the reviewer's pages in headless Chromium (screenshots in target/screenshots).
 * <p>
 * The report is seed 004 published late with 本年新收 总计 written 35 instead of 34 (C-01, C-02, D-01); its
 * corrected revision is the seed as it is. Both have the B-09 warnings on blank cells.
 */
@ExtendWith(SharedStack.class)
class ReviewIT {
    static final String SEED = "004_8dd35ab5e340120f.txt";
    static final String PART_FOUR_BLANKS = "reviewLitigation.review.other";
    static StackFixture fixture;
    static String platformKey;
    static String reviewer;
    static String otherRegion;
    static WebhookReceiver webhookReceiver;

    @BeforeAll
    static void start(StackFixture shared) throws Exception {
        fixture = shared;
        webhookReceiver = new WebhookReceiver();
        platformKey = RestAssured.given().baseUri(fixture.intake()).auth().oauth2(StackFixture.ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("id", "jiangxi-review", "name", "江西省政务公开平台", "regionPrefix", "36", "review", "REVIEW_FIRST",
                        "webhookUrl", webhookReceiver.url()))
                .post("/admin/v1/platforms").then().statusCode(200).body("review", equalTo("REVIEW_FIRST")).extract().path("apiKey");
        reviewer = registerReviewer("jiangxi-reviewer", "36");
        otherRegion = registerReviewer("beijing-reviewer", "11");
    }

    @AfterAll
    static void stop() {
        webhookReceiver.close();
    }

    @Test
    void aReviewerConfirmsDismissesApprovesAndFollowsTheCorrectionThroughTheApi() throws Exception {
        String agency = "审核甲县人民政府";
        String submission = submit(agency, "360101", tampered());
        awaitStatus(submission, "IN_REVIEW");
        String reportId = queued(agency);
        public_().get("/api/v1/reports/{id}", reportId).then().statusCode(404);

        JsonPath report = review(reviewer).get("/review/v1/reports/{id}", reportId).then().statusCode(200).extract().jsonPath();
        assertThat(report.getList("findings.rule", String.class)).contains("A-01", "C-01", "C-02", "D-01", "B-09");
        List<String> c02 = paths(report, "C-02");
        List<String> partFour = blanksOfPartFour(report);

        // another region's reviewer: 403 at every step
        review(otherRegion).get("/review/v1/reports/{id}", reportId).then().statusCode(403);
        decide(otherRegion, reportId, "A-01", List.of("publishedOn"), "CONFIRMED", null).then().statusCode(403);
        review(otherRegion).post("/review/v1/reports/{id}/approve", reportId).then().statusCode(403);
        review(otherRegion).queryParam("region", "36").queryParam("year", 2020).get("/review/v1/problems").then().statusCode(403);
        review(otherRegion).get("/review/v1/reports/{id}/notice.docx", reportId).then().statusCode(403);
        // the platform's API key is no reviewer's token
        review(StackFixture.API_KEY).get("/review/v1/queue").then().statusCode(401);
        review(platformKey).get("/review/v1/queue").then().statusCode(401);

        decide(reviewer, reportId, "A-01", List.of("publishedOn"), "CONFIRMED", null).then().statusCode(200);
        decide(reviewer, reportId, "C-02", c02, "CONFIRMED", null).then().statusCode(200);
        decide(reviewer, reportId, "B-09", partFour, "DISMISSED", "空白单元格即为0，不作整改").then().statusCode(200)
                .body("dismissedFindings.rule", equalTo(List.of("B-09")));
        review(reviewer).post("/review/v1/reports/{id}/approve", reportId).then().statusCode(202);

        awaitStatus(submission, "PUBLISHED");
        public_().get("/api/v1/reports/{id}", reportId).then().statusCode(200).body("submissionId", equalTo(submission));
        await().atMost(Duration.ofSeconds(30)).until(() -> calls(submission).containsAll(List.of("submission.in_review", "submission.published")));

        assertProblems(agency, List.of("A-01", "C-02"), List.of("OPEN", "OPEN"));
        byte[] docx = review(reviewer).queryParam("correctBy", "2021-05-31").get("/review/v1/reports/{id}/notice.docx", reportId)
                .then().statusCode(200).extract().asByteArray();
        try (XWPFDocument letter = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(letter.getTables()).hasSize(1);
            assertThat(letter.getTables().get(0).getNumberOfRows()).isEqualTo(3);
            String text = letter.getParagraphs().stream().map(p -> p.getText()).reduce("", String::concat);
            assertThat(text).contains(agency, "2020", "2021年5月31日");
        }

        // the corrected revision: C-02 resolved, A-01 open, B-09 of part 四 not raised again
        String corrected = submit(agency, "360101", StackFixture.seed(SEED));
        awaitStatus(corrected, "IN_REVIEW");
        review(reviewer).get("/review/v1/reports/{id}", reportId).then().statusCode(200)
                .body("revision", equalTo(2))
                .body("findings.find { it.rule == 'A-01' }.state", equalTo("open"))
                .body("findings.find { it.rule == 'A-01' }.decision.decision", equalTo("CONFIRMED"))
                .body("resolvedFindings.find { it.rule == 'C-02' }.state", equalTo("resolved"))
                .body("dismissedFindings.rule", equalTo(List.of("B-09")));
        assertProblems(agency, List.of("A-01", "C-02"), List.of("OPEN", "RESOLVED"));
        review(reviewer).post("/review/v1/reports/{id}/approve", reportId).then().statusCode(202);
        awaitStatus(corrected, "PUBLISHED");
        public_().get("/api/v1/reports/{id}", reportId).then().statusCode(200).body("revision", equalTo(2));
    }

    @Test
    void aReviewerDoesTheSameInThePages() throws Exception {
        Assumptions.assumeTrue(Browser.unavailable() == null, Browser.unavailable());
        String agency = "审核乙县人民政府";
        String submission = submit(agency, "360102", tampered());
        awaitStatus(submission, "IN_REVIEW");
        String reportId = queued(agency);
        try (Browser browser = new Browser()) {
            var driver = browser.driver;
            driver.get(fixture.publication() + "/review");
            assertThat(driver.getCurrentUrl()).contains("/review/signin");
            driver.findElement(By.id("token")).sendKeys(reviewer);
            browser.clickAndLoad(driver.findElement(By.id("signin")));
            WebElement row = driver.findElement(By.xpath("//table[@id='queue']//tr[td/a[text()='" + agency + "']]"));
            assertThat(row.getText()).contains("360102", "2020", "第1版第1轮");
            browser.screenshot("review-01-queue");

            browser.clickAndLoad(row.findElement(By.linkText(agency)));
            assertThat(driver.findElement(By.id("review-state")).getText()).contains("待审核");
            browser.screenshot("review-02-report");
            browser.clickAndLoad(finding(driver, "A-01").findElement(By.cssSelector("form.confirm button")));
            browser.clickAndLoad(finding(driver, "C-02").findElement(By.cssSelector("form.confirm button")));
            WebElement partFour = driver.findElement(By.xpath("//li[@data-rule='B-09'][.//input[@name='paths' and contains(@value,'"
                    + PART_FOUR_BLANKS + "')]]"));
            partFour.findElement(By.name("reason")).sendKeys("空白单元格即为0");
            browser.clickAndLoad(partFour.findElement(By.cssSelector("form.dismiss button")));
            assertThat(driver.findElement(By.id("dismissed")).getText()).contains("已排除（1）");
            assertThat(finding(driver, "A-01").getText()).contains("已确认");
            browser.screenshot("review-03-decided");

            browser.clickAndLoad(driver.findElement(By.id("approve")));
            awaitStatus(submission, "PUBLISHED");
            driver.get(fixture.publication() + "/reports/" + reportId);
            assertThat(driver.findElement(By.tagName("h1")).getText()).contains("政府信息公开工作年度报告");
            browser.screenshot("review-04-public");

            driver.get(fixture.publication() + "/review/problems?year=2020");
            List<String> listed = driver.findElements(By.xpath("//table[@id='problems']//tr[td/a[text()='" + agency + "']]/td[2]"))
                    .stream().map(WebElement::getText).sorted().toList();
            assertThat(listed).containsExactly("A-01", "C-02");
            browser.screenshot("review-05-problems");

            String corrected = submit(agency, "360102", StackFixture.seed(SEED));
            awaitStatus(corrected, "IN_REVIEW");
            driver.get(fixture.publication() + "/review/reports/" + reportId);
            // the corrected total resolves C-01, C-02 and D-01; C-02 was a confirmed problem
            assertThat(driver.findElement(By.id("resolved")).getText()).contains("已改正（3）");
            assertThat(driver.findElement(By.cssSelector("ul.resolved")).getText()).contains("C-01", "C-02", "D-01", "（已确认的问题）");
            assertThat(driver.findElement(By.id("dismissed")).getText()).contains("已排除（1）");
            assertThat(finding(driver, "A-01").getText()).contains("未改正", "已确认");
            browser.screenshot("review-06-corrected");
        }
    }

    private static WebElement finding(org.openqa.selenium.WebDriver driver, String rule) {
        return driver.findElement(By.cssSelector("ul.findings li[data-rule='" + rule + "']"));
    }

    private static void assertProblems(String agency, List<String> rules, List<String> states) throws Exception {
        JsonPath problems = review(reviewer).queryParam("year", 2020).get("/review/v1/problems").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> mine = problems.<Map<String, Object>>getList("problems").stream()
                .filter(p -> agency.equals(p.get("agency"))).sorted(java.util.Comparator.comparing(p -> (String) p.get("rule"))).toList();
        assertThat(mine.stream().map(p -> p.get("rule")).toList()).isEqualTo(rules);
        assertThat(mine.stream().map(p -> p.get("state")).toList()).isEqualTo(states);
        byte[] xlsx = review(reviewer).queryParam("year", 2020).get("/review/v1/problems.xlsx").then().statusCode(200).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = book.getSheet("问题清单");
            List<String> listed = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(1).getStringCellValue().equals(agency)) {
                    listed.add(sheet.getRow(r).getCell(4).getStringCellValue());
                }
            }
            assertThat(listed.stream().sorted().toList()).isEqualTo(rules);
        }
    }

    /** The seed with 本年新收 总计 written 35 (its parts add up to 34). */
    private static String tampered() throws Exception {
        String seed = StackFixture.seed(SEED);
        int first = seed.indexOf("\n\t34\n");
        int second = seed.indexOf("\n\t34\n", first + 1);
        return seed.substring(0, second) + "\n\t35\n" + seed.substring(second + 5);
    }

    private static String submit(String agency, String region, String text) {
        Map<String, Object> body = new HashMap<>(Map.of("agency", agency, "regionCode", region, "issuerType", "county", "year", 2020,
                "publishedOn", "2021-03-10", "text", text));
        return RestAssured.given().baseUri(fixture.intake()).auth().oauth2(platformKey).contentType(ContentType.JSON).body(body)
                .post("/api/v1/submissions").then().statusCode(202).extract().path("id");
    }

    private static void awaitStatus(String submission, String status) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> status.equals(
                RestAssured.given().baseUri(fixture.intake()).auth().oauth2(platformKey).get("/api/v1/submissions/" + submission).path("status")));
    }

    private static String queued(String agency) {
        List<Map<String, Object>> queue = review(reviewer).get("/review/v1/queue").then().statusCode(200).extract().jsonPath().getList("$");
        return queue.stream().filter(q -> agency.equals(q.get("agency"))).map(q -> (String) q.get("reportId")).findFirst().orElseThrow();
    }

    private static List<String> paths(JsonPath report, String rule) {
        return report.getList("findings.findAll { it.rule == '" + rule + "' }[0].paths", String.class);
    }

    private static List<String> blanksOfPartFour(JsonPath report) {
        List<List<String>> b09 = report.getList("findings.findAll { it.rule == 'B-09' }.paths");
        return b09.stream().filter(p -> p.contains(PART_FOUR_BLANKS)).findFirst().orElseThrow();
    }

    private static List<String> calls(String submission) {
        return webhookReceiver.calls.stream().map(JsonPath::from).filter(j -> submission.equals(j.getString("id")))
                .map(j -> j.getString("event")).toList();
    }

    private static io.restassured.response.Response decide(String token, String reportId, String rule, List<String> paths,
                                                           String decision, String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("rule", rule, "paths", paths, "decision", decision));
        if (reason != null) {
            body.put("reason", reason);
        }
        return review(token).contentType(ContentType.JSON).body(body).put("/review/v1/reports/{id}/decisions", reportId);
    }

    private static RequestSpecification review(String token) {
        return RestAssured.given().baseUri(fixture.publication()).auth().oauth2(token);
    }

    private static RequestSpecification public_() {
        return RestAssured.given().baseUri(fixture.publication());
    }

    private static String registerReviewer(String name, String region) {
        return RestAssured.given().baseUri(fixture.publication()).auth().oauth2(StackFixture.ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", name, "role", "reviewer", "regionPrefix", region)).post("/admin/v1/reviewers")
                .then().statusCode(201).extract().path("token");
    }
}
