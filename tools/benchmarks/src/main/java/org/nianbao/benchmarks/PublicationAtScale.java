package org.nianbao.benchmarks;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.nianbao.devstack.EmbeddedDatabase;
import org.nianbao.devstack.EmbeddedKafka;
import org.nianbao.devstack.ServiceProcess;
import org.nianbao.events.AgencyKey;
import org.nianbao.events.ReportValidated;
import org.nianbao.events.SubmissionMetadata;
import org.nianbao.events.Topics;
import org.nianbao.extraction.ReportExtractor;
import org.nianbao.model.Json;
import org.nianbao.model.Report;
import org.nianbao.validation.ReportValidator;
import org.nianbao.validation.ValidationConfig;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Publication's list, filter, roll-up and completeness queries with many published reports: starts a
 * real PostgreSQL, a Kafka broker and the publication service, publishes two real reports (seed 000,
 * 2019 format; seed 001, 2021 format) through report-validated, copies them in SQL to N reports of
 * 16,667 agencies × 6 years across 31 provinces, then times each HTTP query (sequential requests).
 *
 * <pre>
 * java -Dnianbao.root=. -Dnianbao.corpus=../shared/corpus -Dnianbao.scale.reports=100000 \
 *      -cp "tools/benchmarks/target/classes:tools/benchmarks/target/lib/*" org.nianbao.benchmarks.PublicationAtScale
 * </pre>
 * The data directory ({@code nianbao.scale.dir}, default /tmp/nianbao-scale) is kept, so a second run
 * skips the seeding.
 */
public final class PublicationAtScale {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int YEARS = 6;

    private PublicationAtScale() {
    }

    public static void main(String[] args) throws Exception {
        int reports = Integer.getInteger("nianbao.scale.reports", 100_000);
        int samples = Integer.getInteger("nianbao.scale.samples", 30);
        Path root = Path.of(System.getProperty("nianbao.root", ".")).toAbsolutePath().normalize();
        Path corpus = Path.of(System.getProperty("nianbao.corpus", "../shared/corpus"));
        Path dir = Path.of(System.getProperty("nianbao.scale.dir", "/tmp/nianbao-scale"));
        int dbPort = Integer.getInteger("nianbao.scale.db-port", 55432);
        try (EmbeddedDatabase db = new EmbeddedDatabase(dir.resolve("postgres"), dbPort).start();
             EmbeddedKafka kafka = new EmbeddedKafka(dir.resolve("kafka-" + UUID.randomUUID()), freePort(), freePort()).start()) {
            db.createDatabases(List.of("publication"));
            kafka.createTopics(Topics.all(), 4);
            int port = freePort();
            Files.createDirectories(dir.resolve("logs"));
            ServiceProcess publication = new ServiceProcess("publication", root.resolve("services/publication/target/quarkus-app"), port,
                    Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                            "QUARKUS_DATASOURCE_REACTIVE_URL", db.reactiveUrl("publication"),
                            "QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl("publication"),
                            "QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER, "QUARKUS_DATASOURCE_PASSWORD", EmbeddedDatabase.PASSWORD),
                    dir.resolve("logs/publication.log"));
            publication.start();
            try {
                publication.awaitReady(Duration.ofMinutes(20)); // a first start migrates the seeded data
                try (Connection sql = DriverManager.getConnection(db.jdbcUrl("publication"), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD)) {
                    seed(sql, kafka, corpus, reports);
                    measure(publication.url(), sql, samples);
                }
            } finally {
                publication.stop();
            }
        }
    }

