package org.nianbao.publication.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.nianbao.events.ReportValidated;
import org.nianbao.events.ReviewPolicy;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.messaging.StageBatch;
import org.nianbao.model.Finding;
import org.nianbao.model.Severity;
import org.nianbao.testing.PostgresResource;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The review loop on a review-first platform: a report with errors is held (not public) → a reviewer of its region
 * confirms two findings, dismisses one with a reason, approves → it is public → the 问题清单 (JSON, XLSX, the DOCX
 * notice) lists the two → a corrected revision resolves one, keeps the other open, and does not raise the dismissed one
 * again. A reviewer of another region gets 403 at every step, and what is not a reviewer's token 401.
 */
@QuarkusTest
@TestProfile(AdminTokenTest.WithAdminToken.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ReviewTest {
    static final String REGION = "360102";
    static final String TOTAL = "applications.rows.newReceived[6]";
    static final String PERSONS = "applications.rows.newReceived[0]";

    @Inject
    @Any
    InMemoryConnector connector;

    /** Revision {@code revision} of 审核测试局's report; {@code totalWrong}: the total differs from its parts (C-01). */
    static ReportValidated version(String submission, int revision, boolean totalWrong) {
        ReportValidated base = Events.validated("审核测试局", REGION, submission, revision, 1, 0, 9);
        List<Finding> findings = new java.util.ArrayList<>();
        if (totalWrong) {
            findings.add(Finding.of("C-01", Severity.ERROR, List.of(TOTAL), 10, 11, "合计与各项之和不符", "The total differs from the sum"));
        }
        findings.add(Finding.of("C-07", Severity.ERROR, List.of(PERSONS), null, 8, "自然人申请数与正文不一致", "Persons differ from the text"));
        findings.add(Finding.of("A-02", Severity.WARNING, List.of(), null, null, "未写明发布日期", "No publication date"));
        return ReportValidated.of(base.submissionId(), revision, base.agencyKey(), base.metadata().reviewed(ReviewPolicy.REVIEW_FIRST),
                base.report(), findings, 1, base.validatedAt());
    }

    @Test
    void theWholeReviewLoop() throws Exception {
        String own = register("江西审核员", "36");
        String other = register("北京审核员", "11");
        connector.sink("published-out").clear();
        connector.sink("validated-out").clear();

        // held: report-held, not public
        send(version("sub-rv1", 1, true));
        String held = awaitOutcome("held:sub-rv1:1");
        String reportId = PipelineEvents.read(held, org.nianbao.events.ReportHeld.class).reportId();
        given().get("/api/v1/reports/{id}", reportId).then().statusCode(404);
        given().auth().oauth2(own).get("/review/v1/queue").then().statusCode(200)
                .body("findAll { it.reportId == '" + reportId + "' }.errors", equalTo(List.of(2)));

        // the other region's reviewer, and tokens that are not a reviewer's
        given().auth().oauth2(other).get("/review/v1/reports/{id}", reportId).then().statusCode(403);
        given().auth().oauth2(other).contentType(ContentType.JSON).body(decision("C-01", TOTAL, "CONFIRMED", null))
                .put("/review/v1/reports/{id}/decisions", reportId).then().statusCode(403);
        given().auth().oauth2(other).post("/review/v1/reports/{id}/approve", reportId).then().statusCode(403);
        given().auth().oauth2(other).queryParam("region", "36").queryParam("year", 2024).get("/review/v1/problems").then().statusCode(403);
        given().auth().oauth2(other).queryParam("region", "36").get("/review/v1/queue").then().statusCode(403);
        given().auth().oauth2(other).get("/review/v1/reports/{id}/notice.docx", reportId).then().statusCode(403);
        given().auth().oauth2("local-dev-key").get("/review/v1/queue").then().statusCode(401);
        given().get("/review/v1/queue").then().statusCode(401);

        // confirm two, dismiss one (a reason is required)
        confirm(own, reportId, "C-01", TOTAL);
        confirm(own, reportId, "C-07", PERSONS);
        given().auth().oauth2(own).contentType(ContentType.JSON).body(decision("A-02", null, "DISMISSED", " "))
                .put("/review/v1/reports/{id}/decisions", reportId).then().statusCode(400);
        given().auth().oauth2(own).contentType(ContentType.JSON).body(decision("A-02", null, "DISMISSED", "发布日期见网页"))
                .put("/review/v1/reports/{id}/decisions", reportId).then().statusCode(200)
                .body("findings.rule", containsInAnyOrder("C-01", "C-07"))
                .body("findings.decision.decision", equalTo(List.of("CONFIRMED", "CONFIRMED")))
                .body("dismissedFindings.rule", equalTo(List.of("A-02")))
                .body("dismissedFindings[0].decision.reason", equalTo("发布日期见网页"))
                .body("dismissedFindings[0].decision.reviewer", equalTo("江西审核员"));

        // approve: the held version goes to report-validated again, and is published from there
        given().auth().oauth2(own).post("/review/v1/reports/{id}/approve", reportId).then().statusCode(202)
                .body("approvedVersions", equalTo(1));
        forwardApproved();
        awaitOutcome("published:sub-rv1:1");
        given().get("/api/v1/reports/{id}", reportId).then().statusCode(200).body("submissionId", equalTo("sub-rv1"));
        given().auth().oauth2(own).get("/review/v1/queue").then().statusCode(200)
                .body("findAll { it.reportId == '" + reportId + "' }", hasSize(0));

        // the 问题清单 lists exactly the two confirmed problems
        given().auth().oauth2(own).queryParam("year", 2024).get("/review/v1/problems").then().statusCode(200)
                .body("regionPrefix", equalTo("36"))
                .body("problems.rule", containsInAnyOrder("C-01", "C-07"))
                .body("problems.state", equalTo(List.of("OPEN", "OPEN")))
                .body("problems.find { it.rule == 'C-01' }.cells[0].row", equalTo("一、本年新收"))
                .body("problems.find { it.rule == 'C-01' }.cells[0].column", equalTo("总计"))
                .body("problems.find { it.rule == 'C-01' }.says", equalTo("11"))
                .body("problems.find { it.rule == 'C-01' }.shouldSay", equalTo("10"));
        byte[] xlsx = given().auth().oauth2(own).queryParam("year", 2024).get("/review/v1/problems.xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = book.getSheet("问题清单");
            List<String> rules = new java.util.ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(1).getStringCellValue().equals("审核测试局")) {
                    rules.add(sheet.getRow(r).getCell(4).getStringCellValue());
                }
            }
            assertThat(rules).containsExactlyInAnyOrder("C-01", "C-07");
        }
        byte[] docx = given().auth().oauth2(own).queryParam("correctBy", "2025-06-30").get("/review/v1/reports/{id}/notice.docx", reportId)
                .then().statusCode(200).extract().asByteArray();
        try (XWPFDocument letter = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFTable table = letter.getTables().get(0);
            assertThat(table.getNumberOfRows()).isEqualTo(3);
            String text = letter.getParagraphs().stream().map(p -> p.getText()).reduce("", String::concat);
            assertThat(text).contains("审核测试局", "2024", "2025年6月30日");
        }

        // a corrected revision: C-01 resolved, C-07 still open (and still confirmed), A-02 not raised again
        send(version("sub-rv2", 2, false));
        awaitOutcome("held:sub-rv2:1");
        given().auth().oauth2(own).get("/review/v1/reports/{id}", reportId).then().statusCode(200)
                .body("revision", equalTo(2))
                .body("awaitingReview", equalTo(true))
                .body("findings.rule", equalTo(List.of("C-07")))
                .body("findings[0].state", equalTo("open"))
                .body("findings[0].decision.decision", equalTo("CONFIRMED"))
                .body("dismissedFindings.rule", equalTo(List.of("A-02")))
                .body("resolvedFindings.rule", equalTo(List.of("C-01")));
        given().auth().oauth2(own).queryParam("year", 2024).get("/review/v1/problems").then().statusCode(200)
                .body("problems.find { it.rule == 'C-01' }.state", equalTo("RESOLVED"))
                .body("problems.find { it.rule == 'C-01' }.resolvedIn", equalTo(2))
                .body("problems.find { it.rule == 'C-07' }.state", equalTo("OPEN"));
        given().auth().oauth2(own).queryParam("year", 2024).get("/review/v1/problems/summary").then().statusCode(200)
                .body("agencies.find { it.agency == '审核测试局' }.open", equalTo(1))
                .body("agencies.find { it.agency == '审核测试局' }.resolved", equalTo(1));
        // the public still sees revision 1 until the correction is approved
        given().get("/api/v1/reports/{id}", reportId).then().statusCode(200).body("revision", equalTo(1));

        // the pages say the same
        String page = given().cookie("nianbao_reviewer", own).get("/review/reports/{id}", reportId).then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("待审核 awaiting review", "已排除（1）", "发布日期见网页", "已改正（1）", "已确认");
        given().redirects().follow(false).get("/review").then().statusCode(303);
        given().cookie("nianbao_reviewer", other).get("/review/reports/{id}", reportId).then().statusCode(403);
    }

    private String register(String name, String region) {
        return given().auth().oauth2(AdminTokenTest.TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", name, "role", "reviewer", "regionPrefix", region))
                .post("/admin/v1/reviewers").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(200)))
                .extract().path("token");
    }

    private static void confirm(String token, String reportId, String rule, String path) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(decision(rule, path, "CONFIRMED", null))
                .put("/review/v1/reports/{id}/decisions", reportId).then().statusCode(200);
    }

    private static Map<String, Object> decision(String rule, String path, String decision, String reason) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("rule", rule);
        body.put("paths", path == null ? List.of() : List.of(path));
        body.put("decision", decision);
        body.put("reason", reason);
        return body;
    }

    private void send(ReportValidated event) {
        connector.source("validated-in").send(StageBatch.of(List.of(Message.of(PipelineEvents.toJson(event)))));
    }

    /** What Kafka would do: the approved events sent to report-validated come back to the consumer. */
    private void forwardApproved() {
        InMemorySink<String> sink = connector.sink("validated-out");
        await().atMost(Duration.ofSeconds(10)).until(() -> !sink.received().isEmpty());
        List<Message<String>> records = sink.received().stream().map(m -> Message.of(m.getPayload())).toList();
        sink.clear();
        connector.source("validated-in").send(StageBatch.of(records));
    }

    private String awaitOutcome(String eventId) {
        InMemorySink<String> sink = connector.sink("published-out");
        await().atMost(Duration.ofSeconds(30)).until(() -> sink.received().stream()
                .anyMatch(m -> m.getPayload().contains("\"eventId\":\"" + eventId + "\"")));
        return sink.received().stream().map(Message::getPayload).filter(p -> p.contains("\"eventId\":\"" + eventId + "\"")).findFirst().orElseThrow();
    }
}
