package org.nianbao.validationservice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nianbao.validation.ReportValidator;
import org.nianbao.validation.ValidationConfig;

import java.time.MonthDay;
import java.util.Map;

/** The rule engine with its thresholds from configuration ({@code nianbao.validation.*}). */
@ApplicationScoped
public class ValidatorProducer {

    /** Deadlines in year N+1 as MM-DD, by issuer type. */
    @ConfigProperty(name = "nianbao.validation.deadline")
    Map<String, String> deadlines;

    @ConfigProperty(name = "nianbao.validation.unknown-issuer.warning-after", defaultValue = "01-31")
    String unknownWarning;

    @ConfigProperty(name = "nianbao.validation.unknown-issuer.error-after", defaultValue = "03-31")
    String unknownError;

    @ConfigProperty(name = "nianbao.validation.duplication-ratio", defaultValue = "0.5")
    double duplicationRatio;

    @ConfigProperty(name = "nianbao.validation.problems-duplication-ratio", defaultValue = "0.8")
    double problemsDuplicationRatio;

    @ConfigProperty(name = "nianbao.validation.other-share", defaultValue = "0.10")
    double otherShare;

    @ConfigProperty(name = "nianbao.validation.overview-length", defaultValue = "1000")
    int overviewLength;

    @ConfigProperty(name = "nianbao.validation.swing-factor", defaultValue = "5")
    double swingFactor;

    @Produces
    @ApplicationScoped
    ReportValidator validator() {
        Map<org.nianbao.model.IssuerType, MonthDay> byType = new java.util.EnumMap<>(org.nianbao.model.IssuerType.class);
        deadlines.forEach((type, day) -> byType.put(org.nianbao.model.IssuerType.of(type), monthDay(day)));
        return new ReportValidator(new ValidationConfig(byType, monthDay(unknownWarning), monthDay(unknownError),
                duplicationRatio, problemsDuplicationRatio, otherShare, overviewLength, swingFactor));
    }

    private static MonthDay monthDay(String mmdd) {
        return MonthDay.parse("--" + mmdd.strip());
    }
}
