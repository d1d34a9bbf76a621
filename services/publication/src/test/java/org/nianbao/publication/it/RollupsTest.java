package org.nianbao.publication.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.nianbao.publication.service.PublicationService;
import org.nianbao.testing.PostgresResource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Roll-ups and exports read the cells stored with each report: a kept prefix (2, 4, 6 digits) from the sums kept as
 * reports are published, any other prefix summed from the reports' cells; both give the same roll-up. Region 339 is
 * this test's alone (the tests share one database).
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class RollupsTest {
    @Inject
    PublicationService publication;

    @Test
    void keptAndSummedPrefixesAgreeAndExportsListEveryCellInTableOrder() throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> publication.publish(List.of(
                Events.validated("汇总甲局", "339001", "sub-r1", 1, 1, 0, 7),
                Events.validated("汇总乙局", "339002", "sub-r2", 1, 1, 0, 9),
                Events.validated("汇总丙局", "339101", "sub-r3", 1, 1, 0, 11))));
        // a second round of 乙局 replaces its first: its cells move out of the sums, the new ones in
        VertxContextSupport.subscribeAndAwait(() -> publication.publish(List.of(Events.validated("汇总乙局", "339002", "sub-r2", 1, 2, 0, 5))));

        JsonPath kept = rollup("3390");
        JsonPath summed = rollup("33900");
        assertThat(kept.getLong("applications.rows.newReceived[6]")).isEqualTo(7 + 5);
        assertThat(kept.getLong("applications.rows.newReceived[0]")).isEqualTo(6 + 4);
        assertThat(kept.getInt("reports")).isEqualTo(2);
        Map<String, Object> keptMap = kept.getMap("");
        Map<String, Object> summedMap = summed.getMap("");
        keptMap.remove("region");
        summedMap.remove("region");
        assertThat(summedMap).isEqualTo(keptMap);
        assertThat(rollup("339").getLong("applications.rows.newReceived[6]")).isEqualTo(7 + 5 + 11);

        String csv = given().queryParam("region", "3390").queryParam("year", 2024).get("/api/v1/exports/cells.csv")
                .then().statusCode(200).extract().asString();
        List<String> lines = csv.lines().toList(); // a byte-order mark first, for Excel
        assertThat(lines.get(0)).isEqualTo("\uFEFFreport_id,agency,region_code,year,format,path,value");
        List<String> received = lines.stream().filter(l -> l.contains(",applications.rows.newReceived[6],")).toList();
        assertThat(received).hasSize(2).anySatisfy(l -> assertThat(l).contains("汇总甲局,339001,2024,2021,").endsWith(",7"))
                .anySatisfy(l -> assertThat(l).contains("汇总乙局,339002,2024,2021,").endsWith(",5"));
        // per report, part 二 before part 三 before part 四, and a blank cell exported blank
        List<String> first = lines.stream().skip(1).filter(l -> l.startsWith(received.get(0).substring(0, received.get(0).indexOf(',')))).toList();
        assertThat(first.get(0)).contains(",active.");
        assertThat(first.get(first.size() - 1)).contains(",reviewLitigation.");
        assertThat(first).anySatisfy(l -> assertThat(l).endsWith(","));
    }

    private static JsonPath rollup(String region) {
        return given().queryParam("region", region).queryParam("year", 2024).get("/api/v1/rollups").then().statusCode(200)
                .extract().jsonPath();
    }
}
