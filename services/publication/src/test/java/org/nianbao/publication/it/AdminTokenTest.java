package org.nianbao.publication.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nianbao.publication.service.CompletenessService;
import org.nianbao.testing.PostgresResource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/** With an admin token configured, the admin API answers to it alone. */
@QuarkusTest
@TestProfile(AdminTokenTest.WithAdminToken.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class AdminTokenTest {
    static final String TOKEN = "s3cret-admin-token";

    public static class WithAdminToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the sweep soon after start and then often, to see it run from its typed settings
            return Map.of("nianbao.admin-token", TOKEN,
                    "nianbao.sweep.missing-reports.delay", "1s", "nianbao.sweep.missing-reports.every", "2s");
        }
    }

    @Test
    void aMissingOrWrongTokenIs401WithABearerChallenge() {
        given().queryParam("year", 2024).post("/admin/v1/sweeps/missing-reports").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .contentType("application/problem+json")
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401))
                .body("detail", equalTo("The admin API needs 'Authorization: Bearer <admin token>'."));
        given().header("Authorization", "Bearer " + TOKEN + "x").queryParam("year", 2024).post("/admin/v1/sweeps/missing-reports")
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
        given().header("Authorization", "Bearer wrong").body("name,code,region,issuerType\n").contentType("text/csv; charset=UTF-8")
                .put("/admin/v1/registry").then().statusCode(401);
    }

    @Test
    void theRightTokenOpensTheAdminApi() {
        given().header("Authorization", "Bearer " + TOKEN).queryParam("year", 2024).post("/admin/v1/sweeps/missing-reports")
                .then().statusCode(200).body("year", equalTo(2024)).body("flagged", equalTo(0));
        given().header("Authorization", "Bearer " + TOKEN).contentType("text/csv; charset=UTF-8")
                .body("name,code,region,issuerType\n测试四局,,320801,department\n测试五局,,320802,county\n")
                .put("/admin/v1/registry").then().statusCode(200).body("loaded", equalTo(2));
        given().queryParam("region", "3208").queryParam("year", 2024).get("/api/v1/completeness").then().statusCode(200)
                .body("expected", equalTo(2));
    }

    @Test
    void theScheduledSweepFlagsTheRegisteredAgenciesWithoutAReportAfterTheirDeadline() {
        LocalDate today = LocalDate.now(CompletenessService.CHINA);
        int lastYear = today.getYear() - 1;
        Assumptions.assumeTrue(today.isAfter(LocalDate.of(today.getYear(), 4, 30)), "every deadline for last year has passed");
        given().header("Authorization", "Bearer " + TOKEN).contentType("text/csv; charset=UTF-8")
                .body("name,code,region,issuerType\n测试七局,,330101,department\n")
                .put("/admin/v1/registry").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("region", "330101").queryParam("year", lastYear)
                .get("/api/v1/completeness").then().statusCode(200)
                .body("agencies[0].agency", equalTo("测试七局"))
                .body("agencies[0].status", equalTo("MISSING"))
                .body("agencies[0].flaggedMissingAt", notNullValue()));
    }

    @Test
    void aBadRegistryIsRefusedWholeAsA400Problem() {
        given().header("Authorization", "Bearer " + TOKEN).contentType("text/csv; charset=UTF-8")
                .body("name,code,region,issuerType\n测试六局,,32,department\n")
                .put("/admin/v1/registry").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", startsWith("The registry was not loaded: line 2: the region must be a 6-digit 行政区划代码"));
    }
}
