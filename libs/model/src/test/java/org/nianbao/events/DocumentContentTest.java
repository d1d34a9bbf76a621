package org.nianbao.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.nianbao.model.Json;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A document travelling in its report-submitted: standard base64 in JSON, as any consumer reads it. */
class DocumentContentTest {
    private final ObjectMapper json = Json.mapper();

    @Test
    void theContentIsStandardBase64AndReadsBackByteForByte() throws Exception {
        byte[] content = "某县2024年政府信息公开工作年度报告\n一、总体情况\u0000\u00ff".getBytes(StandardCharsets.UTF_8);
        ReportSubmitted.DocumentRef ref = new ReportSubmitted.DocumentRef("report.txt", "text/plain", content.length, "x", "http://x/d", content);

        String written = json.writeValueAsString(ref);

        assertThat(written).contains("\"content\":\"" + Base64.getEncoder().encodeToString(content) + "\"");
        assertThat(json.readValue(written, ReportSubmitted.DocumentRef.class).content()).isEqualTo(content);
        // what Jackson itself writes for bytes (as an older intake did) reads the same
        String plain = "{\"fileName\":\"report.txt\",\"content\":" + json.writeValueAsString(content) + "}";
        assertThat(json.readValue(plain, ReportSubmitted.DocumentRef.class).content()).isEqualTo(content);
    }

    @Test
    void aDocumentWithoutContentHasNoContentFieldAndBadBase64IsRefused() throws Exception {
        ReportSubmitted.DocumentRef ref = new ReportSubmitted.DocumentRef("report.txt", "text/plain", 3, "x", "http://x/d");
        assertThat(json.writeValueAsString(ref)).doesNotContain("\"content\"");
        assertThat(json.readValue("{\"content\":null}", ReportSubmitted.DocumentRef.class).content()).isNull();
        assertThatThrownBy(() -> json.readValue("{\"content\":\"not base64!\"}", ReportSubmitted.DocumentRef.class))
                .hasMessageContaining("not base64");
    }
}
