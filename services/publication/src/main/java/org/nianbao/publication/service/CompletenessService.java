package org.nianbao.publication.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.nianbao.publication.repository.PublishedReportRepository;
import org.nianbao.publication.repository.RegistryRepository;
import org.nianbao.validation.ValidationConfig;
import org.nianbao.validation.ValidationSettings;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The registry of agencies that must report, and the completeness of a region's reports for a year. */
@ApplicationScoped
public class CompletenessService {
    /** Deadlines are days in China. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The deadlines by issuer type: the same settings ({@code nianbao.validation.*}) the validation service applies in rule A-01. */
    private final ValidationConfig config;

    @Inject
    CompletenessService(ValidationSettings settings) {
        this.config = settings.toConfig();
    }

    /** Replaces the registry by these agencies (flags of agencies that stay are kept); returns how many. */
    @WithTransaction
    public Uni<Integer> replaceRegistry(List<Registry.Agency> agencies) {
        return registry.replace(agencies).replaceWith(agencies.size());
    }

    @WithTransaction
    public Uni<Completeness> completeness(String regionPrefix, int year) {
        return completeness(regionPrefix, year, LocalDate.now(CHINA));
    }

    /** Completeness as of a day. */
    @WithTransaction
    public Uni<Completeness> completeness(String regionPrefix, int year, LocalDate today) {
        return registry.inRegion(regionPrefix).flatMap(agencies -> reports.published(year, regionPrefix)
                .flatMap(published -> registry.flagged(year)
                        .map(flagged -> Completeness.of(regionPrefix, year, today, agencies, published, config, flagged))));
    }

    /**
     * The missing-report sweep: records every registered agency without a report for {@code year} after its
     * deadline (once; the first flag's time is kept) and clears the flags of agencies that have since published.
     * Returns how many agencies are flagged now.
     */
    @WithTransaction
    public Uni<Integer> flagMissing(int year, LocalDate today) {
        return completeness("", year, today).flatMap(c -> {
            List<RegistryRepository.Missing> missing = c.agencies.stream().filter(e -> e.status() == Completeness.Status.MISSING)
                    .map(e -> new RegistryRepository.Missing(e.agencyKey(), e.deadline())).toList();
            return registry.flagMissing(year, missing).replaceWith(missing.size());
        });
    }

    @Inject
    RegistryRepository registry;
    @Inject
    PublishedReportRepository reports;
}
