package org.nianbao.publication.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.nianbao.events.ReportPublished;
import org.nianbao.publication.service.PublicationService;
import org.nianbao.testing.PostgresResource;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The report's API shows each finding's state across the report's revisions: open, new, and resolved apart. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class FindingStatesTest {
    @Inject
    PublicationService publication;

    @Test
    void aCorrectedRevisionResolvesItsErrorsAndKeepsItsWarningOpen() throws Throwable {
        // revision 1 has two C-01 errors on the same cell (one finding) and the A-02 warning; revision 2 only the warning
        List<ReportPublished> first = VertxContextSupport.subscribeAndAwait(() -> publication.publish(List.of(
                Events.validated("状态测试局", "350101", "sub-s1", 1, 1, 2, 9))));
        String id = first.get(0).reportId();
        given().get("/api/v1/reports/{id}", id).then().statusCode(200)
                .body("findings", hasSize(3))
                .body("findings.state", equalTo(List.of("new", "new", "new")))
                .body("resolvedFindings", hasSize(0));

        VertxContextSupport.subscribeAndAwait(() -> publication.publish(List.of(
                Events.validated("状态测试局", "350101", "sub-s2", 2, 1, 0, 9))));

        given().get("/api/v1/reports/{id}", id).then().statusCode(200)
                .body("findings.rule", equalTo(List.of("A-02")))
                .body("findings[0].state", equalTo("open"))
                .body("findings[0].since.submissionId", equalTo("sub-s1"))
                .body("resolvedFindings.rule", equalTo(List.of("C-01")))
                .body("resolvedFindings[0].state", equalTo("resolved"))
                .body("resolvedFindings[0].since.submissionId", equalTo("sub-s2"))
                .body("resolvedFindings[0].since.revision", equalTo(2))
                .body("revisions", hasSize(2));
        // and the report's page says the same
        String page = given().get("/reports/{id}", id).then().statusCode(200).extract().asString();
        assertThat(page).contains("发现的问题（1）", "未改正 open · 自第1版第1轮", "已改正的问题（1）", "已改正 resolved · 自第2版第1轮起不再出现");
    }
}
