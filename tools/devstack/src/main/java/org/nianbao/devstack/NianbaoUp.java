package org.nianbao.devstack;

import org.apache.kafka.common.utils.Exit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code bin/nianbao up}: runs the whole system locally until Ctrl-C or SIGTERM. The services are supervised (a
 * process that dies is restarted with backoff, see {@link ServiceProcess}); every child is stopped when this process
 * stops, and when the stack fails itself (it cannot start, or the broker fails), which exits with a non-zero code.
 */
public final class NianbaoUp {
    private NianbaoUp() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        StackSettings settings = StackSettings.fromEnvironment(root);
        System.out.println("Starting Nianbao (data in " + settings.dataDir() + ")");
        LocalStack stack = new LocalStack(settings, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            System.out.println("\nStopping Nianbao…");
            // bounded: a hung part must not keep the machine's ports; the services are stopped first
            Thread closer = new Thread(() -> {
                try {
                    stack.close();
                } catch (Exception e) {
                    System.err.println("error while stopping: " + e.getMessage());
                }
            }, "nianbao-close");
            closer.start();
            try {
                closer.join(Duration.ofSeconds(90).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.out.println(closer.isAlive() ? "Stopped (the broker or the database did not stop in time)." : "Stopped.");
            stopped.countDown();
        }, "nianbao-shutdown"));
        // The embedded broker ends the JVM with halt() on a fatal error, which skips the shutdown hooks: turn that into
        // an ordinary exit, so that the services are stopped with it.
        Exit.Procedure halt = (code, message) -> {
            if (stopping.get()) {
                Runtime.getRuntime().halt(code);
            }
            System.err.println("The Kafka broker failed (" + message + "); stopping Nianbao");
            new Thread(() -> System.exit(code == 0 ? 1 : code), "nianbao-broker-failed").start();
        };
        Exit.setHaltProcedure(halt);
        Exit.setExitProcedure(halt);
        try {
            stack.start();
        } catch (Exception e) {
            System.err.println("Nianbao could not start: " + e.getMessage());
            System.exit(1);
        }
        System.out.printf("""

                Nianbao is up.
                  Public web page and API  http://localhost:%d/          (publication; roll-ups at /rollups)
                  Submission API           http://localhost:%d/api/v1/submissions  (intake)
                  Extraction / validation  http://localhost:%d/q/health  http://localhost:%d/q/health
                  Pipeline status          http://localhost:%d/ops/v1/pipeline   (admin token; metrics: /q/metrics on each)
                  Kafka bootstrap          localhost:%d
                  PostgreSQL               localhost:%d (user postgres)
                  Local API key            %s      (admin token: %s)
                  Reviewers                http://localhost:%d/review   (reviewer token: %s)
                Submit a report:
                  curl -H 'Authorization: Bearer %s' -F file=@report.txt http://localhost:%d/api/v1/submissions
                Press Ctrl-C to stop.
                """, settings.publicationPort(), settings.intakePort(), settings.extractionPort(),
                settings.validationPort(), settings.intakePort(), settings.kafkaPort(), settings.postgresPort(), settings.apiKey(),
                settings.adminToken(), settings.publicationPort(), settings.reviewerToken(), settings.apiKey(), settings.intakePort());
        stopped.await();
    }
}
