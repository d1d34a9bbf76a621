package org.nianbao.intake.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.nianbao.testing.PostgresResource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nianbao.intake.it.SubmissionStatusTest.as;
import static org.nianbao.intake.it.SubmissionStatusTest.platform;
import static org.nianbao.intake.it.SubmissionStatusTest.report;

/** A batch answer says exactly what was stored: one result per item, and the stored ones are there. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class BatchTest {

    @Test
    void anNdjsonBatchListsExactlyWhatWasStored() throws Exception {
        String key = platform("batch-ndjson", "");
        String line = new ObjectMapper().writeValueAsString(Map.of("text", report("000.txt"), "agency", "批量测试局",
                "regionCode", "330902", "year", 2020));
        String body = line + "\n{not json}\n" + line + "\n";
        JsonPath answer = as(key).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/submissions/batch").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getList("results.status", Integer.class)).containsExactly(202, 400, 200);
        assertThat(answer.getList("results.stored", Boolean.class)).containsExactly(true, false, true);
        assertThat(answer.getInt("accepted")).isEqualTo(1);
        assertThat(answer.getInt("duplicates")).isEqualTo(1);
        assertThat(answer.getInt("rejected")).isEqualTo(1);
        assertThat(answer.getInt("notStored")).isZero();
        String id = answer.getString("results[0].id");
        assertThat(answer.getString("results[2].id")).isEqualTo(id);
        assertThat(as(key).get("/api/v1/submissions").then().statusCode(200).extract().jsonPath().getList("id", String.class))
                .containsExactly(id);
    }

    @Test
    void aZipBatchListsExactlyWhatWasStored() throws Exception {
        String key = platform("batch-zip", "");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, "manifest.csv", "file,agency,regionCode,year\n000.txt,压缩包一局,330902,2020\n001.txt,压缩包二局,330902,2021\n");
            put(zip, "000.txt", report("000.txt"));
            put(zip, "reports/001.txt", report("001.txt"));
            put(zip, "empty.txt", "");
        }
        JsonPath answer = as(key).contentType("application/zip").body(bytes.toByteArray())
                .post("/api/v1/submissions/batch").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getInt("accepted")).isEqualTo(2);
        assertThat(answer.getInt("rejected")).isEqualTo(1);
        List<String> stored = answer.getList("results.findAll { it.stored }.id", String.class);
        assertThat(stored).hasSize(2);
        assertThat(as(key).get("/api/v1/submissions").then().statusCode(200).extract().jsonPath().getList("id", String.class))
                .containsExactlyInAnyOrderElementsOf(stored);
        assertThat(answer.getString("results.find { it.item == 'empty.txt' }.problem.detail")).isEqualTo("The document is empty.");
    }

    private static void put(ZipOutputStream zip, String name, String content) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
