package org.nianbao.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreditCodeTest {

    @Test
    void acceptsCodesWhoseCheckCharacterIsRight() {
        // Codes with check characters computed by hand with the GB 32100-2015 weights.
        assertThat(CreditCode.problem("91350100M000100Y43")).isNull();
        assertThat(CreditCode.problem("11100000000013127D")).isNull();
        assertThat(CreditCode.isValid("91350100m000100y43")).as("lower case is accepted").isTrue();
    }

    @Test
    void explainsWhatIsWrong() {
        assertThat(CreditCode.problem("91350100M000100Y44")).contains("should be '3'");
        assertThat(CreditCode.problem("9135")).contains("18 characters");
        assertThat(CreditCode.problem("91350100M0001O0Y43")).contains("'O'");
        assertThat(CreditCode.problem(null)).isNotNull();
    }
}
