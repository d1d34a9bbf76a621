package org.nianbao.publication.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.nianbao.testing.PostgresResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Every error as RFC 9457 application/problem+json (libs/web's one mapper, found in its jar's index), and the admin
 * doors closed while no admin token is configured.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ProblemsTest {

    @Test
    void anUnknownReportIsA404Problem() {
        given().get("/api/v1/reports/{id}", "r-nothing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Not Found"))
                .body("status", equalTo(404))
                .body("detail", equalTo("No report r-nothing is published."));
        given().get("/api/v1/agencies/{key}/series", "name:nobody").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No published report of agency name:nobody."));
    }

    @Test
    void aBadParameterIsA400ProblemSayingWhatToSend() {
        given().queryParam("region", "abc").queryParam("year", 2024).get("/api/v1/rollups").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Bad Request"))
                .body("status", equalTo(400))
                .body("detail", equalTo("region must be a 行政区划代码 prefix of up to 6 digits, e.g. 32 or 320800; got 'abc'."));
        given().queryParam("region", "32").get("/api/v1/completeness").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("year is required, e.g. /api/v1/completeness?region=3208&year=2024"));
        given().queryParam("year", "twenty").get("/").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", startsWith("year must be a number such as 2024"));
    }

    @Test
    void withoutAnAdminTokenTheAdminAndOperationsApisDoNotExist() {
        given().queryParam("year", 2024).post("/admin/v1/sweeps/missing-reports").then().statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not Found"))
                .body("detail", equalTo("The admin API is disabled: set nianbao.admin-token (NIANBAO_ADMIN_TOKEN)."));
        given().header("Authorization", "Bearer anything").get("/ops/v1/anything").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("The operations API is disabled: set nianbao.admin-token (NIANBAO_ADMIN_TOKEN)."));
    }

    @Test
    void pagesAndAnswersCarryTheSecurityHeaders() {
        given().get("/").then().statusCode(200).header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", startsWith("default-src 'none'"));
    }
}
