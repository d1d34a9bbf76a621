package org.nianbao.validation;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import org.nianbao.model.IssuerType;

import java.time.MonthDay;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The thresholds the services read: what is set over the defaults, and a clear refusal of what cannot be. */
class ValidationSettingsTest {

    private static ValidationSettings settings(Map<String, String> properties, Map<String, String> env) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 250))
                .withSources(new EnvConfigSource(env, 300))
                .withMapping(ValidationSettings.class)
                .build();
        return config.getConfigMapping(ValidationSettings.class);
    }

    @Test
    void nothingSetIsTheDefaults() {
        assertThat(settings(Map.of(), Map.of()).toConfig()).isEqualTo(ValidationConfig.defaults());
    }

    @Test
    void whatIsSetOverlaysTheDefaults() {
        ValidationConfig config = settings(Map.of(
                "nianbao.validation.deadline.county", "02-25",
                "nianbao.validation.unknown-issuer.error-after", "04-15",
                "nianbao.validation.swing-factor", "3"), Map.of()).toConfig();
        ValidationConfig defaults = ValidationConfig.defaults();
        assertThat(config.deadlines()).containsEntry(IssuerType.COUNTY, MonthDay.of(2, 25))
                .containsEntry(IssuerType.DEPARTMENT, MonthDay.of(1, 31))
                .containsEntry(IssuerType.PROVINCE, MonthDay.of(3, 31)).hasSize(4);
        assertThat(config.unknownError()).isEqualTo(MonthDay.of(4, 15));
        assertThat(config.unknownWarning()).isEqualTo(defaults.unknownWarning());
        assertThat(config.swingFactor()).isEqualTo(3.0);
        assertThat(config.duplicationRatio()).isEqualTo(defaults.duplicationRatio());
        assertThat(config.overviewWarnLength()).isEqualTo(defaults.overviewWarnLength());
    }

    @Test
    void environmentVariablesSetTheSameKeys() {
        ValidationConfig config = settings(Map.of(), Map.of(
                "NIANBAO_VALIDATION_DEADLINE_PREFECTURE", "03-15",
                "NIANBAO_VALIDATION_OVERVIEW_LENGTH", "1200")).toConfig();
        assertThat(config.deadlines()).containsEntry(IssuerType.PREFECTURE, MonthDay.of(3, 15));
        assertThat(config.overviewWarnLength()).isEqualTo(1200);
    }

    @Test
    void aDeadlineOfAnUnknownIssuerTypeIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> settings(Map.of("nianbao.validation.deadline.city", "02-20"), Map.of()).toConfig())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nianbao.validation.deadline.city: issuer type must be one of department, county, prefecture, province, not 'city'");
    }

    @Test
    void aDayThatIsNotMonthDayIsRefused() {
        assertThatThrownBy(() -> settings(Map.of("nianbao.validation.deadline.county", "2-30x"), Map.of()).toConfig())
                .hasMessage("nianbao.validation.deadline.county: a day is written MM-DD (e.g. 03-31), not '2-30x'");
        assertThatThrownBy(() -> settings(Map.of("nianbao.validation.unknown-issuer.error-after", "31-03"), Map.of()))
                .hasStackTraceContaining("a day is written MM-DD (e.g. 03-31), not '31-03'");
    }
}
