package org.nianbao.publication.service;

import org.nianbao.model.Finding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A finding's life across the versions of one report (its document revisions and their validation rounds): a finding
 * keeps its identity while the same rule rests on the same cells, whatever values it shows. In the current version a
 * finding is {@code new} when no earlier version had it and {@code open} when one did; a finding an earlier version
 * had and the current one no longer has is {@code resolved}, since the first version without it.
 */
public final class FindingLife {
    public enum State { NEW, OPEN, RESOLVED }

    /** What makes two findings of different versions the same: the rule and the cells, in any order. */
    public record Identity(String rule, List<String> paths) {
        /** The identity stored with a decision: the paths sorted, comma-separated. */
        public String joinedPaths() {
            return String.join(",", paths);
        }

        public static Identity of(String rule, String joinedPaths) {
            return new Identity(rule, joinedPaths == null || joinedPaths.isEmpty() ? List.of()
                    : List.copyOf(new TreeSet<>(List.of(joinedPaths.split(",")))));
        }

        public static Identity of(Finding f) {
            return new Identity(f.rule(), List.copyOf(new TreeSet<>(f.paths() == null ? List.of() : f.paths())));
        }
    }

    /** One version of the report, oldest first: its submission, revision and round, and its findings. */
    public record Version(String submissionId, int revision, int validationRound, List<Finding> findings) {
    }

    /**
     * A finding with its state: as the current version has it (new, open), or as the last version that had it
     * (resolved); {@code since} is the version it first appeared in (new, open) or was first gone from (resolved);
     * {@code first} the version it (last) appeared in first.
     */
    public record Tracked(Finding finding, State state, Version since, Version first) {
    }

    private FindingLife() {
    }

    /** The current version's findings (in their order, with their states), then the resolved ones. */
    public static List<Tracked> of(List<Version> oldestFirst) {
        if (oldestFirst.isEmpty()) {
            return List.of();
        }
        Map<Identity, Version> firstSeen = new LinkedHashMap<>();
        Map<Identity, Finding> lastSeen = new LinkedHashMap<>();
        Map<Identity, Version> goneSince = new LinkedHashMap<>();
        for (Version v : oldestFirst) {
            Map<Identity, Finding> here = new LinkedHashMap<>();
            v.findings().forEach(f -> here.putIfAbsent(Identity.of(f), f));
            lastSeen.keySet().stream().filter(id -> !here.containsKey(id)).forEach(id -> goneSince.putIfAbsent(id, v));
            here.forEach((id, f) -> {
                if (goneSince.remove(id) != null) {
                    firstSeen.put(id, v); // gone and raised again: a new finding from here on
                } else {
                    firstSeen.putIfAbsent(id, v);
                }
                lastSeen.put(id, f);
            });
        }
        Version current = oldestFirst.get(oldestFirst.size() - 1);
        List<Tracked> tracked = new ArrayList<>();
        for (Finding f : current.findings()) {
            Version since = firstSeen.get(Identity.of(f));
            tracked.add(new Tracked(f, since == current ? State.NEW : State.OPEN, since, since));
        }
        goneSince.forEach((id, since) -> tracked.add(new Tracked(lastSeen.get(id), State.RESOLVED, since, firstSeen.get(id))));
        return tracked;
    }
}
