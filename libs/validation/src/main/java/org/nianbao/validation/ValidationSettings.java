package org.nianbao.validation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithDefaults;
import org.eclipse.microprofile.config.spi.Converter;
import org.nianbao.model.IssuerType;

import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rule thresholds as the services configure them ({@code nianbao.validation.*}, or the matching environment
 * variables such as {@code NIANBAO_VALIDATION_DEADLINE_COUNTY}); every key is optional and what is not set keeps
 * its value of {@link ValidationConfig#defaults()}, the one place the defaults live. Validation applies them in
 * its rules, publication reads the same keys for its completeness deadlines, so both agree when both are given
 * the same settings. A deadline of an unknown issuer type, or a day that is not {@code MM-DD}, stops the service
 * at start with the key in the message.
 */
@ConfigMapping(prefix = "nianbao.validation")
public interface ValidationSettings {

    /**
     * Publication deadlines in the year after the report year, as {@code MM-DD}, by issuer type code
     * ({@link IssuerType#codes()}); read by {@link #toConfig()}, which refuses an unknown code or day. (A map of a
     * mapping must be set unless it has a default: the empty default makes it optional; only keys set are listed.)
     */
    @WithDefaults
    @WithDefault("")
    Map<String, String> deadline();

    /** The deadlines of a report whose issuer type is not known. */
    UnknownIssuer unknownIssuer();

    /** E-04: share of the whole text repeated from last year that is too much. */
    Optional<Double> duplicationRatio();

    /** E-04: the same for part 五 alone. */
    Optional<Double> problemsDuplicationRatio();

    /** E-06: share of 其他处理 among processed applications that is high. */
    Optional<Double> otherShare();

    /** E-01: CJK characters of part 一 above which a 2021+ report is warned about. */
    Optional<Integer> overviewLength();

    /** F-05: relative year-on-year change that is flagged. */
    Optional<Double> swingFactor();

    interface UnknownIssuer {
        /** Past this day ({@code MM-DD}) a report of unknown issuer type is warned about. */
        @WithConverter(MonthDays.class)
        Optional<MonthDay> warningAfter();

        /** Past this day ({@code MM-DD}) a report of unknown issuer type is an error. */
        @WithConverter(MonthDays.class)
        Optional<MonthDay> errorAfter();
    }

    /** The thresholds: what is set here over {@link ValidationConfig#defaults()}. */
    default ValidationConfig toConfig() {
        ValidationConfig defaults = ValidationConfig.defaults();
        Map<IssuerType, MonthDay> deadlines = new EnumMap<>(IssuerType.class);
        deadlines.putAll(defaults.deadlines());
        deadline().forEach((code, day) -> deadlines.put(
                IssuerType.parse(code).orElseThrow(() -> new IllegalArgumentException("nianbao.validation.deadline." + code
                        + ": issuer type must be one of " + String.join(", ", IssuerType.codes()) + ", not '" + code + "'")),
                new MonthDays().convert("nianbao.validation.deadline." + code, day)));
        return new ValidationConfig(Map.copyOf(deadlines),
                unknownIssuer().warningAfter().orElse(defaults.unknownWarning()),
                unknownIssuer().errorAfter().orElse(defaults.unknownError()),
                duplicationRatio().orElse(defaults.duplicationRatio()),
                problemsDuplicationRatio().orElse(defaults.problemsDuplicationRatio()),
                otherShare().orElse(defaults.otherShare()),
                overviewLength().orElse(defaults.overviewWarnLength()),
                swingFactor().orElse(defaults.swingFactor()));
    }

    /** A day of the year written {@code MM-DD} (as in {@code 03-31}), or ISO's {@code --MM-DD}. */
    final class MonthDays implements Converter<MonthDay> {
        @Override
        public MonthDay convert(String value) {
            return convert(null, value);
        }

        /** The day of {@code value}, set at {@code key} (named in the error). */
        MonthDay convert(String key, String value) {
            String day = value == null ? "" : value.strip();
            if (day.isEmpty()) {
                return null;
            }
            try {
                return MonthDay.parse(day.startsWith("--") ? day : "--" + day);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException((key == null ? "" : key + ": ")
                        + "a day is written MM-DD (e.g. 03-31), not '" + value + "'", e);
            }
        }
    }
}
