package org.nianbao.publication.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.nianbao.events.ReportPublished;
import org.nianbao.events.ReportValidated;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.publication.service.PublicationService;
import org.nianbao.testing.PostgresResource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement, printed and not asserted (the machine is shared): how long publication takes for a batch of 100
 * events of 100 agencies, new, replaced by a next round, and redelivered; and what reading the events' JSON costs.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class BatchTimingTest {
    private static final int BATCH = 100;

    @Inject
    PublicationService publication;

    @Test
    void aBatchOfAHundred() throws Throwable {
        String text = "本机关依法依规做好政府信息公开工作，".repeat(300); // ~5,400 characters of report text
        for (int run = 0; run < 3; run++) {
            List<ReportValidated> first = new ArrayList<>();
            List<ReportValidated> second = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                String agency = "计时" + run + "局" + i;
                String region = "32" + String.format("%02d", i % 13) + String.format("%02d", i % 7);
                first.add(withText(Events.validated(agency, region, "t-" + run + "-" + i, 1, 1, i % 3, 10 + i), text));
                second.add(withText(Events.validated(agency, region, "t-" + run + "-" + i, 1, 2, 0, 20 + i), text));
            }
            String json = PipelineEvents.toJson(first.get(0));
            long read = time(() -> first.forEach(e -> PipelineEvents.read(PipelineEvents.toJson(e), ReportValidated.class)));
            long published = time(first);
            long replaced = time(second);
            long redelivered = time(second);
            System.out.printf("publication, batch of %d (event %,d B; JSON write+read of the batch %d ms): new %d ms, "
                    + "next round %d ms, redelivered %d ms%n", BATCH, json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                    read, published, replaced, redelivered);
        }
    }

    private static ReportValidated withText(ReportValidated e, String text) {
        e.report().sections.overview = text;
        return e;
    }

    private long time(List<ReportValidated> batch) throws Throwable {
        long start = System.nanoTime();
        List<ReportPublished> out = VertxContextSupport.subscribeAndAwait(() -> publication.publish(batch));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(out).hasSize(batch.size());
        return ms;
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
