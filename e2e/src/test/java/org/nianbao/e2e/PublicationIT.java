package org.nianbao.e2e;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * What the public, the provincial office and researchers get from publication: the registry and
 * completeness (who published on time, late, or not at all), one agency's years side by side, the XLSX
 * export, and a report's official tables as HTML and Word. The expected cells were read from the seed
 * documents by hand.
 */
@ExtendWith(SharedStack.class)
class PublicationIT {
    static final String REGISTRY = """
            name,code,region,issuerType
            发布乙区人民政府,,980201,county
            发布乙区发展和改革局,,980202,department
            发布乙区未报局,,980201,department
            """;

    static StackFixture fixture;
    static String districtReport;
    static String bureauReport;

    @BeforeAll
    static void publishTheRegion(StackFixture shared) throws Exception {
        fixture = shared;
        // seed 004 (a county government, published within the county deadline of 2021-02-20)
        districtReport = publish("004_8dd35ab5e340120f.txt", Map.of("agency", "发布乙区人民政府", "regionCode", "980201",
                "issuerType", "county", "year", 2020, "publishedOn", "2021-02-10"));
        // seed 000 (a department, published after its deadline of 2021-01-31)
        bureauReport = publish("000_27b80aaf8e404846.txt", Map.of("agency", "发布乙区发展和改革局", "regionCode", "980202",
                "issuerType", "department", "year", 2020, "publishedOn", "2021-02-05"));
        // the district's next year (seed 001, 2021 format)
        publish("001_43d6c315cbc0f57d.txt", Map.of("agency", "发布乙区人民政府", "regionCode", "980201", "issuerType", "county", "year", 2021));
    }

    static String publish(String seed, Map<String, Object> metadata) throws Exception {
        String id = fixture.submitText(StackFixture.seed(seed), new HashMap<>(metadata));
        return fixture.awaitPublished(id, Duration.ofSeconds(90)).path("reportId");
    }

    static String publication() {
        return fixture.publication();
    }

    @Test
    void theRegistryTellsWhoPublishedOnTimeLateOrNotAtAll() {
        RestAssured.given().baseUri(publication()).contentType("text/csv; charset=utf-8").body(REGISTRY).put("/admin/v1/registry")
                .then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().baseUri(publication()).auth().oauth2(StackFixture.ADMIN_TOKEN).contentType("text/csv; charset=utf-8")
                .body("name,code,region,issuerType\n甲局,,99,department\n").put("/admin/v1/registry")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("line 2: the region must be a 6-digit 行政区划代码"));
        RestAssured.given().baseUri(publication()).auth().oauth2(StackFixture.ADMIN_TOKEN).contentType("text/csv; charset=utf-8").body(REGISTRY)
                .put("/admin/v1/registry").then().statusCode(200).body("loaded", equalTo(3));

        JsonPath c = RestAssured.given().baseUri(publication()).queryParam("region", "9802").queryParam("year", 2020)
                .get("/api/v1/completeness").then().statusCode(200).extract().jsonPath();
        assertThat(c.getInt("expected")).isEqualTo(3);
        assertThat(c.getMap("counts")).containsEntry("ON_TIME", 1).containsEntry("LATE", 1).containsEntry("MISSING", 1);
        assertThat(c.getString("agencies.find { it.agency == '发布乙区发展和改革局' }.status")).isEqualTo("LATE");
        assertThat(c.getString("agencies.find { it.agency == '发布乙区发展和改革局' }.deadline")).isEqualTo("2021-01-31");
        assertThat(c.getString("agencies.find { it.agency == '发布乙区人民政府' }.reportId")).isEqualTo(districtReport);
        assertThat(c.getString("agencies.find { it.agency == '发布乙区未报局' }.status")).isEqualTo("MISSING");
        RestAssured.given().baseUri(publication()).get("/api/v1/completeness?region=99x&year=2020").then().statusCode(400)
                .contentType("application/problem+json");

