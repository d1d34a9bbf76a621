package org.nianbao.validationservice.service;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.nianbao.events.ReportValidated;
import org.nianbao.model.Finding;
import org.nianbao.model.IssuerType;
import org.nianbao.validation.ValidationConfig;
import org.nianbao.validation.ValidationSettings;
import org.nianbao.validationservice.InMemoryChannels;

import java.time.Duration;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.nianbao.validationservice.Pipeline.deliver;
import static org.nianbao.validationservice.Pipeline.parsed;
import static org.nianbao.validationservice.Pipeline.validated;

/** The rules apply the thresholds set in nianbao.validation.*, over the defaults. */
@QuarkusTest
@TestProfile(ValidationSettingsTest.EarlierDepartmentDeadline.class)
class ValidationSettingsTest {

    /** Departments must publish by 01-10; everything else as by default. */
    public static class EarlierDepartmentDeadline extends InMemoryChannels {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("nianbao.validation.deadline.department", "01-10");
            return config;
        }
    }

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ValidationSettings settings;

    @Test
    void theSettingsOverlayTheDefaults() {
        ValidationConfig defaults = ValidationConfig.defaults();
        assertThat(settings.toConfig().deadlines()).containsEntry(IssuerType.DEPARTMENT, MonthDay.of(1, 10))
                .containsEntry(IssuerType.COUNTY, defaults.deadlines().get(IssuerType.COUNTY));
        assertThat(settings.toConfig().swingFactor()).isEqualTo(defaults.swingFactor());
    }

    @Test
    void aDepartmentReportPublishedAfterTheConfiguredDeadlineIsLate() {
        String id = UUID.randomUUID().toString();
        // published on 2024-01-20: on time by the default deadline (01-31), late by the configured one
        var delivery = deliver(connector, parsed(id, "SET" + id.substring(0, 8), 2023, "2023年，本机关全年收到申请10件。"));
        await().atMost(Duration.ofSeconds(30)).until(delivery::settled);

        ReportValidated event = validated(connector, id).get(0);
        assertThat(event.findings()).filteredOn(f -> f.rule().equals("A-01")).extracting(Finding::expected)
                .containsExactly("2024-01-10");
    }
}
