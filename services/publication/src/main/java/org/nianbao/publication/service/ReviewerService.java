package org.nianbao.publication.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.nianbao.publication.model.RegisteredReviewer;
import org.nianbao.publication.repository.ReviewRepository;
import org.nianbao.publication.review.Reviewer;
import org.nianbao.web.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The reviewers administrators register: each with a role, a region and the hash of a token. */
@ApplicationScoped
public class ReviewerService {
    @Inject
    ReviewRepository repository;

    /** A registered reviewer, and whether it is new (false: its settings and token were replaced). */
    public record Registered(RegisteredReviewer reviewer, boolean created) {
    }

    @WithTransaction
    public Uni<List<RegisteredReviewer>> list() {
        return repository.reviewers();
    }

    @WithTransaction
    public Uni<Registered> register(String name, Reviewer.Role role, String regionPrefix, String tokenHash) {
        return repository.reviewer(name).flatMap(existing -> {
            RegisteredReviewer r = existing != null ? existing : new RegisteredReviewer();
            r.name = name;
            r.role = role.name().toLowerCase(Locale.ROOT);
            r.regionPrefix = regionPrefix;
            r.tokenHash = tokenHash;
            if (r.createdAt == null) {
                r.createdAt = Instant.now();
            }
            return (existing != null ? Uni.createFrom().item(r) : r.<RegisteredReviewer>persist()).map(saved -> new Registered(saved, existing == null));
        });
    }

    @WithTransaction
    public Uni<Void> remove(String name) {
        return repository.reviewer(name).flatMap(r -> {
            if (r == null) {
                throw ProblemException.notFound("No reviewer " + name + ".");
            }
            return r.delete();
        });
    }
}
