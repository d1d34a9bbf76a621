package org.nianbao.e2e;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Each seed report goes through intake, extraction, validation and publication, four processes
 * talking over a real Kafka broker, and is read back from the publication API with its tables.
 * The expected cells were read from the seed documents by hand.
 */
@ExtendWith(SharedStack.class)
class PipelineIT {
    private static StackFixture fixture;

    @BeforeAll
    static void start(StackFixture shared) throws Exception {
        fixture = shared;
    }

    private JsonPath publishedReport(String seed, Map<String, Object> metadata) throws Exception {
        String id = fixture.submitText(StackFixture.seed(seed), metadata);
        String reportId = fixture.awaitPublished(id, Duration.ofSeconds(90)).path("reportId");
        assertThat(reportId).isNotBlank();
        return RestAssured.given().baseUri(fixture.publication()).get("/api/v1/reports/" + reportId)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void dinghaiDevelopmentBureau2020ReadsTheTabSeparatedPdfText() throws Exception {
        JsonPath r = publishedReport("000_27b80aaf8e404846.txt", Map.of("regionCode", "330902", "issuerType", "department"));
        assertThat(r.getString("format")).isEqualTo("2019");
        assertThat(r.getInt("year")).isEqualTo(2020);
        // 规范性文件: 本年新制作 20, 本年新公开 20, 对外公开总数 28
        assertThat(r.getInt("active.normativeDocuments.newlyMade")).isEqualTo(20);
        assertThat(r.getInt("active.normativeDocuments.newlyPublished")).isEqualTo(20);
        assertThat(r.getInt("active.normativeDocuments.totalPublished")).isEqualTo(28);
        // 行政许可: 上一年项目数量 30, 本年增/减 -24, 处理决定数量 5
        assertThat(r.getInt("active.licensing.previousItems")).isEqualTo(30);
        assertThat(r.getInt("active.licensing.change")).isEqualTo(-24);
        assertThat(r.getInt("active.licensing.decisions")).isEqualTo(5);
        assertThat(r.getInt("applications.rows.newReceived[6]")).isZero();
        assertThat(r.getList("findings")).isNotNull();
        // the public page shows the three tables, the blank cells flagged with the finding that explains them
        String page = RestAssured.given().baseUri(fixture.publication()).get("/reports/" + r.getString("id"))
                .then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(page).contains("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况")
                .contains("colspan=\"2\">292214.5</td>")
                .contains("class=\"flag\" title=\"B-09").contains("data-path=\"applications.rows.granted[0]\"");
    }

    @Test
    void shanhaiguan2021ReadsTheOneCellPerLineDocxText() throws Exception {
        JsonPath r = publishedReport("001_43d6c315cbc0f57d.txt", Map.of());
        assertThat(r.getString("format")).isEqualTo("2021");
        assertThat(r.getInt("year")).isEqualTo(2021);
        assertThat(r.getMap("applications.rows")).containsKeys("other.overdueCorrection", "other.unpaidFee", "other.other");
        assertThat(r.getInt("applications.rows.newReceived[6]")).isZero();
        assertThat(r.getInt("active.rules.issued")).isZero();
        assertThat(r.getInt("reviewLitigation.review.total")).isZero();
    }

    @Test
    void planningBureau2020IsPublished() throws Exception {
        JsonPath r = publishedReport("002_250f2460152f5126.txt", Map.of("year", 2020));
        assertThat(r.getString("format")).isEqualTo("2019");
        assertThat(r.getInt("year")).isEqualTo(2020);
        assertThat(r.getMap("applications.rows")).containsKeys("newReceived", "totalProcessed", "carriedForward");
        assertThat(r.getMap("reviewLitigation")).containsKeys("review", "litigationDirect", "litigationAfterReview");
    }

    @Test
    void dingzhouDevelopmentZone2020ReadsThePipeTables() throws Exception {
        JsonPath r = publishedReport("003_8178ad8169fa307d.txt", Map.of());
        assertThat(r.getString("format")).isEqualTo("2019");
        assertThat(r.getInt("year")).isEqualTo(2020);
        assertThat(r.getInt("active.otherServices.previousItems")).isZero();
        assertThat(r.getInt("applications.rows.newReceived[6]")).isZero();
    }

    @Test
    void dinghaiDistrict2020ReadsBlankCellsAsNull() throws Exception {
        JsonPath r = publishedReport("004_8dd35ab5e340120f.txt", Map.of("issuerType", "county"));
        assertThat(r.getString("format")).isEqualTo("2019");
        assertThat(r.getInt("year")).isEqualTo(2020);
        // 一、本年新收: 自然人 34, the five 法人 columns blank, 总计 34
        assertThat(r.getInt("applications.rows.newReceived[0]")).isEqualTo(34);
        assertThat(r.getList("applications.rows.newReceived").get(1)).isNull();
        assertThat(r.getInt("applications.rows.newReceived[6]")).isEqualTo(34);
    }

    @Test
    void aPreviousYearArrivingLateRevalidatesTheLaterYear() throws Exception {
        // 2021 first (seed 001: 上年结转 0 in every column), then its 2020 report (seed 004: 结转下年度 1 自然人, 1 总计)
        String agency = "跨年测试局";
        JsonPath later = publishedReport("001_43d6c315cbc0f57d.txt", Map.of("agency", agency, "year", 2021));
        assertThat(later.getInt("validationRound")).isEqualTo(1);
        assertThat(later.getList("findings.findAll { it.rule == 'F-01' }.severity")).containsExactly("info");
        publishedReport("004_8dd35ab5e340120f.txt", Map.of("agency", agency, "year", 2020));
        String laterId = later.getString("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath again = RestAssured.given().baseUri(fixture.publication()).get("/api/v1/reports/" + laterId).jsonPath();
            assertThat(again.getInt("validationRound")).isEqualTo(2);
            assertThat(again.getList("findings.findAll { it.rule == 'F-01' }.collect { it.paths[0] }", String.class))
                    .containsExactly("applications.rows.carriedOver[0]", "applications.rows.carriedOver[6]");
            assertThat(again.getList("findings.findAll { it.rule == 'F-01' }.severity")).containsOnly("error");
            assertThat(again.getList("revisions")).hasSize(2);
        });
    }

