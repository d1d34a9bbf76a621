package org.nianbao.validationservice;

import io.quarkus.test.junit.QuarkusTestProfile;
import org.nianbao.testing.PostgresResource;

import java.util.List;
import java.util.Map;

/**
 * The service as it runs, with its channels in memory (Kafka is not the point of these tests) and a real
 * embedded PostgreSQL; the cross-year sweep runs only when a test calls it.
 */
public class InMemoryChannels implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "mp.messaging.incoming.parsed-in.connector", "smallrye-in-memory",
                // as the Kafka connector does: the consumer runs on a Vert.x context, where Hibernate Reactive works
                "mp.messaging.incoming.parsed-in.run-on-vertx-context", "true",
                "mp.messaging.outgoing.validated-out.connector", "smallrye-in-memory",
                "nianbao.sweep.cross-year.every", "off");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresResource.class));
    }
}
