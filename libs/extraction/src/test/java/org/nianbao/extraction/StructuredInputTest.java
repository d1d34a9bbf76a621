package org.nianbao.extraction;

import org.junit.jupiter.api.Test;
import org.nianbao.model.Report;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Word and HTML versions of seed 004 (舟山市定海区 2020, the seed with the most numbers), built in the
 * test with merged cells and page chrome, read by the structural readers to the same hand-read values.
 */
class StructuredInputTest {
    private static final String SEED = "004_8dd35ab5e340120f";
    private final ReportExtractor extractor = new ReportExtractor();

    private Report seed() {
        return extractor.extractText(Corpus.seed(SEED));
    }

    @Test
    void aWordDocumentWithMergedCellsIsReadStructurally() throws Exception {
        byte[] docx = OfficialTables.docx(seed());
        Report r = extractor.extract(docx, "report.pdf");
        assertThat(r.extraction.inputType).isEqualTo("docx");
        Golden.assertMatches(r, SEED);
    }

    @Test
    void anHtmlPageWithSpansAndChromeIsReadStructurally() throws Exception {
        byte[] html = OfficialTables.html(seed()).getBytes(StandardCharsets.UTF_8);
        Report r = extractor.extract(html, null);
        assertThat(r.extraction.inputType).isEqualTo("html");
        Golden.assertMatches(r, SEED);
        assertThat(r.sections.other).doesNotContain("版权所有");
    }

    @Test
    void htmlPastedAsTextIsReadAsAPage() throws Exception {
        Report r = extractor.extractText(OfficialTables.html(seed()));
        assertThat(r.extraction.inputType).isEqualTo("html");
        Golden.assertMatches(r, SEED);
    }
}
