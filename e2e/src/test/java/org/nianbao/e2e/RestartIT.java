package org.nianbao.e2e;

import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A batch of 100 submissions while the validation service is killed mid-batch and started again:
 * every report is published, exactly once.
 */
class RestartIT {
    private static final int BATCH = 100;
    private static StackFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = StackFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void killingValidationMidBatchLosesAndDuplicatesNothing() throws Exception {
        String text = StackFixture.seed("004_8dd35ab5e340120f.txt");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            ids.add(fixture.submitText(text, Map.of("agency", "重启测试机关" + i, "year", 2020)));
            if (i == BATCH / 3) {
                fixture.stack.service("validation").kill();
            }
        }
        Thread.sleep(2000);
        fixture.stack.startService("validation");
        fixture.stack.awaitService("validation");

        for (String id : ids) {
            fixture.awaitPublished(id, Duration.ofSeconds(180));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(RestAssured.given().baseUri(fixture.publication())
                        .get("/api/v1/reports?agency=重启测试机关&limit=500").<Integer>path("total")).isEqualTo(BATCH));

        var db = fixture.stack.database();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl("publication"), "postgres", "postgres");
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT submission_id) FROM report "
                    + "WHERE agency LIKE '重启测试机关%'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("reports").isEqualTo(BATCH);
                assertThat(rs.getInt(2)).as("distinct submissions").isEqualTo(BATCH);
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM report_revision r JOIN report p ON p.id = r.report_id "
                    + "WHERE p.agency LIKE '重启测试机关%'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("stored versions: one per report").isEqualTo(BATCH);
            }
        }
    }
}