        // reports can be found by the rule of their findings: the late department's A-01
        RestAssured.given().baseUri(publication()).get("/api/v1/reports?region=9802&rule=a-01").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(bureauReport));

        // the missing-report sweep flags the agency that never published, once
        for (int run = 0; run < 2; run++) {
            RestAssured.given().baseUri(publication()).auth().oauth2(StackFixture.ADMIN_TOKEN)
                    .post("/admin/v1/sweeps/missing-reports?year=2020").then().statusCode(200).body("flagged", equalTo(1));
        }
        JsonPath flagged = RestAssured.given().baseUri(publication()).get("/api/v1/completeness?region=9802&year=2020").jsonPath();
        assertThat(flagged.getString("agencies.find { it.agency == '发布乙区未报局' }.flaggedMissingAt")).isNotBlank();
        assertThat(flagged.getString("agencies.find { it.agency == '发布乙区人民政府' }.flaggedMissingAt")).isNull();

        // a new registry replaces the old one: an agency no longer listed is no longer expected, nor flagged
        RestAssured.given().baseUri(publication()).auth().oauth2(StackFixture.ADMIN_TOKEN).contentType("text/csv; charset=utf-8")
                .body(REGISTRY.replace("发布乙区未报局,,980201,department\n", "")).put("/admin/v1/registry")
                .then().statusCode(200).body("loaded", equalTo(2));
        JsonPath replaced = RestAssured.given().baseUri(publication()).get("/api/v1/completeness?region=9802&year=2020").jsonPath();
        assertThat(replaced.getInt("expected")).isEqualTo(2);
        assertThat(replaced.getMap("counts")).containsEntry("MISSING", 0);
        RestAssured.given().baseUri(publication()).auth().oauth2(StackFixture.ADMIN_TOKEN)
                .post("/admin/v1/sweeps/missing-reports?year=2020").then().statusCode(200).body("flagged", equalTo(0));
    }

    @Test
    void anAgencysYearsStandSideBySide() {
        String agencyKey = RestAssured.given().baseUri(publication()).get("/api/v1/reports/" + districtReport).jsonPath().getString("agencyKey");
        JsonPath series = RestAssured.given().baseUri(publication()).get("/api/v1/agencies/" + agencyKey + "/series")
                .then().statusCode(200).extract().jsonPath();
        assertThat(series.getList("years.year", Integer.class)).containsExactly(2020, 2021);
        assertThat(series.getList("years.format")).containsExactly("2019", "2021");
        // 2020 (seed 004): 本年新收 自然人 34; 2021 (seed 001): 本年新收 总计 0, and 三（六） in three rows
        assertThat(series.getInt("years[0].cells.'applications.rows.newReceived[0]'")).isEqualTo(34);
        assertThat(series.getInt("years[1].cells.'applications.rows.newReceived[6]'")).isZero();
        assertThat(series.getMap("years[1].cells")).containsKey("applications.rows.other.unpaidFee[0]");
        String page = RestAssured.given().baseUri(publication()).get("/agencies/" + agencyKey).then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertThat(page).contains("发布乙区人民政府", "一、本年新收 · 自然人", ">2020</a>", ">2021</a>");
        RestAssured.given().baseUri(publication()).get("/api/v1/agencies/name:nobody/series").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theCellsOfAQueryExportAsAWorkbook() throws Exception {
        byte[] xlsx = RestAssured.given().baseUri(publication()).queryParam("region", "9802").queryParam("year", 2020)
                .get("/api/v1/exports/cells.xlsx").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("path");
            // 2 reports × (23 × 7 part 三 + 15 part 四 + 22 part 二 cells) + header
            assertThat(sheet.getLastRowNum()).isEqualTo(2 * (161 + 15 + 22));
            Row received = find(sheet, "发布乙区人民政府", "applications.rows.newReceived[6]");
            assertThat(received.getCell(6).getNumericCellValue()).isEqualTo(34.0);
            assertThat(received.getCell(3).getNumericCellValue()).isEqualTo(2020.0);
            assertThat(find(sheet, "发布乙区人民政府", "applications.rows.newReceived[1]").getCell(6)).isNull();
            assertThat(find(sheet, "发布乙区发展和改革局", "active.procurement.amountYuan").getCell(6).getNumericCellValue()).isEqualTo(292214.5);
        }
        RestAssured.given().baseUri(publication()).get("/api/v1/exports/cells.xlsx?year=twenty").then().statusCode(400);
    }

    private static Row find(XSSFSheet sheet, String agency, String path) {
        for (Row row : sheet) {
            if (agency.equals(row.getCell(1).getStringCellValue()) && path.equals(row.getCell(5).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + agency + " " + path);
    }

    @Test
    void aReportRendersBackAsTheOfficialTables() throws Exception {
        String html = RestAssured.given().baseUri(publication()).get("/api/v1/reports/" + bureauReport + "/tables.html")
                .then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(html).contains("第二十条第（九）项", "政府集中采购", "colspan=\"2\">292214.5</td>", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
                "rowspan=\"8\">（三）不予公开");
        byte[] docx = RestAssured.given().baseUri(publication()).get("/api/v1/reports/" + bureauReport + "/tables.docx")
                .then().statusCode(200).extract().asByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(doc.getTables()).hasSize(3);
            List<String> partTwo = doc.getTables().get(0).getRows().stream()
                    .flatMap(r -> r.getTableCells().stream()).map(c -> c.getText()).toList();
            // 规范性文件: 本年新制作 20, 本年新公开 20, 对外公开总数 28; 采购总金额 292214.5
            assertThat(String.join("|", partTwo)).contains("规范性文件|20|20|28").contains("政府集中采购").contains("292214.5");
        }
    }

    @Test
    void aPersonSearchesReadsAReportWithItsFlaggedCellsAndSeesTheRollupCharts() throws Exception {
        Assumptions.assumeTrue(Browser.unavailable() == null, Browser.unavailable());
        try (Browser browser = new Browser()) {
            var driver = browser.driver;
            driver.get(publication() + "/");
            assertThat(driver.getTitle()).contains("政府信息公开工作年度报告");
            driver.findElement(By.name("agency")).sendKeys("乙区发展和改革");
            browser.clickAndLoad(driver.findElement(By.cssSelector("form.filters button")));
            assertThat(driver.findElement(By.id("count")).getText()).contains("1 report(s)");
            List<WebElement> rows = driver.findElements(By.cssSelector("#reports tbody tr"));
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).getText()).contains("2020", "发布乙区发展和改革局", "980202");
            browser.screenshot("01-search");

            browser.clickAndLoad(rows.get(0).findElement(By.linkText("发布乙区发展和改革局")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).contains("政府信息公开工作年度报告");
            assertThat(driver.findElements(By.cssSelector("table.official"))).hasSize(3);
            assertThat(driver.findElements(By.tagName("h2")).stream().map(WebElement::getText).toList())
                    .contains("二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况");
            // the blank 予以公开 自然人 cell of seed 000 carries B-09: highlighted, its explanation on hover
            WebElement flagged = driver.findElement(By.cssSelector("td.flag[data-path='applications.rows.granted[0]']"));
            assertThat(flagged.isDisplayed()).isTrue();
            assertThat(flagged.getCssValue("background-color")).isEqualTo("rgba(255, 214, 214, 1)");
            assertThat(flagged.getDomAttribute("title")).startsWith("B-09");
            // the late publication is among the findings a person reads
            assertThat(driver.findElement(By.cssSelector("ul.findings")).getText()).contains("A-01");
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", flagged);
            browser.screenshot("02-report-flagged-cells");

            browser.clickAndLoad(driver.findElement(By.linkText("发布乙区发展和改革局")));
            assertThat(driver.findElement(By.id("series")).getText()).contains("2020", "一、本年新收 · 自然人");

            driver.get(publication() + "/rollups?region=9802&year=2020");
            assertThat(driver.findElement(By.id("summary")).getText()).contains("2 份报告");
            WebElement applicants = driver.findElement(By.cssSelector("#chart-applicants svg"));
            assertThat(applicants.isDisplayed()).isTrue();
            assertThat(applicants.findElements(By.cssSelector("rect.bar"))).hasSize(6);
            // 本年新收 自然人: 34 (seed 004) + 0 (seed 000)
            assertThat(driver.findElement(By.cssSelector("#chart-applicants")).getText()).contains("自然人", "34");
            assertThat(driver.findElement(By.id("rollup-applications")).getText()).contains("（一）予以公开 18 0 0 0 0 0 18");
            browser.screenshot("03-rollup");
        }
    }
}
