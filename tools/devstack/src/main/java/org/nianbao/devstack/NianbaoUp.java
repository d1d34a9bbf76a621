package org.nianbao.devstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** {@code bin/nianbao up}: runs the whole system locally until Ctrl-C or SIGTERM. */
public final class NianbaoUp {
    private NianbaoUp() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        StackSettings settings = StackSettings.fromEnvironment(root);
        System.out.println("Starting Nianbao (data in " + settings.dataDir() + ")");
        LocalStack stack = new LocalStack(settings, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Nianbao…");
            try {
                stack.close();
            } catch (Exception e) {
                System.err.println("error while stopping: " + e.getMessage());
            }
            System.out.println("Stopped.");
            stopped.countDown();
        }, "nianbao-shutdown"));
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
                Submit a report:
                  curl -H 'Authorization: Bearer %s' -F file=@report.txt http://localhost:%d/api/v1/submissions
                Press Ctrl-C to stop.
                """, settings.publicationPort(), settings.intakePort(), settings.extractionPort(),
                settings.validationPort(), settings.intakePort(), settings.kafkaPort(), settings.postgresPort(), settings.apiKey(),
                settings.adminToken(), settings.apiKey(), settings.intakePort());
        stopped.await();
    }
}