    @Test
    void theRegionalRollupIsTheSumOfTheRegionsReports() throws Exception {
        // sums computed by hand from the documents: seed 004 (本年新收 自然人 34, 总计 34; （一）予以公开 18;
        // 复议 维持 2 纠正 1 总计 3) and seed 000 (本年新收 总计 0; part 四 blank but two 0 totals)
        publishedReport("004_8dd35ab5e340120f.txt", Map.of("agency", "汇总测试区政府", "regionCode", "990101", "year", 2020));
        publishedReport("000_27b80aaf8e404846.txt", Map.of("agency", "汇总测试区发改局", "regionCode", "990102", "year", 2020));
        JsonPath rollup = RestAssured.given().baseUri(fixture.publication()).queryParam("region", "9901").queryParam("year", 2020)
                .get("/api/v1/rollups").then().statusCode(200).extract().jsonPath();
        assertThat(rollup.getInt("reports")).isEqualTo(2);
        assertThat(rollup.getList("applications.rows.newReceived", Integer.class)).containsExactly(34, 0, 0, 0, 0, 0, 34);
        assertThat(rollup.getList("applications.rows.granted", Integer.class)).containsExactly(18, 0, 0, 0, 0, 0, 18);
        assertThat(rollup.getInt("reviewLitigation.review.total")).isEqualTo(3);
        assertThat(rollup.getInt("reviewLitigation.review.upheld")).isEqualTo(2);
        // part 二 (2019 format): 规范性文件 本年新制作 44 + 20
        assertThat(rollup.getInt("active.2019.normativeDocuments.newlyMade")).isEqualTo(64);
        RestAssured.given().baseUri(fixture.publication()).get("/api/v1/rollups?region=9901").then().statusCode(400);

        // the same reports' cells as CSV: one row per cell, blank cells empty
        String csv = RestAssured.given().baseUri(fixture.publication()).queryParam("region", "9901").queryParam("year", 2020)
                .get("/api/v1/exports/cells.csv").then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv.lines().toList().get(0)).endsWith("report_id,agency,region_code,year,format,path,value");
        assertThat(csv).contains(",汇总测试区政府,990101,2020,2019,applications.rows.newReceived[6],34\r")
                .contains(",汇总测试区政府,990101,2020,2019,applications.rows.newReceived[1],\r")
                .contains(",汇总测试区发改局,990102,2020,2019,active.procurement.amountYuan,292214.5\r");
        // 2 reports × (23 × 7 part 三 + 15 part 四 + 22 part 二 cells) + header
        assertThat(csv.lines().count()).isEqualTo(1 + 2 * (161 + 15 + 22));

