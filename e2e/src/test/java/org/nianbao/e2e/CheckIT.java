package org.nianbao.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * An agency checks its draft before it files it (POST /api/v1/checks): the findings come back at once, the cross-year
 * rules compare with what is published, and nothing is stored, sent or published.
 */
@ExtendWith(SharedStack.class)
class CheckIT {
    static final String AGENCY = "核对丙区人民政府";
    static final String REGION = "970201";
    static StackFixture fixture;
    static String checker;
    static String otherRegion;

    @BeforeAll
    static void start(StackFixture shared) {
        fixture = shared;
        checker = platform("check-only", "97");
        otherRegion = platform("check-north", "11");
    }

    @Test
    void aDraftIsCheckedAgainstWhatIsPublishedAndNothingIsStored() throws Exception {
        String draft2021 = StackFixture.seed("001_43d6c315cbc0f57d.txt");
        // nothing published for the agency yet: F-01 only says last year's report is not known (info)
        check(checker, draft2021, 2021).then().statusCode(200)
                .body("stored", equalTo(false))
                .body("agencyKey", org.hamcrest.Matchers.startsWith("name:"))
                .body("findings.findAll { it.rule == 'F-01' }.severity", equalTo(List.of("info")))
                .body("previousYearReportId", nullValue());

        // its 2020 report is published (seed 004); the same draft is now compared with it
        String submission = fixture.submitText(StackFixture.seed("004_8dd35ab5e340120f.txt"), Map.of("agency", AGENCY, "regionCode", REGION,
                "issuerType", "county", "year", 2020, "publishedOn", "2021-02-10"));
        String published2020 = fixture.awaitPublished(submission, Duration.ofSeconds(90)).path("reportId");
        check(checker, draft2021, 2021).then().statusCode(200)
                .body("previousYearReportId", equalTo(published2020))
                .body("findings.findAll { it.rule == 'F-01' }.severity", not(hasItem("info")))
                .body("metadata.agency", equalTo(AGENCY))
                .body("format", equalTo("2021"));

        // the same as multipart, and a document that holds no report
        RestAssured.given().baseUri(fixture.intake()).auth().oauth2(checker)
                .multiPart("file", "draft.txt", draft2021.getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart(new io.restassured.builder.MultiPartSpecBuilder(AGENCY).controlName("agency")
                        .charset(StandardCharsets.UTF_8).build())   // the name in UTF-8, as browsers and curl send it
                .multiPart("regionCode", REGION).multiPart("year", "2021")
                .post("/api/v1/checks").then().statusCode(200).body("previousYearReportId", equalTo(published2020));
        RestAssured.given().baseUri(fixture.intake()).auth().oauth2(checker).contentType(ContentType.JSON)
                .body(Map.of("text", "这不是一份年度报告。", "agency", AGENCY, "regionCode", REGION))
                .post("/api/v1/checks").then().statusCode(422).contentType("application/problem+json");
        // a platform checks only its own region's reports
        check(otherRegion, draft2021, 2021).then().statusCode(403);

        // nothing was stored for the checking platform
        List<?> stored = RestAssured.given().baseUri(fixture.intake()).auth().oauth2(checker).get("/api/v1/submissions")
                .then().statusCode(200).extract().path("$");
        assertThat(stored).isEmpty();
    }

    private static Response check(String key, String text, int year) {
        Map<String, Object> body = new HashMap<>(Map.of("text", text, "agency", AGENCY, "regionCode", REGION, "issuerType", "county",
                "year", year));
        return RestAssured.given().baseUri(fixture.intake()).auth().oauth2(key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/checks");
    }

    private static String platform(String id, String region) {
        return RestAssured.given().baseUri(fixture.intake()).auth().oauth2(StackFixture.ADMIN_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", id, "regionPrefix", region)).post("/admin/v1/platforms")
                .then().statusCode(200).extract().path("apiKey");
    }
}
