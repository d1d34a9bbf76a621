package org.nianbao.e2e;

import io.restassured.RestAssured;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * A poison pill does not stop the pipeline: a 1 MB PDF whose content inflates to 1 GiB is accepted, refused by
 * extraction within its limits and FAILED with the reason, and a report submitted right behind it (same agency,
 * so same partition) is published within seconds; extraction stays ready. What is cheap to see is refused at the door.
 */
@ExtendWith(SharedStack.class)
class DocumentLimitsIT {
    private static final String AGENCY = "毒丸测试局";
    private static StackFixture fixture;

    @BeforeAll
    static void start(StackFixture shared) throws Exception {
        fixture = shared;
    }

    @Test
    void aPdfBombFailsWithItsReasonAndTheReportBehindItIsPublishedWithinSeconds() throws Exception {
        byte[] bomb = pdfBomb(1L << 30);
        String bombId = RestAssured.given().baseUri(fixture.intake()).auth().oauth2(StackFixture.API_KEY)
                .multiPart("file", "bomb.pdf", bomb, "application/pdf")
                .multiPart("agency", AGENCY).multiPart("year", "2023")
                .post("/api/v1/submissions").then().statusCode(202).extract().path("id");
        long submitted = System.nanoTime();
        String reportId = fixture.submitText(StackFixture.seed("004_8dd35ab5e340120f.txt"), Map.of("agency", AGENCY, "year", 2020));

        fixture.awaitPublished(reportId, Duration.ofSeconds(30));
        assertThat(Duration.ofNanos(System.nanoTime() - submitted)).isLessThan(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> "FAILED".equals(status(bombId)));
        RestAssured.given().baseUri(fixture.intake()).auth().oauth2(StackFixture.API_KEY).get("/api/v1/submissions/" + bombId)
                .then().statusCode(200)
                .body("failureReason", equalTo("The PDF's content expands beyond 200 MB (a decompression bomb?): it is not read."));

        RestAssured.given().baseUri(fixture.stack.service("extraction").url()).get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"));
        RestAssured.given().baseUri(fixture.publication()).queryParam("agency", AGENCY).get("/api/v1/reports")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].year", equalTo(2020));
    }

    @Test
    void documentsThatCannotBeReadAreRefusedAtTheDoor() throws Exception {
        byte[] encrypted;
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.addPage(new PDPage());
            doc.protect(new StandardProtectionPolicy("owner", "user", new AccessPermission()));
            doc.save(out);
            encrypted = out.toByteArray();
        }
        refused("locked.pdf", encrypted, "application/pdf", "The PDF is encrypted with a password");
        refused("notes.txt", "会议纪要：下周一开会。".getBytes(StandardCharsets.UTF_8), "text/plain", "No report was found");
        RestAssured.given().baseUri(fixture.intake()).auth().oauth2(StackFixture.API_KEY).get("/api/v1/submissions")
                .then().statusCode(200).body("findAll { it.fileName == 'locked.pdf' || it.fileName == 'notes.txt' }", hasSize(0));
    }

    private static void refused(String fileName, byte[] content, String type, String reason) {
        RestAssured.given().baseUri(fixture.intake()).auth().oauth2(StackFixture.API_KEY)
                .multiPart("file", fileName, content, type).multiPart("agency", AGENCY)
                .post("/api/v1/submissions").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString(reason));
    }

    private static String status(String id) {
        return RestAssured.given().baseUri(fixture.intake()).auth().oauth2(StackFixture.API_KEY)
                .get("/api/v1/submissions/" + id).path("status");
    }

    /** One page whose content stream is {@code size} spaces, Flate-compressed as written. */
    private static byte[] pdfBomb(long size) throws Exception {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            COSStream content = doc.getDocument().createCOSStream();
            content.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
            try (OutputStream z = new DeflaterOutputStream(content.createRawOutputStream(), deflater, 1 << 16)) {
                byte[] spaces = new byte[1 << 20];
                Arrays.fill(spaces, (byte) ' ');
                for (long written = 0; written < size; written += spaces.length) {
                    z.write(spaces);
                }
            } finally {
                deflater.end();
            }
            PDPage page = new PDPage();
            page.setContents(new PDStream(content));
            doc.addPage(page);
            doc.save(out);
            return out.toByteArray();
        }
    }
}
