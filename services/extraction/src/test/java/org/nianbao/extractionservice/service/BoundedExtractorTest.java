package org.nianbao.extractionservice.service;

import org.junit.jupiter.api.Test;
import org.nianbao.extraction.DocumentLimits;
import org.nianbao.extraction.UnreadableDocumentException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedExtractorTest {
    private static final Duration DEADLINE = Duration.ofMillis(300);

    @Test
    void workPastTheDeadlineIsInterruptedAndTheDocumentIsUnreadable() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        long start = System.nanoTime();
        assertThatThrownBy(() -> BoundedExtractor.withinDeadline(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "too late";
        }, DEADLINE)).isInstanceOf(UnreadableDocumentException.class)
                .hasMessage("Reading the document took longer than 300 ms, the limit for one document: it is not read.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the worker was interrupted").isTrue();
    }

    @Test
    void workIgnoringInterruptsIsAbandonedAtTheDeadline() {
        AtomicBoolean stop = new AtomicBoolean();
        long start = System.nanoTime();
        try {
            assertThatThrownBy(() -> BoundedExtractor.withinDeadline(() -> {
                while (!stop.get()) {
                    Thread.onSpinWait();
                }
                return "never";
            }, DEADLINE)).isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("took longer than");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            stop.set(true);
        }
    }

    @Test
    void resultsAndReasonsPassThrough() {
        assertThat(BoundedExtractor.withinDeadline(() -> "read", DEADLINE)).isEqualTo("read");
        assertThatThrownBy(() -> BoundedExtractor.withinDeadline(() -> {
            throw new UnreadableDocumentException("The PDF has no pages.");
        }, DEADLINE)).isInstanceOf(UnreadableDocumentException.class).hasMessage("The PDF has no pages.");
        assertThatThrownBy(() -> BoundedExtractor.withinDeadline(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, DEADLINE)).isInstanceOf(UnreadableDocumentException.class)
                .hasMessage("The document could not be read (java.lang.OutOfMemoryError: Java heap space).");
    }

    @Test
    void aDocumentOverALimitIsRefusedWithTheLimitsGiven() {
        BoundedExtractor extractor = new BoundedExtractor(new DocumentLimits(1000, 500_000, 200L << 20, 0.01, DEADLINE));
        assertThatThrownBy(() -> extractor.extract("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1), "r.pdf"))
                .isInstanceOf(UnreadableDocumentException.class).hasMessageContaining("The PDF is damaged or incomplete");
    }
}