        // a new revision of the 发改局 report (now seed 004's document) replaces its numbers in every roll-up:
        // 规范性文件 本年新制作 44 + 44, 本年新收 34 + 34; "990" is summed from the cells, "9901" is kept up to date
        String revision = fixture.submitText(StackFixture.seed("004_8dd35ab5e340120f.txt"),
                Map.of("agency", "汇总测试区发改局", "regionCode", "990102", "year", 2020));
        fixture.awaitPublished(revision, Duration.ofSeconds(90));
        for (String region : new String[]{"9901", "990", "99", "990102"}) {
            JsonPath revised = RestAssured.given().baseUri(fixture.publication()).queryParam("region", region).queryParam("year", 2020)
                    .get("/api/v1/rollups").then().statusCode(200).extract().jsonPath();
            int reports = region.equals("990102") ? 1 : 2;
            assertThat(revised.getInt("reports")).as(region).isEqualTo(reports);
            assertThat(revised.getInt("active.2019.normativeDocuments.newlyMade")).as(region).isEqualTo(44 * reports);
            assertThat(revised.getList("applications.rows.newReceived", Integer.class)).as(region)
                    .containsExactly(34 * reports, 0, 0, 0, 0, 0, 34 * reports);
        }
    }

    @Test
    void aDuplicateSubmissionReturnsTheExistingOne() throws Exception {
        String text = StackFixture.seed("001_43d6c315cbc0f57d.txt");
        String first = fixture.submitText(text, Map.of("agency", "重复测试局", "year", 2021));
        RestAssured.given().baseUri(fixture.intake()).auth().oauth2(StackFixture.API_KEY)
                .contentType("application/json").body(Map.of("text", text, "agency", "重复测试局", "year", 2021))
                .post("/api/v1/submissions").then().statusCode(200)
                .body("id", equalTo(first)).body("duplicate", equalTo(true));
    }

    @Test
    void multipartUploadsAreAccepted() throws Exception {
        byte[] doc = StackFixture.seed("004_8dd35ab5e340120f.txt").getBytes(StandardCharsets.UTF_8);
        String id = RestAssured.given().baseUri(fixture.intake()).auth().oauth2(StackFixture.API_KEY)
                .multiPart("file", "dinghai-2020.txt", doc, "text/plain")
                .multiPart(new io.restassured.builder.MultiPartSpecBuilder("舟山市定海区（上传）").controlName("agency")
                        .mimeType("text/plain").charset(StandardCharsets.UTF_8).build())
                .multiPart("year", "2020")
                .post("/api/v1/submissions").then().statusCode(202)
                .body("status", equalTo("RECEIVED")).extract().path("id");
        fixture.awaitPublished(id, Duration.ofSeconds(90));
        String page = RestAssured.given().baseUri(fixture.publication()).queryParam("agency", "（上传）").get("/")
                .then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(page).contains("舟山市定海区（上传）").contains("1 report(s)").contains("/api/v1/reports/r-");
    }

    @Test
    void badInputGetsAProblemDocument() {
        RestAssured.given().baseUri(fixture.intake()).contentType("application/json").body(Map.of("text", "x"))
                .post("/api/v1/submissions").then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().baseUri(fixture.intake()).auth().oauth2("wrong-key").contentType("application/json")
                .body(Map.of("text", "x")).post("/api/v1/submissions").then().statusCode(401);
        RestAssured.given().baseUri(fixture.intake()).auth().oauth2(StackFixture.API_KEY).contentType("application/json")
                .body(Map.of("text", "")).post("/api/v1/submissions").then().statusCode(400)
                .contentType("application/problem+json").body("detail", equalTo("The document is empty."));
        RestAssured.given().baseUri(fixture.intake()).auth().oauth2(StackFixture.API_KEY).contentType("application/json")
                .body("{not json").post("/api/v1/submissions").then().statusCode(400);
    }
}
