package org.nianbao.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nianbao.devstack.LocalStack;
import org.nianbao.devstack.ServiceProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults, one after another against one stack of its own (they damage it): for each, a batch of submissions is posted
 * (concurrent single POSTs, each with its own Idempotency-Key and retried on a connection error or a 5xx, as a platform
 * would), the fault is injected a third of the way in, and then every submission of the batch must be PUBLISHED
 * exactly once: one {@code report} and one {@code report_revision} per submission in publication's database, none
 * stuck, none FAILED, no failure reason. The faults: {@code kill -9} of each consuming service in turn (restarted by
 * the stack's supervisor, not by the test), a broker restart, every database connection dropped for 30 s, and the
 * database server stopped for 30 s and started again.
 *
 * <p>The batch size is {@code -Dfaults.batch} (default {@value #DEFAULT_BATCH}); the timings of each fault (time to
 * restart, time until the pipeline published again) are printed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {
    static final int DEFAULT_BATCH = 200;
    private static final int BATCH = Integer.getInteger("faults.batch", DEFAULT_BATCH);
    private static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(300);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static StackFixture fixture;
    private static String text;

    @BeforeAll
    static void start() throws Exception {
        fixture = StackFixture.start();
        text = StackFixture.seed("004_8dd35ab5e340120f.txt");
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** Every fault starts from a healthy stack, whatever the one before left. */
    @BeforeEach
    void healthy() throws Exception {
        for (String name : LocalStack.SERVICES) {
            fixture.stack.service(name).awaitReady(Duration.ofSeconds(120));
        }
    }

    @Order(1)
    @ParameterizedTest(name = "kill -9 of {0} mid-batch")
    @ValueSource(strings = {"intake", "extraction", "validation", "publication"})
    void killingAConsumingServiceMidBatchLosesAndDuplicatesNothing(String service) throws Exception {
        ServiceProcess process = fixture.stack.service(service);
        int restartsBefore = process.restarts();
        batch("kill-" + service, agencies -> {
            String group = "nianbao-" + service;
            long committedAtKill = committed(group);
            long t0 = System.nanoTime();
            process.kill();
            process.awaitRestarted(restartsBefore + 1, Duration.ofSeconds(120));
            double ready = seconds(t0);
            // the restarted consumer resumed: its group committed further (SmallRye commits every 5 s at most)
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            long committed = committed(group);
            while (committed <= committedAtKill && System.nanoTime() < deadline) {
                Thread.sleep(250);
                committed = committed(group);
            }
            System.out.printf("FAULT kill -9 %s: restarted by the supervisor and ready after %.1f s; %s%n", service, ready,
                    committed > committedAtKill ? String.format("its consumer group committed again %.1f s after the kill "
                            + "(%.1f s after ready)", seconds(t0), seconds(t0) - ready) : "its consumer group did not commit again");
        });
    }

    /** The offsets a consumer group committed, summed over its partitions. */
    private static long committed(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.stack.bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                    .values().stream().filter(java.util.Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum();
        }
    }

    @Order(2)
    @Test
    void aBrokerRestartMidBatchLosesAndDuplicatesNothing() throws Exception {
        batch("broker", agencies -> {
            long t0 = System.nanoTime();
            fixture.stack.restartBroker();
            System.out.printf("FAULT broker restart: broker back after %.1f s%n", seconds(t0));
        });
    }

    @Order(3)
    @Test
    void databaseConnectionsDroppedFor30sLoseAndDuplicateNothing() throws Exception {
        batch("db-drop", agencies -> {
            long t0 = System.nanoTime();
            int dropped = fixture.stack.dropDatabaseConnections(Duration.ofSeconds(30));
            System.out.printf("FAULT database connections dropped for %.1f s (%d connections terminated)%n",
                    seconds(t0), dropped);
        });
    }

    @Order(4)
    @Test
    void theDatabaseServerDownFor30sLosesAndDuplicatesNothing() throws Exception {
        batch("db-restart", agencies -> {
            long t0 = System.nanoTime();
            fixture.stack.restartDatabase(Duration.ofSeconds(30));
            System.out.printf("FAULT database server stopped and started again: back after %.1f s%n", seconds(t0));
        });
    }

    interface Fault {
        void inject(String agencyPrefix) throws Exception;
    }

    /**
     * Posts a batch for agencies {@code 故障-LABEL-机关N}, injects the fault once a third of it was accepted (posting
     * goes on meanwhile), and asserts the outcome.
     */
    private void batch(String label, Fault fault) throws Exception {
        String prefix = "故障-" + label + "-机关";
        long t0 = System.nanoTime();
        Map<Integer, String> ids = new ConcurrentHashMap<>();
        Map<Integer, String> refused = new ConcurrentHashMap<>();
        AtomicInteger retries = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(BATCH / 3);
        ExecutorService posters = Executors.newFixedThreadPool(4);
        List<Future<?>> posts = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            int item = i;
            posts.add(posters.submit(() -> {
                try {
                    ids.put(item, post(Map.of("text", text, "agency", prefix + item, "year", 2020), retries));
                } catch (Exception e) {
                    refused.put(item, e.getMessage());
                }
                third.countDown();
            }));
        }
        assertThat(third.await(180, TimeUnit.SECONDS)).as("a third of the batch accepted").isTrue();
        fault.inject(prefix);
        posters.shutdown();
        assertThat(posters.awaitTermination(300, TimeUnit.SECONDS)).as("every POST answered").isTrue();
        assertThat(refused).as("POSTs that never succeeded").isEmpty();
        assertThat(ids.values()).as("one submission per item").hasSize(BATCH).doesNotHaveDuplicates();

        // every submission PUBLISHED, none stuck, none FAILED
        Map<String, Integer> outcome = Map.of();
        long deadline = System.nanoTime() + PUBLISHED_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            outcome = statuses(prefix);
            boolean allFinal = outcome.values().stream().mapToInt(Integer::intValue).sum() == BATCH
                    && outcome.keySet().stream().allMatch(s -> s.startsWith("PUBLISHED") || s.startsWith("FAILED"));
            if (allFinal) {
                break; // all PUBLISHED, or some FAILED for good: no need to wait longer
            }
            Thread.sleep(1000);
        }
        System.out.printf("FAULT %s: %d submissions (%d POSTs retried), outcome %s after %.1f s%n", label, BATCH,
                retries.get(), outcome, seconds(t0));
        assertThat(outcome).as("status (and failure reason) of the batch's submissions; details: %s", details(prefix))
                .isEqualTo(Map.of("PUBLISHED", BATCH));
        for (String id : ids.values()) {
            HttpResponse<String> status = HTTP.send(HttpRequest.newBuilder(URI.create(fixture.intake() + "/api/v1/submissions/" + id))
                    .header("Authorization", "Bearer " + StackFixture.API_KEY).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(JSON.readTree(status.body()).path("status").asText()).as("status of %s", id).isEqualTo("PUBLISHED");
        }
        try (Connection c = connect("publication")) {
            assertThat(query(c, "SELECT count(*) FROM report WHERE agency LIKE ?", prefix)).as("reports").isEqualTo(BATCH);
            assertThat(query(c, "SELECT count(DISTINCT submission_id) FROM report WHERE agency LIKE ?", prefix))
                    .as("distinct submissions published").isEqualTo(BATCH);
            assertThat(query(c, "SELECT count(*) FROM report_revision r JOIN report p ON p.id = r.report_id "
                    + "WHERE p.agency LIKE ?", prefix)).as("stored versions: one per report").isEqualTo(BATCH);
        }
    }

    /** Posts one submission, retrying a connection error or a 5xx with the same Idempotency-Key for up to 4 minutes. */
    private static String post(Map<String, Object> body, AtomicInteger retries) throws Exception {
        String key = UUID.randomUUID().toString();
        byte[] json = JSON.writeValueAsBytes(body);
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(fixture.intake() + "/api/v1/submissions"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + StackFixture.API_KEY).header("Content-Type", "application/json")
                        .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 202 || answer.statusCode() == 200) {
                    return JSON.readTree(answer.body()).path("id").asText();
                }
                if (answer.statusCode() < 500 && answer.statusCode() != 429) {
                    throw new IllegalStateException("refused: " + answer.statusCode() + " " + answer.body());
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException e) {
                last = e.toString();
            }
            retries.incrementAndGet();
            Thread.sleep(1000);
        }
        throw new IllegalStateException("no answer but errors for 4 minutes; last: " + last);
    }

    /** How many submissions of the batch are in each status (FAILED with its reason), from intake's database. */
    private static Map<String, Integer> statuses(String prefix) throws SQLException {
        try (Connection c = connect("intake");
             PreparedStatement st = c.prepareStatement("SELECT status || coalesce(': ' || failure_reason, ''), count(*) "
                     + "FROM submission WHERE agency LIKE ? GROUP BY 1")) {
            st.setString(1, prefix + "%");
            Map<String, Integer> result = new TreeMap<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getInt(2));
                }
            }
            return result;
        } catch (SQLException databaseDown) {
            return Map.of("(intake's database not answering: " + databaseDown.getMessage() + ")", 0);
        }
    }

    /** The submissions that are not PUBLISHED, for the failure message. */
    private static Map<String, String> details(String prefix) throws SQLException {
        Map<String, String> result = new LinkedHashMap<>();
        try (Connection c = connect("intake");
             PreparedStatement st = c.prepareStatement("SELECT id, agency, status, failure_reason FROM submission "
                     + "WHERE agency LIKE ? AND (status <> 'PUBLISHED' OR failure_reason IS NOT NULL) ORDER BY agency LIMIT 20")) {
            st.setString(1, prefix + "%");
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1) + " " + rs.getString(2), rs.getString(3) + " " + rs.getString(4));
                }
            }
        }
        return result;
    }

    /** Reports of the batch published so far. */
    private static int published(String prefix) throws SQLException {
        try (Connection c = connect("publication")) {
            return query(c, "SELECT count(*) FROM report WHERE agency LIKE ?", prefix);
        }
    }

    private static int query(Connection c, String sql, String prefix) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, prefix + "%");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(fixture.stack.database().jdbcUrl(database), "postgres", "postgres");
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
