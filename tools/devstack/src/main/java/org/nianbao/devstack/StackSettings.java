package org.nianbao.devstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack lives and listens. Every value can be overridden by an environment variable
 * (named in the accessor's comment), so several stacks can run side by side.
 */
public record StackSettings(Path root, Path dataDir, int publicationPort, int intakePort, int extractionPort,
                            int validationPort, int kafkaPort, int kafkaControllerPort, int postgresPort,
                            int partitions, String apiKey, String adminToken, String reviewerToken) {

    public static final String DEFAULT_API_KEY = "local-dev-key";
    public static final String DEFAULT_ADMIN_TOKEN = "local-admin-token";
    public static final String DEFAULT_REVIEWER_TOKEN = "local-reviewer-token";

    /** Settings from the environment: NIANBAO_DATA_DIR, NIANBAO_*_PORT, NIANBAO_API_KEY, NIANBAO_ADMIN_TOKEN, NIANBAO_REVIEWER_TOKEN, NIANBAO_PARTITIONS. */
    public static StackSettings fromEnvironment(Path root) {
        Map<String, String> env = System.getenv();
        Path data = Path.of(env.getOrDefault("NIANBAO_DATA_DIR",
                Path.of(System.getProperty("user.home"), ".nianbao").toString()));
        return new StackSettings(root, data,
                port(env, "NIANBAO_PUBLICATION_PORT", 8080),
                port(env, "NIANBAO_INTAKE_PORT", 8081),
                port(env, "NIANBAO_EXTRACTION_PORT", 8082),
                port(env, "NIANBAO_VALIDATION_PORT", 8083),
                port(env, "NIANBAO_KAFKA_PORT", 9092),
                port(env, "NIANBAO_KAFKA_CONTROLLER_PORT", 9093),
                port(env, "NIANBAO_POSTGRES_PORT", 5432),
                port(env, "NIANBAO_PARTITIONS", 4),
                env.getOrDefault("NIANBAO_API_KEY", DEFAULT_API_KEY),
                env.getOrDefault("NIANBAO_ADMIN_TOKEN", DEFAULT_ADMIN_TOKEN),
                env.getOrDefault("NIANBAO_REVIEWER_TOKEN", DEFAULT_REVIEWER_TOKEN));
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + value + "'");
        }
    }
}
