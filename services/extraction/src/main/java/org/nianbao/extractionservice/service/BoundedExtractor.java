package org.nianbao.extractionservice.service;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.nianbao.extraction.DocumentLimits;
import org.nianbao.extraction.ReportExtractor;
import org.nianbao.extraction.UnreadableDocumentException;
import org.nianbao.model.Report;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads one document within the {@link DocumentLimits} (from the {@code nianbao.document.*} properties) and
 * within its deadline: the reading runs on a thread of its own; past the deadline that thread is interrupted
 * and abandoned (it stops at its next check, its work bounded by the size limits) and the document is unreadable.
 */
@Singleton
public class BoundedExtractor {
    private static final Logger LOG = Logger.getLogger(BoundedExtractor.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final DocumentLimits limits;
    private final ReportExtractor extractor;

    public BoundedExtractor() {
        this(DocumentLimits.from(name -> ConfigProvider.getConfig().getOptionalValue(name, String.class).orElse(null)));
    }

    BoundedExtractor(DocumentLimits limits) {
        this.limits = limits;
        this.extractor = new ReportExtractor(limits);
    }

    /** The report, or an UnreadableDocumentException saying why the document cannot be read. */
    public Report extract(byte[] document, String fileName) {
        return withinDeadline(() -> extractor.extract(document, fileName), limits.deadline());
    }

    static <T> T withinDeadline(Callable<T> work, Duration deadline) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread worker = new Thread(task, "nianbao-extract-" + THREADS.incrementAndGet());
        worker.setDaemon(true);
        worker.start();
        try {
            return task.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            LOG.warnf("reading a document took longer than %s: thread %s interrupted and abandoned", deadline, worker.getName());
            throw new UnreadableDocumentException("Reading the document took longer than " + seconds(deadline)
                    + ", the limit for one document: it is not read.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnreadableDocumentException unreadable) {
                throw unreadable;
            }
            throw new UnreadableDocumentException("The document could not be read (" + e.getCause() + ").", e.getCause());
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the document", e);
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
