package org.nianbao.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One Quarkus service run as a separate JVM from its {@code quarkus-app} build, logging to a file, and
 * supervised as Kubernetes would supervise a container.
 *
 * <h2>Supervision</h2>
 * While the service is <em>wanted</em> (from {@link #start()} until {@link #stop()}), a watcher notices every exit
 * of its process, reports it ("publication exited with code 137; restarting in 2 s (restart 3)") and starts it again
 * after a backoff: 1 s, 2 s, 4 s … capped at {@link #MAX_BACKOFF}; the backoff starts again at 1 s once a run stayed
 * up for {@link #STABLE_AFTER}. The three ways to end a process mean three different things:
 * <ul>
 *   <li>{@link #kill()}: a crash ({@code kill -9}). The service is still wanted, so the supervisor restarts it;
 *       a fault test that kills a service waits for it with {@link #awaitRestarted(int, Duration)}.</li>
 *   <li>{@link #stop()}: a deliberate stop (SIGTERM, then SIGKILL if it hangs). The service is no longer wanted and
 *       is not restarted until someone calls {@link #start()} again.</li>
 *   <li>An exit of the process on its own (an error, the OOM killer): like a crash, restarted.</li>
 * </ul>
 * {@link #supervised(boolean) supervised(false)} turns restarting off for this process (an exit is then only
 * reported), for a test that wants to watch a service stay down.
 */
public final class ServiceProcess {
    /** The first restart waits this long; every further one twice as long as the one before. */
    public static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
    /** No restart waits longer. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** A run that lasted this long was healthy: the next restart waits {@link #MIN_BACKOFF} again. */
    public static final Duration STABLE_AFTER = Duration.ofSeconds(60);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final List<String> command;
    private final int port;
    private final Map<String, String> env;
    private final Path logFile;
    private final Consumer<String> events;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final Duration stableAfter;

    private Process process;
    /** Started and not stopped: the supervisor keeps it running. */
    private boolean wanted;
    private boolean supervised = true;
    /** Counts the processes started; a watcher acts only for the process it was started for. */
    private long generation;
    private long startedAtNanos;
    private int restarts;
    /** How often a process of this service ended while it was wanted. */
    private int exits;
    private Duration nextBackoff;
    /** Set once the service answered ready; a service that never did is not waited for through restarts. */
    private volatile boolean everReady;

    /** A Quarkus service from its {@code quarkus-app} directory, reporting exits and restarts to {@code events}. */
    public ServiceProcess(String name, Path appDir, int port, Map<String, String> env, Path logFile, Consumer<String> events) {
        this(name, javaCommand(appDir, env), port, env, logFile, events, MIN_BACKOFF, MAX_BACKOFF, STABLE_AFTER);
    }

    public ServiceProcess(String name, Path appDir, int port, Map<String, String> env, Path logFile) {
        this(name, appDir, port, env, logFile, System.out::println);
    }

    /** Any command, with its own backoff: for tests of the supervisor itself. */
    ServiceProcess(String name, List<String> command, int port, Map<String, String> env, Path logFile,
                   Consumer<String> events, Duration minBackoff, Duration maxBackoff, Duration stableAfter) {
        this.name = name;
        this.command = List.copyOf(command);
        this.port = port;
        this.env = Map.copyOf(env);
        this.logFile = logFile;
        this.events = events;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        this.stableAfter = stableAfter;
        this.nextBackoff = minBackoff;
    }

    private static List<String> javaCommand(Path appDir, Map<String, String> env) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + setting(env, "NIANBAO_SERVICE_HEAP", "384m"));
        // e.g. -XX:TieredStopAtLevel=1: quicker to start, slower to run (see BENCHMARKS.md)
        for (String option : setting(env, "NIANBAO_SERVICE_JVM_OPTIONS", "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.add("-jar");
        command.add(appDir.resolve("quarkus-run.jar").toString());
        return command;
    }

    /** A stack setting: the service's environment, else this process's, else the default. */
    private static String setting(Map<String, String> env, String name, String fallback) {
        return env.getOrDefault(name, System.getenv().getOrDefault(name, fallback));
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Path logFile() {
        return logFile;
    }

    /** Turns restarting after an exit on (the default) or off. */
    public synchronized ServiceProcess supervised(boolean on) {
        this.supervised = on;
        return this;
    }

    /** How often the supervisor started this service again after an exit. */
    public synchronized int restarts() {
        return restarts;
    }

    /** Starts the service (again, after a {@link #stop()}); it is wanted, so supervised, from now on. */
    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        wanted = true;
        launch();
    }

    private void launch() throws IOException {
        if (command.size() > 1 && command.get(command.size() - 1).endsWith("quarkus-run.jar")
                && !Files.exists(Path.of(command.get(command.size() - 1)))) {
            throw new IOException("The " + name + " service is not built (" + command.get(command.size() - 1)
                    + " is missing): run ./mvnw package -DskipTests");
        }
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.environment().putAll(env);
        if (port > 0) {
            pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        }
        Process started = pb.start();
        process = started;
        startedAtNanos = System.nanoTime();
        long mine = ++generation;
        started.onExit().thenAccept(p -> exited(p, mine));
    }

    /** The watcher: called once for every process that ends, however it ended. */
    private synchronized void exited(Process ended, long startedAs) {
        if (startedAs != generation || !wanted) {
            return; // stopped on purpose, or an older process
        }
        int code = ended.exitValue();
        exits++;
        if (!supervised) {
            events.accept(name + " exited with code " + code + "; not restarting (supervision off)");
            return;
        }
        if (System.nanoTime() - startedAtNanos >= stableAfter.toNanos()) {
            nextBackoff = minBackoff;
        }
        Duration delay = nextBackoff;
        Duration doubled = delay.multipliedBy(2);
        nextBackoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
        int attempt = restarts + 1;
        events.accept(String.format("%s exited with code %d; restarting in %s (restart %d)", name, code,
                seconds(delay), attempt));
        long waitingFor = generation;
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> restart(waitingFor, attempt));
    }

    private synchronized void restart(long after, int attempt) {
        if (after != generation || !wanted) {
            return; // stopped or started by someone else in the meantime
        }
        try {
            launch();
            restarts = attempt;
        } catch (IOException e) {
            events.accept(name + " could not be restarted: " + e.getMessage());
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : String.format("%.1f s", d.toMillis() / 1000.0);
    }

    /**
     * Waits until {@code /q/health/ready} answers 200, or fails with the log's location. A service that exits before
     * it was ever ready fails at once; one that was ready before is waited for while the supervisor restarts it.
     */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        int exitsBefore;
        synchronized (this) {
            exitsBefore = exits;
        }
        while (System.nanoTime() < deadline) {
            boolean exitedMeanwhile;
            synchronized (this) {
                exitedMeanwhile = exits != exitsBefore;
            }
            if (!everReady && exitedMeanwhile) {
                throw new IOException(name + " exited during start-up; see " + logFile);
            }
            if (!isAlive()) {
                boolean restarting;
                synchronized (this) {
                    restarting = wanted && supervised && everReady;
                }
                if (!restarting) {
                    throw new IOException(name + " exited during start-up; see " + logFile);
                }
            } else {
                try {
                    if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        everReady = true;
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
            }
            Thread.sleep(250);
        }
        throw new IOException(name + " was not ready within " + timeout.toSeconds() + " s; see " + logFile);
    }

    /**
     * Waits until the supervisor restarted the service at least {@code restarts} times in all and it is ready again:
     * for a test that {@link #kill() killed} it.
     */
    public void awaitRestarted(int restarts, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (restarts() < restarts) {
            if (System.nanoTime() > deadline) {
                throw new IOException(name + " was not restarted within " + timeout.toSeconds() + " s; see " + logFile);
            }
            Thread.sleep(100);
        }
        awaitReady(Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofSeconds(1).toNanos())));
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The operating system's process id of the running process, or -1. */
    public synchronized long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    /**
     * Stops the service on purpose: SIGTERM for a graceful Quarkus shutdown, then SIGKILL if it hangs. It is not
     * restarted (until {@link #start()}).
     */
    public void stop() throws InterruptedException {
        Process ending;
        synchronized (this) {
            wanted = false;
            generation++;
            ending = process;
            process = null;
        }
        if (ending == null) {
            return;
        }
        ending.destroy();
        if (!ending.waitFor(20, TimeUnit.SECONDS)) {
            ending.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Kills the process at once ({@code kill -9}), as a crash would. The service stays wanted: the supervisor restarts
     * it after its backoff (unless supervision is off).
     */
    public void kill() throws InterruptedException {
        Process killed;
        synchronized (this) {
            killed = process;
        }
        if (killed != null) {
            killed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
