package org.nianbao.extraction;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;
import org.nianbao.model.Json;
import org.nianbao.model.Report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Not a check but a measurement: reads every PDF of {@code -Dnianbao.pdfdir} that has an expectation (a
 * {@code NAME.gold.json} beside {@code NAME.*.pdf}, or a corpus name its file name starts with) and prints
 * its cells right / unread / wrong against it.
 * {@code ./mvnw -pl libs/model,libs/extraction -am test -Dtest=PdfMeasure -Dsurefire.failIfNoSpecifiedTests=false -Dnianbao.pdfdir=DIR}
 */
class PdfMeasure {
    @Test
    void measure() throws Exception {
        String dir = System.getProperty("nianbao.pdfdir");
        Assumptions.assumeTrue(dir != null, "skipped: no -Dnianbao.pdfdir given");
        List<String> names = Stream.concat(Stream.of(Corpus.SEEDS), Stream.of(Corpus.REAL)).toList();
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            for (Path pdf : files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList()) {
                String file = pdf.getFileName().toString();
                String name = names.stream().filter(file::startsWith).findFirst().orElse(null);
                Path beside = pdf.resolveSibling(file.substring(0, file.indexOf('.')) + ".gold.json");
                if (name == null && !Files.isRegularFile(beside)) {
                    continue;
                }
                JsonNode gold = Files.isRegularFile(beside) ? Json.mapper().readTree(beside.toFile()) : Golden.expectation(name);
                Report r = new ReportExtractor().extract(Files.readAllBytes(pdf), null);
                String dump = System.getProperty("nianbao.pdfdump");
                if (dump != null) { // the text the parser was given, for a look
                    Files.writeString(Path.of(dump, file + ".txt"), PdfReader.text(Files.readAllBytes(pdf)));
                    Files.writeString(Path.of(dump, file + ".cells"), String.join("\n", Golden.cells(r, gold)
                            .stream().filter(c -> !c.right()).map(Object::toString).toList()));
                }
                System.out.printf("MEASURE %-48s %s%n", file, Golden.score(r, gold));
            }
        }
    }
}
