package org.nianbao.publication.service;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryTest {

    @Test
    void readsEnglishOrChineseHeadersQuotedFieldsAndABom() {
        List<Registry.Agency> agencies = Registry.parse("\uFEFF机关名称,统一社会信用代码,行政区划代码,发布主体类型\r\n"
                + "淮安市人民政府,,320800,prefecture\r\n"
                + "\"淮安市洪泽区人民政府\",,320813,county\r\n\r\n");
        assertThat(agencies).extracting(Registry.Agency::name).containsExactly("淮安市人民政府", "淮安市洪泽区人民政府");
        assertThat(agencies.get(1).region()).isEqualTo("320813");
        assertThat(agencies.get(1).issuerType()).isEqualTo("county");
        assertThat(agencies.get(0).id()).startsWith("name:");
    }

    @Test
    void oneBadLineRejectsTheFileNamingEveryProblem() {
        assertThatThrownBy(() -> Registry.parse("name,code,region,issuerType\n"
                + "甲局,,3208,department\n"
                + "乙局,91320800MA1X000000,320800,city\n"
                + ",,320800,department\n"
                + "甲局,,320801,department\n"))
                .isInstanceOf(Registry.InvalidRegistry.class)
                .hasMessageContaining("line 2: the region must be a 6-digit 行政区划代码, got '3208'")
                .hasMessageContaining("line 3:")
                .hasMessageContaining("line 3: the issuer type must be one of")
                .hasMessageContaining("line 4: the agency name is empty")
                .hasMessageContaining("line 5: 甲局 is listed twice");
    }

    @Test
    void aFileWithoutTheNeededColumnsIsRefused() {
        assertThatThrownBy(() -> Registry.parse("agency;region\n甲;320800\n")).hasMessageContaining("The header must name the columns");
        assertThatThrownBy(() -> Registry.parse("")).hasMessageContaining("The file is empty");
    }
}
