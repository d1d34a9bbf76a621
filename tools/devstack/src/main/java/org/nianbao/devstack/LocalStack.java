package org.nianbao.devstack;

import org.nianbao.events.Topics;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine: a real Kafka broker and PostgreSQL in this JVM, the topics and
 * databases, and the four services as separate processes. Used by {@code bin/nianbao up} and the
 * end-to-end tests.
 *
 * <p>Every service is supervised (see {@link ServiceProcess}): a process that dies is restarted with backoff and the
 * restart is reported on the progress stream; {@link ServiceProcess#kill()} is a crash (restarted),
 * {@link ServiceProcess#stop()} a deliberate stop (not restarted). {@link #close()} stops every child whatever state
 * the stack is in (also half started), and nothing is restarted after it began.
 *
 * <p>Faults for tests: {@link #restartBroker()}, {@link #dropDatabaseConnections(Duration)} and
 * {@link #restartDatabase(Duration)}.
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
    private volatile boolean closed;

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
        if (closed) {
            throw new IllegalStateException("the stack was closed");
        }
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
        ServiceProcess process;
        synchronized (services) {
            if (closed) {
                throw new IllegalStateException("the stack was closed");
            }
            process = services.computeIfAbsent(name, this::newProcess);
        }
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
                settings.dataDir().resolve("logs").resolve(name + ".log"), this::event);
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
        if (name.equals("publication")) {
            env.put("NIANBAO_REVIEWER_TOKEN", settings.reviewerToken());
        }
        if (name.equals("intake") || name.equals("extraction")) {
            env.put("NIANBAO_INTERNAL_TOKEN", internalToken);
        }
        if (name.equals("intake")) {
            env.put("NIANBAO_LOCAL_API_KEY", settings.apiKey());
            env.put("NIANBAO_DOCUMENT_BASE_URL", "http://localhost:" + settings.intakePort());
            env.put("NIANBAO_PUBLICATION_URL", "http://localhost:" + settings.publicationPort());
            env.put("NIANBAO_EXTRACTION_URL", "http://localhost:" + settings.extractionPort());
        }
        env.putAll(everyServiceEnvironment);
        env.putAll(extraEnvironment.getOrDefault(name, Map.of()));
        return env;
    }

    /** Stops the broker and starts it again on the same port and log directory; returns when it answers. */
    public void restartBroker() throws IOException {
        long t0 = System.nanoTime();
        kafka.close();
        event("Kafka broker stopped");
        kafka.start();
        kafka.createTopics(Topics.all(), settings.partitions());
        step("Kafka broker restarted on " + kafka.bootstrapServers(), t0);
    }

    /**
     * Terminates every connection of the services to their databases, again and again for {@code duration}, so that
     * reconnections are dropped too (as a database that keeps refusing its clients would). Returns how many
     * connections were terminated in all.
     */
    public int dropDatabaseConnections(Duration duration) throws SQLException, InterruptedException {
        event("dropping every database connection for " + duration.toSeconds() + " s");
        long deadline = System.nanoTime() + duration.toNanos();
        int dropped = 0;
        while (System.nanoTime() < deadline) {
            dropped += database.terminateConnections(DATABASES);
            Thread.sleep(100);
        }
        event("database connections no longer dropped (" + dropped + " terminated)");
        return dropped;
    }

    /** Stops PostgreSQL, waits {@code down}, and starts it again on the same port and data directory. */
    public void restartDatabase(Duration down) throws IOException, InterruptedException {
        database.close();
        event("PostgreSQL stopped; starting it again in " + down.toSeconds() + " s");
        Thread.sleep(down.toMillis());
        long t0 = System.nanoTime();
        database.start();
        step("PostgreSQL restarted on localhost:" + settings.postgresPort(), t0);
    }

    private void event(String what) {
        progress.printf("  ! %s%n", what);
    }

    private void step(String what, long startNanos) {
        progress.printf("  ✓ %s  [%.1f s]%n", what, (System.nanoTime() - startNanos) / 1e9);
    }

    /**
     * Stops every service (none is restarted from now on), then the broker and the database. Goes on past a failure
     * of one part, so that no child outlives the stack, and throws the first failure at the end.
     */
    @Override
    public void close() throws Exception {
        List<ServiceProcess> running;
        synchronized (services) {
            closed = true;
            running = List.copyOf(services.values());
        }
        Exception first = null;
        for (ServiceProcess process : running) {
            try {
                process.stop();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        try {
            if (kafka != null) {
                kafka.close();
            }
        } catch (Exception e) {
            first = first == null ? e : first;
        }
        try {
            if (database != null) {
                database.close();
            }
        } catch (Exception e) {
            first = first == null ? e : first;
        }
        if (first != null) {
            throw first;
        }
    }
}