    private static void seed(Connection sql, EmbeddedKafka kafka, Path corpus, int reports) throws Exception {
        if (count(sql, "select count(*) from report") >= reports) {
            System.out.printf("%d reports already seeded in this data directory%n", count(sql, "select count(*) from report"));
            return;
        }
        long t0 = System.nanoTime();
        publishTemplate(kafka, corpus.resolve("seeds/000_27b80aaf8e404846.txt"), "基准模板2019", 2020);
        publishTemplate(kafka, corpus.resolve("seeds/001_43d6c315cbc0f57d.txt"), "基准模板2021", 2021);
        while (count(sql, "select count(*) from report where agency like '基准模板%'") < 2) {
            Thread.sleep(500);
        }
        sql.setAutoCommit(false); // a batch's reports and their cells become visible together
        try (Statement st = sql.createStatement()) {
            st.execute("delete from report where id like 'b-%'");
            int batch = 10_000;
            for (int from = 0; from < reports; from += batch) {
                int to = Math.min(reports, from + batch) - 1;
                // agency a = g / 6 reports 2019 … 2024; region: 31 provinces × 15 prefectures × 12 counties
                String copies = "from generate_series(" + from + ", " + to + ") g, lateral (select g / " + YEARS + " as a, 2019 + g % " + YEARS
                        + " as y) k, lateral (select lpad(((11 + k.a % 31) * 10000 + (1 + (k.a / 31) % 15) * 100 + 1 + (k.a / 465) % 12)::text, 6, '0') as region) z,"
                        + " report t";
                String template = " where t.agency = case when k.y >= 2021 then '基准模板2021' else '基准模板2019' end";
                // each copy's cells vary: a cell that is not blank holds (g + its place) % 40
                st.execute("insert into report (id, agency_key, agency, agency_code, region_code, issuer_type, report_year, format, title,"
                        + " published_on, source_url, submission_id, revision, validation_round, model, findings, error_count, warning_count,"
                        + " info_count, problem_count, created_at, updated_at, active_table, cells)"
                        + " select 'b-' || g, 'name:b' || k.a, '基准机关' || k.a, null, z.region, 'department', k.y, t.format, '基准机关' || k.a || k.y || '年报告',"
                        + " make_date(k.y + 1, 1 + g % 3, 10), null, t.submission_id, 1, 1, t.model, t.findings, case when g % 7 = 0 then 2 else 0 end,"
                        + " t.warning_count, 0, 0, now(), now(), t.active_table,"
                        + " (select cast(json_object_agg(c.key, case when c.value is null then null else (g + c.place) % 40 end order by c.place) as text)"
                        + " from json_each_text(cast(t.cells as json)) with ordinality c (key, value, place)) " + copies + template);
                sql.commit();
                System.out.printf("  seeded %,d reports%n", to + 1);
            }
            st.execute("insert into registered_agency (id, name, region_code, issuer_type, loaded_at)"
                    + " select distinct agency_key, agency, region_code, 'department', now() from report where id like 'b-%' and region_code like '32%'"
                    + " on conflict do nothing");
            sql.commit();
        } finally {
            sql.setAutoCommit(true);
        }
        try (Statement st = sql.createStatement()) {
            st.execute("analyze");
        }
        System.out.printf("seeded %,d reports in %.0f s%n", count(sql, "select count(*) from report"), (System.nanoTime() - t0) / 1e9);
    }

    private static void publishTemplate(EmbeddedKafka kafka, Path document, String agency, int year) throws Exception {
        Report report = new ReportExtractor().extract(Files.readAllBytes(document), document.getFileName().toString());
        SubmissionMetadata metadata = new SubmissionMetadata(agency, null, "990000", org.nianbao.model.IssuerType.DEPARTMENT, year, null, null);
        String key = AgencyKey.of(null, agency);
        String submission = UUID.randomUUID().toString();
        ReportValidated event = new ReportValidated("validated:" + submission, submission, 1, key, metadata, report,
                new ReportValidator(ValidationConfig.defaults()).validate(report, metadata, null), 1, Instant.now());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8_388_608);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.REPORT_VALIDATED, key, Json.mapper().writeValueAsString(event))).get();
        }
    }

    private static void measure(String base, Connection sql, int samples) throws Exception {
        String someReport = "b-" + (count(sql, "select count(*) from report where id like 'b-%'") / 2);
        String agency = URLEncoder.encode("基准机关1234", StandardCharsets.UTF_8);
        List<String[]> queries = List.of(
                new String[]{"list, first page, no filter", "/api/v1/reports"},
                new String[]{"list, region 32 + year 2024", "/api/v1/reports?region=32&year=2024"},
                new String[]{"list, agency name contains", "/api/v1/reports?agency=" + agency},
                new String[]{"list, hasErrors + year 2023", "/api/v1/reports?hasErrors=true&year=2023"},
                new String[]{"list, page 100 (offset 4950)", "/api/v1/reports?offset=4950"},
                new String[]{"report detail", "/api/v1/reports/" + someReport},
                new String[]{"roll-up, county 320101, 2024", "/api/v1/rollups?region=320101&year=2024"},
                new String[]{"roll-up, prefecture 3201, 2024", "/api/v1/rollups?region=3201&year=2024"},
                new String[]{"roll-up, province 32, 2024", "/api/v1/rollups?region=32&year=2024"},
                new String[]{"roll-up, whole country, 2024", "/api/v1/rollups?year=2024"},
                new String[]{"completeness, province 32, 2024", "/api/v1/completeness?region=32&year=2024"},
                new String[]{"front page", "/"},
                new String[]{"roll-up page, province 32", "/rollups?region=32&year=2024"},
                new String[]{"cells CSV, prefecture 3201, 2024", "/api/v1/exports/cells.csv?region=3201&year=2024"});
        System.out.printf("%n%,d reports; %d sequential requests per query after 3 warm-up requests%n%n",
                count(sql, "select count(*) from report"), samples);
        System.out.println("| query | request | median (ms) | p95 (ms) | response size |");
        System.out.println("|---|---|---|---|---|");
        for (String[] q : queries) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + q[1])).timeout(Duration.ofSeconds(120)).build();
            long size = 0;
            for (int i = 0; i < 3; i++) {
                size = check(HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray()), q[1]);
            }
            double[] ms = new double[samples];
            for (int i = 0; i < samples; i++) {
                long t = System.nanoTime();
                check(HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray()), q[1]);
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            System.out.printf("| %s | `%s` | %.1f | %.1f | %,d B |%n", q[0], q[1].replace(agency, "基准机关1234"), ms[samples / 2],
                    ms[(int) Math.ceil(samples * 0.95) - 1], size);
        }
    }

    private static long check(HttpResponse<byte[]> response, String path) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body().length;
    }

    private static long count(Connection sql, String query) throws Exception {
        try (Statement st = sql.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
