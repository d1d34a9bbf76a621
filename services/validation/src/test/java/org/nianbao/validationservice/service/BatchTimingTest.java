package org.nianbao.validationservice.service;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.nianbao.events.ReportParsed;
import org.nianbao.events.ReportValidated;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.validationservice.InMemoryChannels;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.validationservice.Pipeline.parsed;

/**
 * A measurement, printed and not asserted (the machine is shared): how long validation takes for a batch of 100
 * events (50 agencies, two years each, the later year first so that each previous year re-validates it), new,
 * redelivered and read again differently; and what reading the events' JSON costs.
 */
@QuarkusTest
@TestProfile(InMemoryChannels.class)
class BatchTimingTest {
    private static final int AGENCIES = 50;

    @Inject
    ValidationService validation;

    @Test
    void aBatchOfAHundred() throws Throwable {
        String text = "本机关依法依规做好政府信息公开工作，".repeat(300); // ~5,400 characters of report text
        for (int run = 0; run < 3; run++) {
            List<ReportParsed> first = new ArrayList<>();
            List<ReportParsed> changed = new ArrayList<>();
            for (int i = 0; i < AGENCIES; i++) {
                String agency = "TIME" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
                String later = UUID.randomUUID().toString();
                String earlier = UUID.randomUUID().toString();
                first.add(parsed(later, agency, 2023, "2023年" + text));
                first.add(parsed(earlier, agency, 2022, "2022年" + text));
                changed.add(parsed(later, agency, 2023, "2023年（更正）" + text));
                changed.add(parsed(earlier, agency, 2022, "2022年（更正）" + text));
            }
            String json = PipelineEvents.toJson(first.get(0));
            long start = System.nanoTime();
            first.forEach(e -> PipelineEvents.read(PipelineEvents.toJson(e), ReportParsed.class));
            long read = (System.nanoTime() - start) / 1_000_000;
            long validated = time(first, 150);
            long redelivered = time(first, 100); // nothing to re-validate this time
            long again = time(changed, 150);
            System.out.printf("validation, batch of %d (event %,d B; JSON write+read of the batch %d ms): new %d ms, "
                    + "redelivered %d ms, changed %d ms%n", first.size(), json.getBytes(StandardCharsets.UTF_8).length,
                    read, validated, redelivered, again);
        }
    }

    private long time(List<ReportParsed> batch, int events) throws Throwable {
        long start = System.nanoTime();
        List<ReportValidated> out = VertxContextSupport.subscribeAndAwait(() -> validation.validate(batch));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(out.size()).isEqualTo(events);
        return ms;
    }
}
