package org.nianbao.devstack;

import org.nianbao.events.Topics;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine: a real Kafka broker and PostgreSQL in this JVM, the topics and
 * databases, and the four services as separate processes. Used by {@code bin/nianbao up} and the
 * end-to-end tests.
 */
public final class LocalStack implements AutoCloseable {
    public static final List<String> SERVICES = List.of("publication", "intake", "extraction", "validation");
    /** The services that own a database (extraction is stateless). */
    public static final List<String> DATABASES = List.of("intake", "validation", "publication");
    /** The service token extraction sends to intake's internal document API: new for every stack. */
    private final String internalToken = java.util.UUID.randomUUID().toString();

    private final StackSettings settings;
    private final PrintStream progress;
    private final Map<String, String> everyServiceEnvironment = new HashMap<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> extraEnvironment = new HashMap<>();
    private EmbeddedKafka kafka;
    private EmbeddedDatabase database;

    public LocalStack(StackSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public StackSettings settings() {
        return settings;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public EmbeddedDatabase database() {
        return database;
    }

    /**
     * Adds environment variables for every service (before they start), on top of what the stack sets itself,
     * e.g. {@code QUARKUS_OTEL_SDK_DISABLED=false} to turn tracing on.
     */
    public LocalStack environment(Map<String, String> variables) {
        everyServiceEnvironment.putAll(variables);
        return this;
    }

    /** Adds environment variables for one service (before it first starts), e.g. to turn a feature on for a test. */
    public LocalStack environment(String service, Map<String, String> variables) {
        extraEnvironment.computeIfAbsent(service, s -> new HashMap<>()).putAll(variables);
        return this;
    }

    public ServiceProcess service(String name) {
        return services.get(name);
    }

    /** Starts the broker, the database and every service, and waits until all are healthy. */
    public LocalStack start() throws Exception {
        startInfrastructure();
        for (String name : SERVICES) {
            startService(name);
        }
        for (String name : SERVICES) {
            awaitService(name);
        }
        return this;
    }

    public void startInfrastructure() throws Exception {
        long t0 = System.nanoTime();
        kafka = new EmbeddedKafka(settings.dataDir().resolve("kafka"), settings.kafkaPort(),
                settings.kafkaControllerPort()).start();
        kafka.createTopics(Topics.all(), settings.partitions());
        step("Kafka broker (KRaft) on " + kafka.bootstrapServers() + ", topics ready", t0);
        t0 = System.nanoTime();
        database = new EmbeddedDatabase(settings.dataDir().resolve("postgres"), settings.postgresPort()).start();
        database.createDatabases(DATABASES);
        step("PostgreSQL on localhost:" + settings.postgresPort() + ", databases " + DATABASES, t0);
    }

    /** The service token of intake's internal document API on this stack. */
    public String internalToken() {
        return internalToken;
    }

    /** Starts one service process (again, after a stop or kill). */
    public ServiceProcess startService(String name) throws IOException {
        ServiceProcess process = services.computeIfAbsent(name, this::newProcess);
        process.start();
        return process;
    }

    public void awaitService(String name) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        ServiceProcess process = services.get(name);
        process.awaitReady(Duration.ofSeconds(120));
        step(String.format("%-12s %s (log: %s)", name, process.url(), process.logFile()), t0);
    }

    private ServiceProcess newProcess(String name) {
        Path app = settings.root().resolve("services").resolve(name).resolve("target").resolve("quarkus-app");
        return new ServiceProcess(name, app, port(name), environment(name),
                settings.dataDir().resolve("logs").resolve(name + ".log"));
    }

    private int port(String name) {
        return switch (name) {
            case "publication" -> settings.publicationPort();
            case "intake" -> settings.intakePort();
            case "extraction" -> settings.extractionPort();
            case "validation" -> settings.validationPort();
            default -> throw new IllegalArgumentException("unknown service " + name);
        };
    }

    private Map<String, String> environment(String name) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + settings.kafkaPort());
        if (DATABASES.contains(name)) {
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://localhost:" + settings.postgresPort() + "/" + name);
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + settings.postgresPort() + "/" + name);
            env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", EmbeddedDatabase.PASSWORD);
        }
        if (name.equals("intake") || name.equals("publication")) {
            env.put("NIANBAO_ADMIN_TOKEN", settings.adminToken());
        }
        if (name.equals("intake") || name.equals("extraction")) {
            env.put("NIANBAO_INTERNAL_TOKEN", internalToken);
        }
        if (name.equals("intake")) {
            env.put("NIANBAO_LOCAL_API_KEY", settings.apiKey());
            env.put("NIANBAO_DOCUMENT_BASE_URL", "http://localhost:" + settings.intakePort());
            env.put("NIANBAO_PUBLICATION_URL", "http://localhost:" + settings.publicationPort());
        }
        env.putAll(everyServiceEnvironment);
        env.putAll(extraEnvironment.getOrDefault(name, Map.of()));
        return env;
    }

    private void step(String what, long startNanos) {
        progress.printf("  ✓ %s  [%.1f s]%n", what, (System.nanoTime() - startNanos) / 1e9);
    }

    /** Stops the services, then the broker and the database, each from this one thread. */
    @Override
    public void close() throws Exception {
        for (ServiceProcess process : services.values()) {
            process.stop();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
