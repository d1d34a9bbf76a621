package org.nianbao.extraction;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nianbao.model.Report;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Every corpus document, in every form the corpus has it, read to the hand-written expectation. */
class CorpusReadingTest {
    private final ReportExtractor extractor = new ReportExtractor();

    static String[] seeds() {
        return Corpus.SEEDS;
    }

    static String[] real() {
        return Corpus.REAL;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void seedTextIsReadRight(String name) throws Exception {
        Report r = extractor.extract(Corpus.resource("/seeds/" + name + ".txt"), name + ".txt");
        assertThat(r.extraction.inputType).isEqualTo("text");
        Golden.assertMatches(r, name);
    }

    @ParameterizedTest
    @MethodSource("real")
    void realPdfTextLayoutIsReadRight(String name) throws Exception {
        Report r = extractor.extract(Corpus.real(name + ".pdf.txt"), null);
        Golden.assertMatches(r, name);
        assertThat(r.extraction.problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("real")
    void realPdfIsReadRight(String name) throws Exception {
        Report r = extractor.extract(Corpus.real(name + ".pdf"), "report.bin");
        assertThat(r.extraction.inputType).isEqualTo("pdf");
        Golden.assertMatches(r, name);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void seedsEncodedAsGbkReadTheSame(String name) throws Exception {
        String text = Corpus.seed(name);
        byte[] gbk = text.getBytes("GB18030");
        assertThat(Arrays.equals(gbk, text.getBytes(StandardCharsets.UTF_8))).isFalse();
        Golden.assertMatches(extractor.extract(gbk, null), name);
        byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        Golden.assertMatches(extractor.extract(bom, null), name);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sectionsAreAllFound(String name) {
        Report r = extractor.extractText(Corpus.seed(name));
        assertThat(r.sections.overview).isNotBlank();
        assertThat(r.sections.problems).isNotBlank();
        assertThat(r.sections.other).isNotBlank();
    }
}
