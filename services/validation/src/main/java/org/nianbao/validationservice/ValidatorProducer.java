package org.nianbao.validationservice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.nianbao.validation.ReportValidator;
import org.nianbao.validation.ValidationConfig;

/** The rule engine with its thresholds from configuration. */
@ApplicationScoped
public class ValidatorProducer {

    @Produces
    @ApplicationScoped
    ReportValidator validator() {
        return new ReportValidator(ValidationConfig.defaults());
    }
}
