package org.nianbao.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgencyKeyTest {

    @Test
    void prefersTheCreditCodeAndIgnoresWhitespaceInNames() {
        assertThat(AgencyKey.of("11320829014084384x", "洪泽区人民政府")).isEqualTo("code:11320829014084384X");
        assertThat(AgencyKey.of(null, "洪泽区 人民政府")).isEqualTo(AgencyKey.of("", "洪泽区人民政府"));
        assertThat(AgencyKey.of(null, "洪泽区人民政府")).startsWith("name:").hasSize(21);
        assertThat(AgencyKey.of(null, "  ")).isEqualTo("unknown");
    }

    @Test
    void everyTopicHasItsDeadLetterTopicDeclared() {
        assertThat(Topics.all()).hasSize(8).doesNotHaveDuplicates()
                .contains(Topics.REPORT_SUBMITTED, Topics.DLQ_EXTRACTION, Topics.DLQ_INTAKE_STATUS);
    }
}
