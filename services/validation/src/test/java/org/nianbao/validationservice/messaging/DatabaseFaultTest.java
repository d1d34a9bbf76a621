package org.nianbao.validationservice.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nianbao.events.ReportValidated;
import org.nianbao.validationservice.InMemoryChannels;
import org.nianbao.validationservice.Pipeline;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.nianbao.validationservice.Pipeline.deliver;
import static org.nianbao.validationservice.Pipeline.parsed;
import static org.nianbao.validationservice.Pipeline.validated;

/**
 * The database goes away in the middle of a record's transaction: the record is retried until the database is
 * back, never dead-lettered (a real run once dead-lettered a submission for "Failed to read any response from
 * the server"). To catch the transaction in flight, a test trigger holds the next insert of a report whose
 * agency code starts with SLOW for a few seconds, once.
 */
@QuarkusTest
@TestProfile(InMemoryChannels.class)
class DatabaseFaultTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    @Any
    InMemoryConnector connector;

    @BeforeAll
    static void slowInsertTrigger() throws SQLException {
        try (Connection c = Pipeline.database(); Statement st = c.createStatement()) {
            st.execute("CREATE SEQUENCE IF NOT EXISTS test_slow_insert START 2");
            st.execute("""
                    CREATE OR REPLACE FUNCTION test_slow_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF NEW.agency_key LIKE 'code:SLOW%' AND nextval('test_slow_insert') = 1 THEN
                            PERFORM pg_sleep(10);
                        END IF;
                        RETURN NEW;
                    END $$""");
            st.execute("DROP TRIGGER IF EXISTS test_slow_insert ON validated_report");
            st.execute("CREATE TRIGGER test_slow_insert BEFORE INSERT ON validated_report FOR EACH ROW EXECUTE FUNCTION test_slow_insert()");
        }
    }

    @BeforeEach
    void clear() throws SQLException {
        connector.sink("validated-out").clear();
        try (Connection c = Pipeline.database(); Statement st = c.createStatement()) {
            st.execute("SELECT setval('test_slow_insert', 1, false)"); // the next slow insert sleeps
        }
    }

    @Test
    void connectionsDroppedMidTransactionAreRetriedNotDeadLettered() throws Exception {
        String id = UUID.randomUUID().toString();
        var delivery = deliver(connector, parsed(id, "SLOW" + id.substring(0, 8), 2023, "2023年，本机关全年收到申请10件。"));

        int backend = awaitSleepingInsert();
        Map<String, Double> before = retries();
        try (Connection c = Pipeline.database(); Statement st = c.createStatement()) {
            // every connection of the service dropped by the server, the one in the middle of the insert too
            st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
        }

        assertRetried(delivery, id, backend, before);
    }

    @Test
    void aServerThatCrashesMidTransactionIsWaitedFor() throws Exception {
        String id = UUID.randomUUID().toString();
        var delivery = deliver(connector, parsed(id, "SLOW" + id.substring(0, 8), 2023, "2023年，本机关全年收到申请10件。"));

        int backend = awaitSleepingInsert();
        Map<String, Double> before = retries();
        // the backend killed: its client reads no answer, and PostgreSQL restarts (recovery) before it serves again
        assertThat(ProcessHandle.of(backend).orElseThrow().destroyForcibly()).isTrue();

        assertRetried(delivery, id, backend, before);
    }

    /** Settled without a dead letter, validated once, after at least one retry since {@code before}. */
    private void assertRetried(Pipeline.Delivery delivery, String id, int backend, Map<String, Double> before) {
        await().atMost(WAIT).until(delivery::settled);
        System.out.printf("backend %d gone; retries by reason: %s%n", backend, retries());
        assertThat(delivery.nacked()).as("dead-lettered").isNotDone();
        assertThat(validated(connector, id)).extracting(ReportValidated::validationRound).containsExactly(1);
        assertThat(retries()).isNotEqualTo(before);
    }

    /** The backend holding the test trigger's sleep, once the service's insert reached it. */
    private static int awaitSleepingInsert() {
        int[] pid = {0};
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (Connection c = Pipeline.database(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                         + " AND wait_event = 'PgSleep'")) {
                if (rs.next()) {
                    pid[0] = rs.getInt(1);
                    return true;
                }
                return false;
            }
        });
        return pid[0];
    }

    /** nianbao_stage_retries_total by reason (the root cause's type). */
    private static Map<String, Double> retries() {
        Map<String, Double> byReason = new TreeMap<>();
        for (Counter c : Metrics.globalRegistry.find("nianbao.stage.retries").counters()) {
            byReason.merge(c.getId().getTag("reason"), c.count(), Double::sum);
        }
        return byReason;
    }
}
