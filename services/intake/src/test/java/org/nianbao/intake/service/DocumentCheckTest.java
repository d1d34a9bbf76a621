package org.nianbao.intake.service;

import org.junit.jupiter.api.Test;
import org.nianbao.intake.rest.ProblemException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentCheckTest {
    private static final byte[] TEXT = "洪泽区人民政府2023年政府信息公开工作年度报告".getBytes(StandardCharsets.UTF_8);

    @Test
    void recognisesEachSupportedTypeFromItsContent() {
        assertThat(DocumentCheck.check("%PDF-1.7\n...".getBytes(StandardCharsets.ISO_8859_1), "report.pdf")).isEqualTo("pdf");
        assertThat(DocumentCheck.check(TEXT, "report.txt")).isEqualTo("text");
        assertThat(DocumentCheck.check(TEXT, null)).isEqualTo("text");
        byte[] docx = "PK\u0003\u0004....word/document.xml".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(DocumentCheck.check(docx, "report.docx")).isEqualTo("docx");
    }

    @Test
    void acceptsGbkText() {
        byte[] gbk = "洪泽区人民政府2023年政府信息公开工作年度报告".getBytes(Charset.forName("GBK"));
        assertThat(DocumentCheck.check(gbk, "report.txt")).isEqualTo("text");
    }

    @Test
    void rejectsEmptyOversizedUnsupportedAndMislabelledDocuments() {
        assertThatThrownBy(() -> DocumentCheck.check(new byte[0], "a.txt"))
                .isInstanceOf(ProblemException.class).hasMessage("The document is empty.");
        assertThatThrownBy(() -> DocumentCheck.check(new byte[(int) DocumentCheck.MAX_BYTES + 1], "a.txt"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThatThrownBy(() -> DocumentCheck.check(TEXT, "report.xls"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(415))
                .hasMessageContaining(".txt, .html, .docx or .pdf");
        assertThatThrownBy(() -> DocumentCheck.check(TEXT, "report.pdf"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(415))
                .hasMessageContaining("named .pdf but its content is text");
        byte[] zip = "PK\u0003\u0004....other.bin".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> DocumentCheck.check(zip, "a.zip"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(415));
    }
}
