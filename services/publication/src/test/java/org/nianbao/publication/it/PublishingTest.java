package org.nianbao.publication.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.nianbao.events.ReportPublished;
import org.nianbao.events.ReportValidated;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.messaging.StageBatch;
import org.nianbao.testing.PostgresResource;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** report-validated in, the public report and report-published out: what a reader and intake see. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class PublishingTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Test
    void aValidatedReportBecomesAPublicReportAndOneReportPublishedSaysItsErrors() {
        ReportValidated event = Events.validated("测试一局", "sub-a", 1, 1);
        send(event);

        ReportPublished published = awaitPublished("sub-a", 1).get(0);
        assertThat(published.eventId()).isEqualTo("published:sub-a:1");
        assertThat(published.errors()).isEqualTo(1);
        assertThat(published.warnings()).isEqualTo(1);
        assertThat(published.validationRound()).isEqualTo(1);

        given().get("/api/v1/reports/{id}", published.reportId()).then().statusCode(200).contentType(ContentType.JSON)
                .body("id", equalTo(published.reportId()))
                .body("submissionId", equalTo("sub-a"))
                .body("metadata.agency", equalTo("测试一局"))
                .body("metadata.regionCode", equalTo("320800"))
                .body("errors", equalTo(1))
                .body("warnings", equalTo(1))
                .body("findings", hasSize(2))
                .body("revisions", hasSize(1));
        given().queryParam("agency", "测试一局").get("/api/v1/reports").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(published.reportId()));
        // the page, and the files written on a worker thread
        given().get("/reports/{id}", published.reportId()).then().statusCode(200).contentType(ContentType.HTML);
        byte[] docx = given().get("/api/v1/reports/{id}/tables.docx", published.reportId()).then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"" + published.reportId() + "-tables.docx\""))
                .extract().asByteArray();
        assertThat(docx).startsWith('P', 'K');
        String csv = given().queryParam("agency", "测试一局").get("/api/v1/exports/cells.csv").then().statusCode(200)
                .extract().asString();
        assertThat(csv).startsWith("\uFEFFreport_id,agency,region_code,year,format,path,value\r\n")
                .contains(published.reportId() + ",测试一局,320800,2024,2021,applications.rows.newReceived[6],10\r\n");
        given().queryParam("agency", "测试一局").get("/api/v1/exports/cells.xlsx").then().statusCode(200)
                .header("Content-Disposition", startsWith("attachment"));

        // and nothing more comes out for it
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> published("sub-a").size() == 1);
    }

    @Test
    void theSameEventTwiceIsStoredOnceAndItsReportPublishedSentAgainWithTheSameId() {
        ReportValidated event = Events.validated("测试二局", "sub-b", 1, 0);
        send(event);
        awaitPublished("sub-b", 1);
        send(event);

        List<ReportPublished> published = awaitPublished("sub-b", 2);
        assertThat(published).extracting(ReportPublished::eventId).containsExactly("published:sub-b:1", "published:sub-b:1");
        assertThat(published).extracting(ReportPublished::reportId).containsOnly(published.get(0).reportId());
        given().get("/api/v1/reports/{id}", published.get(0).reportId()).then().statusCode(200)
                .body("revisions", hasSize(1))
                .body("errors", equalTo(0));
    }

    @Test
    void anOlderRoundArrivingAfterANewerOneDoesNotReplaceTheCurrentReport() {
        send(Events.validated("测试三局", "sub-c", 2, 0));
        awaitPublished("sub-c", 1);
        send(Events.validated("测试三局", "sub-c", 1, 3));

        List<ReportPublished> published = awaitPublished("sub-c", 2);
        assertThat(published).extracting(ReportPublished::validationRound).containsExactly(2, 1);
        assertThat(published.get(1).errors()).isEqualTo(3);
        given().get("/api/v1/reports/{id}", published.get(0).reportId()).then().statusCode(200)
                .body("validationRound", equalTo(2))
                .body("errors", equalTo(0))
                .body("revisions", hasSize(2))
                .body("revisions.validationRound", equalTo(List.of(2, 1)));
        given().queryParam("rule", "C-01").queryParam("agency", "测试三局").get("/api/v1/reports").then().statusCode(200)
                .body("total", equalTo(0));
    }

    private void send(ReportValidated event) {
        connector.source("validated-in").send(StageBatch.of(Message.of(PipelineEvents.toJson(event))));
    }

    private List<ReportPublished> awaitPublished(String submission, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> published(submission).size() >= count);
        List<ReportPublished> published = published(submission);
        assertThat(published).hasSize(count);
        return published;
    }

    private List<ReportPublished> published(String submission) {
        InMemorySink<String> sink = connector.sink("published-out");
        return sink.received().stream().map(Message::getPayload).map(json -> PipelineEvents.read(json, ReportPublished.class))
                .filter(p -> p.submissionId().equals(submission)).toList();
    }
}
