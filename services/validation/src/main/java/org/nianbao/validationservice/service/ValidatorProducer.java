package org.nianbao.validationservice.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.nianbao.validation.ReportValidator;
import org.nianbao.validation.ValidationSettings;

/**
 * The rule engine with its thresholds from configuration ({@code nianbao.validation.*}, over the defaults of
 * {@code ValidationConfig.defaults()}); built at start, so a wrong setting stops the service with its key.
 */
@ApplicationScoped
public class ValidatorProducer {

    @Produces
    @Startup
    @ApplicationScoped
    ReportValidator validator(ValidationSettings settings) {
        return new ReportValidator(settings.toConfig());
    }
}
