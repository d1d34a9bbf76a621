package org.nianbao.benchmarks;

import org.nianbao.extraction.ReportExtractor;
import org.nianbao.model.Report;
import org.nianbao.validation.ReportValidator;
import org.nianbao.validation.ValidationConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Extraction time per input type, on real documents of ../shared/corpus: text in each layout (tabs,
 * one cell per line, pipes, layout spaces), the real PDFs, and validation of a read report.
 * Run: {@code java -cp "tools/benchmarks/target/classes:tools/benchmarks/target/lib/*" org.openjdk.jmh.Main}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ExtractionBenchmark {

    @Param({"seeds/000_27b80aaf8e404846.txt", "seeds/001_43d6c315cbc0f57d.txt", "seeds/003_8178ad8169fa307d.txt",
            "real/huaian-city-2024.pdf.txt", "real/huaian-city-2024.pdf", "real/hongze-district-2024.pdf"})
    public String document;

    private final ReportExtractor extractor = new ReportExtractor();
    private final ReportValidator validator = new ReportValidator(ValidationConfig.defaults());
    private byte[] bytes;
    private Report report;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path corpus = Path.of(System.getProperty("nianbao.corpus", "../shared/corpus"));
        bytes = Files.readAllBytes(corpus.resolve(document));
        report = extractor.extract(bytes, document);
    }

    @Benchmark
    public Report extract() {
        return extractor.extract(bytes, document);
    }

    @Benchmark
    public Object validate() {
        return validator.validate(report, null, null);
    }
}
