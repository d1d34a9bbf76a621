package org.nianbao.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code bin/loadgen}: offers reports to a running Nianbao (any stack: {@code bin/nianbao up}, or a cluster) and
 * measures what the pipeline does with them: the accept rate, the end-to-end rate, RECEIVED→PUBLISHED latency
 * percentiles from the stages' own timestamps, and per stage (from each service's {@code /q/metrics}) the records
 * it handled, the time in its handler (the database transaction) and the time waiting on Kafka acknowledgements.
 * Each report gets an agency of its own (named after the run), so every one is a new report, and the run ends by
 * checking that each was published exactly once.
 */
@Command(name = "loadgen", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Posts N reports to intake and measures the pipeline end to end.")
public final class LoadGenerator implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--reports", defaultValue = "1000", description = "how many reports to post (default ${DEFAULT-VALUE})")
    int reports;

    @Option(names = "--batch", defaultValue = "0",
            description = "reports per NDJSON batch POST; 0 posts each report on its own (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--rate", defaultValue = "0",
            description = "offered reports per second; 0 offers as fast as intake accepts (default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--concurrency", defaultValue = "8", description = "requests in flight at most (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--documents", paramLabel = "DIR",
            description = "post the files of DIR (e.g. PDFs from bin/material), in turn, instead of the built-in text report")
    Path documents;

    @Option(names = "--glob", defaultValue = "*", description = "which files of --documents (default ${DEFAULT-VALUE})")
    String glob;

    @Option(names = "--replay", description = "instead of posting: replay every stored submission (admin) and time it")
    boolean replay;

    @Option(names = "--intake", defaultValue = "http://localhost:8081") String intake;
    @Option(names = "--publication", defaultValue = "http://localhost:8080") String publication;
    @Option(names = "--services", split = ",",
            defaultValue = "intake=http://localhost:8081,extraction=http://localhost:8082,validation=http://localhost:8083,publication=http://localhost:8080",
            description = "name=url of each service whose /q/metrics is read")
    Map<String, String> services;
    @Option(names = "--api-key", defaultValue = "${env:NIANBAO_API_KEY:-local-dev-key}") String apiKey;
    @Option(names = "--admin-token", defaultValue = "${env:NIANBAO_ADMIN_TOKEN:-local-admin-token}") String adminToken;
    @Option(names = "--timeout", defaultValue = "PT20M", description = "give up waiting after (ISO-8601, default ${DEFAULT-VALUE})")
    Duration timeout;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) {
        System.exit(new CommandLine(new LoadGenerator()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Metrics before = Metrics.scrape(http, services);
        return replay ? replayAll(before) : postAndMeasure(before);
    }

    private int postAndMeasure(Metrics before) throws Exception {
        String run = "负载" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
        List<Document> material = material();
        System.out.printf("run %s: %d report(s), %s, offered %s, %d in flight%n", run, reports,
                batch > 0 ? "NDJSON batches of " + batch : "single POSTs", rate > 0 ? rate + "/s" : "as fast as accepted", concurrency);

        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger refused = new AtomicInteger();
        LocalCpu cpuBefore = LocalCpu.sample();
        Instant start = Instant.now();
        submit(run, material, ids, refused);
        Instant accepted = Instant.now();
        double acceptSeconds = Duration.between(start, accepted).toMillis() / 1000.0;
        System.out.printf("accepted %d (refused %d) in %.1f s: %.1f reports/s%n", ids.size(), refused.get(), acceptSeconds,
                ids.size() / acceptSeconds);

        awaitPublished(run, ids);
        LocalCpu cpuAfter = LocalCpu.sample(); // before reading the status documents, which is not the pipeline's work
        Map<String, JsonNode> done = awaitDone(ids);
        Metrics after = Metrics.scrape(http, services);
        Results results = Results.of(done.values());
        results.print(System.out);
        after.minus(before).print(System.out);
        cpuAfter.printSince(cpuBefore, ids.size(), System.out);
        int published = publishedReports(run);
        System.out.printf("publication holds %d report(s) of this run for %d submission(s)%s%n", published, ids.size(),
                published == ids.size() ? " (each published exactly once)" : "  ← NOT exactly once");
        return results.failed() == 0 && published == ids.size() && refused.get() == 0 ? 0 : 1;
    }

    /** Posts every report, keeping at most {@code concurrency} requests in flight and the offered rate. */
    private void submit(String run, List<Document> material, List<String> ids, AtomicInteger refused) throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        int perRequest = Math.max(1, batch);
        long startNanos = System.nanoTime();
        AtomicInteger sent = new AtomicInteger();
        for (int from = 0; from < reports; from += perRequest) {
            int first = from;
            int count = Math.min(perRequest, reports - from);
            if (rate > 0) {
                long due = startNanos + (long) (first / rate * 1e9);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            inFlight.acquire();
            pool.execute(() -> {
                try {
                    List<String> got = batch > 0 ? postBatch(run, material, first, count) : List.of(postOne(run, material, first));
                    ids.addAll(got);
                    refused.addAndGet(count - got.size());
                } catch (Exception e) {
                    refused.addAndGet(count);
                    System.err.println("request failed: " + e.getMessage());
                } finally {
                    inFlight.release();
                    int n = sent.addAndGet(count);
                    if (n % Math.max(perRequest, 500) < perRequest) {
                        System.out.printf("  posted %d/%d%n", n, reports);
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
    }

    private String postOne(String run, List<Document> material, int i) throws IOException, InterruptedException {
        ObjectNode body = item(run, material, i);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(intake + "/api/v1/submissions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        if (response.statusCode() != 202) {
            throw new IOException("POST answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("id").asText();
    }

    private List<String> postBatch(String run, List<Document> material, int first, int count) throws IOException, InterruptedException {
        StringBuilder ndjson = new StringBuilder();
        for (int i = first; i < first + count; i++) {
            ndjson.append(item(run, material, i)).append('\n');
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(intake + "/api/v1/submissions/batch"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(ndjson.toString())));
        if (response.statusCode() / 100 != 2) {
            throw new IOException("batch POST answered " + response.statusCode() + ": " + response.body());
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode result : JSON.readTree(response.body()).path("results")) {
            if (result.path("status").asInt() == 202 && result.hasNonNull("id")) {
                ids.add(result.path("id").asText());
            } else {
                System.err.println("batch item refused: " + result);
            }
        }
        return ids;
    }

    /** Report {@code i} of the run: the material in turn, under an agency of its own. */
    private ObjectNode item(String run, List<Document> material, int i) {
        Document d = material.get(i % material.size());
        ObjectNode item = JSON.createObjectNode();
        if (d.text() != null) {
            item.put("text", d.text());
        } else {
            item.put("contentBase64", Base64.getEncoder().encodeToString(d.bytes())).put("fileName", d.fileName());
        }
        item.put("agency", run + "测试机关" + i);
        item.put("year", 2020 + i % 5);
        return item;
    }

    /**
     * Waits, asking every two seconds only how many of the run's reports are published and how many submissions failed
     * (so that watching does not load the stack it measures), until all are one or the other, or nothing moved for
     * a minute.
     */
    private void awaitPublished(String run, List<String> ids) throws Exception {
        java.util.Set<String> ours = java.util.Set.copyOf(ids);
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastMove = System.nanoTime();
        int last = -1;
        int lastReported = -1;
        while (System.nanoTime() < deadline && System.nanoTime() - lastMove < TimeUnit.MINUTES.toNanos(1)) {
            int settled = publishedReports(run) + failed(ours);
            if (settled != last) {
                last = settled;
                lastMove = System.nanoTime();
            }
            if (settled / 500 != lastReported) {
                lastReported = settled / 500;
                System.out.printf("  published or failed %d/%d%n", settled, ids.size());
            }
            if (settled >= ids.size()) {
                return;
            }
            Thread.sleep(2000);
        }
    }

    /** How many of the run's submissions failed (the platform's newest FAILED submissions). */
    private int failed(java.util.Set<String> ours) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(intake + "/api/v1/submissions?status=FAILED&limit=1000")).GET());
        int n = 0;
        for (JsonNode s : JSON.readTree(r.body())) {
            n += ours.contains(s.path("id").asText()) ? 1 : 0;
        }
        return n;
    }

    /** Waits until every submission is PUBLISHED or FAILED, polling the oldest pending ones; returns their status documents. */
    private Map<String, JsonNode> awaitDone(List<String> ids) throws Exception {
        List<String> pending = new ArrayList<>(ids);
        Map<String, JsonNode> done = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        int lastReported = -1;
        while (!pending.isEmpty()) {
            if (System.nanoTime() > deadline) {
                pool.shutdownNow();
                throw new IOException(pending.size() + " submission(s) not done after " + timeout + ", e.g. " + pending.get(0));
            }
            List<String> window = List.copyOf(pending.subList(0, Math.min(100, pending.size())));
            List<java.util.concurrent.Future<?>> polls = new ArrayList<>();
            for (String id : window) {
                polls.add(pool.submit(() -> {
                    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(intake + "/api/v1/submissions/" + id)).GET());
                    JsonNode status = JSON.readTree(r.body());
                    String s = status.path("status").asText();
                    if (s.equals("PUBLISHED") || s.equals("FAILED")) {
                        done.put(id, status);
                    }
                    return null;
                }));
            }
            for (var poll : polls) {
                poll.get();
            }
            pending.removeIf(done::containsKey);
            if (done.size() / 500 != lastReported) {
                lastReported = done.size() / 500;
                System.out.printf("  done %d/%d%n", done.size(), ids.size());
            }
            if (pending.containsAll(window)) {
                Thread.sleep(500);
            }
        }
        pool.shutdown();
        return done;
    }

    /**
     * Replays every stored submission (a job intake runs in the background) and waits until the job is done and
     * publication consumed as many report-validated records as it replayed.
     */
    private int replayAll(Metrics before) throws Exception {
        LocalCpu cpuBefore = LocalCpu.sample();
        Instant start = Instant.now();
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(intake + "/admin/v1/replay?all=true"))
                .POST(HttpRequest.BodyPublishers.noBody()), true);
        if (response.statusCode() != 202) {
            throw new IOException("replay answered " + response.statusCode() + ": " + response.body());
        }
        String job = JSON.readTree(response.body()).path("id").asText();
        double base = before.value("publication", "nianbao_events_consumed_total{topic=\"report-validated\"}");
        long deadline = System.nanoTime() + timeout.toNanos();
        String state;
        int replayed;
        double consumed;
        boolean queuedShown = false;
        do {
            Thread.sleep(1000);
            JsonNode progress = JSON.readTree(send(HttpRequest.newBuilder(URI.create(intake + "/admin/v1/replays/" + job)).GET(), true).body());
            state = progress.path("state").asText();
            replayed = progress.path("replayed").asInt();
            consumed = Metrics.scrape(http, Map.of("publication", services.get("publication")))
                    .value("publication", "nianbao_events_consumed_total{topic=\"report-validated\"}") - base;
            if (!state.equals("RUNNING") && !queuedShown) {
                queuedShown = true;
                System.out.printf("replay of %d submission(s) queued in %.1f s (%s)%n", replayed,
                        Duration.between(start, Instant.now()).toMillis() / 1000.0, state);
            }
            System.out.printf("  published again %d/%d%s%n", (long) consumed, replayed, state.equals("RUNNING") ? " (still queuing)" : "");
        } while ((state.equals("RUNNING") || consumed < replayed && state.equals("DONE")) && System.nanoTime() < deadline);
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        System.out.printf("replayed %d in %.1f s: %.1f reports/s end to end%n", (long) consumed, seconds, consumed / seconds);
        Metrics.scrape(http, services).minus(before).print(System.out);
        LocalCpu.sample().printSince(cpuBefore, (long) consumed, System.out);
        return state.equals("DONE") && consumed >= replayed ? 0 : 1;
    }

    private int publishedReports(String run) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(publication + "/api/v1/reports?limit=1&agency="
                + java.net.URLEncoder.encode(run + "测试机关", StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).path("total").asInt();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return send(request, false);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, boolean admin) throws IOException, InterruptedException {
        request.timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + (admin ? adminToken : apiKey));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private List<Document> material() throws IOException {
        if (documents == null) {
            try (InputStream in = LoadGenerator.class.getResourceAsStream("/load/report.txt")) {
                return List.of(new Document("report.txt", null, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        var matcher = documents.getFileSystem().getPathMatcher("glob:" + glob);
        try (Stream<Path> files = Files.walk(documents)) {
            List<Document> found = new ArrayList<>();
            for (Path f : files.filter(Files::isRegularFile).filter(f -> matcher.matches(f.getFileName())).sorted().toList()) {
                found.add(new Document(f.getFileName().toString(), Files.readAllBytes(f), null));
            }
            if (found.isEmpty()) {
                throw new IOException("no file matching " + glob + " in " + documents);
            }
            return found;
        }
    }

    /** A document to post: bytes with a file name, or text. */
    record Document(String fileName, byte[] bytes, String text) {
    }

    /** What the status documents say about the run. */
    record Results(List<Long> latenciesMillis, Map<String, List<Long>> hops, Instant firstReceived, Instant lastPublished,
                   int published, int failed) {
        private static final String[][] HOPS = {{"RECEIVED", "PARSED"}, {"PARSED", "VALIDATED"}, {"VALIDATED", "PUBLISHED"}};

        static Results of(java.util.Collection<JsonNode> statuses) {
            List<Long> latencies = new ArrayList<>();
            Map<String, List<Long>> hops = new java.util.LinkedHashMap<>();
            Instant first = null;
            Instant last = null;
            int published = 0;
            int failed = 0;
            for (JsonNode s : statuses) {
                if (!s.path("status").asText().equals("PUBLISHED")) {
                    failed++;
                    System.out.println("  FAILED " + s.path("id").asText() + ": " + s.path("failureReason").asText());
                    continue;
                }
                published++;
                JsonNode stages = s.path("stages");
                Instant received = Instant.parse(stages.path("RECEIVED").asText());
                Instant done = Instant.parse(stages.path("PUBLISHED").asText());
                latencies.add(Duration.between(received, done).toMillis());
                first = first == null || received.isBefore(first) ? received : first;
                last = last == null || done.isAfter(last) ? done : last;
                for (String[] hop : HOPS) {
                    if (stages.hasNonNull(hop[0]) && stages.hasNonNull(hop[1])) {
                        hops.computeIfAbsent(hop[0] + "→" + hop[1], k -> new ArrayList<>()).add(Duration.between(
                                Instant.parse(stages.path(hop[0]).asText()), Instant.parse(stages.path(hop[1]).asText())).toMillis());
                    }
                }
            }
            return new Results(latencies, hops, first, last, published, failed);
        }

        void print(java.io.PrintStream out) {
            if (published == 0) {
                out.println("nothing published");
                return;
            }
            double seconds = Math.max(0.001, Duration.between(firstReceived, lastPublished).toMillis() / 1000.0);
            out.printf("published %d, failed %d; end to end %.1f s from the first RECEIVED to the last PUBLISHED: %.1f reports/s%n",
                    published, failed, seconds, published / seconds);
            out.println("| span | p50 ms | p90 ms | p99 ms | max ms |");
            out.println("|---|---:|---:|---:|---:|");
            row(out, "RECEIVED→PUBLISHED", latenciesMillis);
            hops.forEach((name, values) -> row(out, name, values));
        }

        private static void row(java.io.PrintStream out, String name, List<Long> values) {
            List<Long> sorted = values.stream().sorted().toList();
            out.printf("| %s | %d | %d | %d | %d |%n", name, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                    sorted.get(sorted.size() - 1));
        }

        static long percentile(List<Long> sorted, int p) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }
    }

    /** Counters and timers of the services' Prometheus endpoints, by service and series. */
    record Metrics(Map<String, Map<String, Double>> series) {
        static Metrics scrape(HttpClient http, Map<String, String> services) {
            Map<String, Map<String, Double>> all = new java.util.TreeMap<>();
            services.forEach((name, url) -> {
                Map<String, Double> values = new java.util.HashMap<>();
                try {
                    String text = http.send(HttpRequest.newBuilder(URI.create(url + "/q/metrics")).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                    for (String line : text.split("\n")) {
                        if (line.startsWith("nianbao_")) {
                            int exemplar = line.indexOf(" # ");
                            String sample = exemplar < 0 ? line : line.substring(0, exemplar);
                            int space = sample.lastIndexOf(' ');
                            try {
                                values.put(sample.substring(0, space), Double.parseDouble(sample.substring(space + 1)));
                            } catch (NumberFormatException ignored) {
                                // not a sample
                            }
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    System.err.println("metrics of " + name + " not read: " + e.getMessage());
                }
                all.put(name, values);
            });
            return new Metrics(all);
        }

        double value(String service, String series) {
            return this.series.getOrDefault(service, Map.of()).getOrDefault(series, 0.0);
        }

        Metrics minus(Metrics before) {
            Map<String, Map<String, Double>> diff = new java.util.TreeMap<>();
            series.forEach((service, values) -> {
                Map<String, Double> d = new java.util.HashMap<>();
                values.forEach((k, v) -> d.put(k, v - before.value(service, k)));
                diff.put(service, d);
            });
            return new Metrics(diff);
        }

        /**
         * Per stage: records handled, in how many batches, and the time per record in its cycle, in its handler (the
         * transaction) and waiting on Kafka (a batch's time shared by its records).
         */
        void print(java.io.PrintStream out) {
            out.println("| stage | records | batches | mean ms per record | in handler (transaction) | waiting on Kafka acks | retries | dead letters |");
            out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            series.forEach((service, values) -> {
                java.util.Set<String> stages = new java.util.TreeSet<>();
                values.keySet().stream().filter(k -> k.startsWith("nianbao_stage_duration_seconds_count"))
                        .forEach(k -> stages.add(label(k, "stage")));
                for (String stage : stages) {
                    double batches = sum(values, "nianbao_stage_duration_seconds_count", stage);
                    double n = sum(values, "nianbao_stage_records_total", stage);
                    if (batches <= 0 || n <= 0) {
                        continue;
                    }
                    out.printf("| %s (%s) | %d | %d | %.2f | %.2f | %.2f | %d | %d |%n", stage, service, (long) n, (long) batches,
                            1000 * sum(values, "nianbao_stage_duration_seconds_sum", stage) / n,
                            1000 * sum(values, "nianbao_stage_handle_seconds_sum", stage) / n,
                            1000 * sum(values, "nianbao_stage_send_seconds_sum", stage) / n,
                            (long) sum(values, "nianbao_stage_retries_total", stage),
                            (long) sum(values, "nianbao_dead_letters_total", stage));
                }
            });
        }

        private static double sum(Map<String, Double> values, String metric, String stage) {
            return values.entrySet().stream().filter(e -> e.getKey().startsWith(metric + "{") && stage.equals(label(e.getKey(), "stage")))
                    .mapToDouble(Map.Entry::getValue).sum();
        }

        private static String label(String series, String name) {
            int at = series.indexOf(name + "=\"");
            if (at < 0) {
                return "";
            }
            int from = at + name.length() + 2;
            return series.substring(from, series.indexOf('"', from));
        }
    }
}
