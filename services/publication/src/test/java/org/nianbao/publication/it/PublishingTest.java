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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

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

    @Test
    void aBatchStoresTheNewestVersionOfEachReportAndMovesTheRollUpsByItsCells() throws SQLException {
        send(Events.validated("批量甲局", "320800", "sub-d1", 1, 1, 0, 10), Events.validated("批量乙局", "320100", "sub-e1", 1, 1, 0, 20));
        awaitPublished("sub-d1", 1);
        awaitPublished("sub-e1", 1);
        connector.sink("published-out").clear();

        List<ReportValidated> batch = List.of(
                Events.validated("批量甲局", "320800", "sub-d1", 1, 2, 1, 12),  // a new round of a published report
                Events.validated("批量丙局", "110100", "sub-f1", 1, 1, 0, 5),   // a new report
                Events.validated("批量甲局", "320800", "sub-d1", 1, 3, 2, 15),  // and another round of the first: it wins
                Events.validated("批量甲局", "320800", "sub-d1", 1, 1, 0, 10),  // a version already stored
                Events.validated("批量乙局", "320100", "sub-e2", 2, 1, 0, 30),  // the next revision of a published report
                Events.validated("批量乙局", "320100", "sub-e1", 1, 2, 3, 25),  // an older revision's new round: kept, not current
                Events.validated("批量丁局", "110100", "sub-i1", 1, 1, 0, 3),   // a new report
                Events.validated("批量丁局", "110100", "sub-i1", 1, 2, 1, 4));  // and its next round, in the same batch
        send(batch.toArray(ReportValidated[]::new));
        List<String> expected = List.of("published:sub-d1:2", "published:sub-f1:1", "published:sub-d1:3",
                "published:sub-d1:1", "published:sub-e2:1", "published:sub-e1:2", "published:sub-i1:1", "published:sub-i1:2");
        await().atMost(Duration.ofSeconds(30)).until(() -> publishedOf(batch).size() >= expected.size());
        assertThat(publishedOf(batch)).extracting(ReportPublished::eventId).containsExactlyElementsOf(expected);

        String d = publishedOf(batch).get(0).reportId();
        String e = publishedOf(batch).get(4).reportId();
        String f = publishedOf(batch).get(1).reportId();
        String i = publishedOf(batch).get(6).reportId();
        assertThat(publishedOf(batch).get(5).reportId()).isEqualTo(e);
        Map<String, String> stored = storedState(d, e, f, i);
        assertThat(stored).containsEntry(d + " version", "sub-d1/1/3").containsEntry(d + " received", "15")
                .containsEntry(d + " findings", "3").containsEntry(d + " revisions", "3")
                .containsEntry(e + " version", "sub-e2/2/1").containsEntry(e + " received", "30")
                .containsEntry(e + " findings", "1").containsEntry(e + " revisions", "3")
                .containsEntry(f + " version", "sub-f1/1/1").containsEntry(f + " received", "5")
                .containsEntry(i + " version", "sub-i1/1/2").containsEntry(i + " received", "4")
                .containsEntry(i + " findings", "2").containsEntry(i + " revisions", "2");
        assertThat(Database.rollupsDifferingFromCells()).isEmpty();

        // the batch redelivered: the same events again, nothing stored changes
        send(batch.toArray(ReportValidated[]::new));
        await().atMost(Duration.ofSeconds(30)).until(() -> publishedOf(batch).size() >= 2 * expected.size());
        assertThat(publishedOf(batch).subList(expected.size(), publishedOf(batch).size()))
                .extracting(ReportPublished::eventId).containsExactlyElementsOf(expected);
        assertThat(storedState(d, e, f, i)).isEqualTo(stored);
        assertThat(Database.rollupsDifferingFromCells()).isEmpty();
    }

    /** What is stored of these reports: current version, the cell newReceived[6], counts of findings, cells and versions, updated_at. */
    private static Map<String, String> storedState(String... reportIds) throws SQLException {
        Map<String, String> state = new TreeMap<>();
        try (Connection c = Database.connection(); PreparedStatement st = c.prepareStatement("""
                select r.submission_id || '/' || r.revision || '/' || r.validation_round, cast(r.updated_at as text),
                       cast(r.cells as json) ->> 'applications.rows.newReceived[6]',
                       (select count(*) from json_each(cast(r.cells as json))),
                       (select count(*) from report_finding where report_id = r.id),
                       (select count(*) from report_revision where report_id = r.id)
                from report r where r.id = ?""")) {
            for (String id : reportIds) {
                st.setString(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    assertThat(rs.next()).as(id).isTrue();
                    state.put(id + " version", rs.getString(1));
                    state.put(id + " updated", rs.getString(2));
                    state.put(id + " received", rs.getString(3));
                    state.put(id + " cells", rs.getString(4));
                    state.put(id + " findings", rs.getString(5));
                    state.put(id + " revisions", rs.getString(6));
                }
            }
        }
        return state;
    }

    /** The report-published events of the batch's submissions received so far, in order. */
    private List<ReportPublished> publishedOf(List<ReportValidated> batch) {
        Set<String> submissions = batch.stream().map(ReportValidated::submissionId).collect(Collectors.toSet());
        InMemorySink<String> sink = connector.sink("published-out");
        return sink.received().stream().map(Message::getPayload).map(json -> PipelineEvents.read(json, ReportPublished.class))
                .filter(p -> submissions.contains(p.submissionId())).toList();
    }

    /** Sends the events to validated-in in one batch, as one poll of Kafka's records. */
    private void send(ReportValidated... batch) {
        connector.source("validated-in").send(StageBatch.of(Arrays.stream(batch).map(e -> Message.of(PipelineEvents.toJson(e))).toList()));
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
