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

    /**
     * The test profile stores 2 items per transaction: an item refused inside a chunk (its agency belongs to another
     * region) does not stop the other item of the chunk, and two reports of one agency in one chunk get revisions 1, 2.
     */
    @Test
    void itemsStoredTogetherAreAnsweredOneByOne() throws Exception {
        String key = platform("batch-chunks", "");
        ObjectMapper json = new ObjectMapper();
        Object[][] items = {{"000.txt", "分块甲局", "330902"}, {"000.txt", "分块乙局", "330902"}, {"001.txt", "分块甲局", "330903"},
                {"001.txt", "分块丙局", "330902"}, {"000.txt", "分块丁局", "330902"}, {"001.txt", "分块丁局", "330902"}};
        StringBuilder body = new StringBuilder();
        for (Object[] item : items) {
            body.append(json.writeValueAsString(Map.of("text", report((String) item[0]), "agency", item[1], "regionCode", item[2],
                    "year", 2019))).append('\n');
        }
        JsonPath answer = as(key).contentType("application/x-ndjson").body(body.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/submissions/batch").then().statusCode(200).extract().jsonPath();
        assertThat(answer.getList("results.status", Integer.class)).containsExactly(202, 202, 409, 202, 202, 202);
        assertThat(answer.getList("results.item", String.class)).containsExactly("line 1", "line 2", "line 3", "line 4", "line 5", "line 6");
        List<String> stored = answer.getList("results.findAll { it.stored }.id", String.class);
        assertThat(stored).hasSize(5).doesNotHaveDuplicates();
        assertThat(as(key).get("/api/v1/submissions").then().statusCode(200).extract().jsonPath().getList("id", String.class))
                .containsExactlyInAnyOrderElementsOf(stored);
        assertThat(SubmissionStatusTest.status(key, answer.getString("results[4].id")).extract().jsonPath().getInt("revision")).isEqualTo(1);
        assertThat(SubmissionStatusTest.status(key, answer.getString("results[5].id")).extract().jsonPath().getInt("revision")).isEqualTo(2);
    }

    private static void put(ZipOutputStream zip, String name, String content) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
