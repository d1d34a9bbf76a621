package org.nianbao.publication.review;

/**
 * A person who reviews reports: by name, with a role ({@code reviewer}, or {@code admin} for every region) and the
 * region their office covers (a 行政区划代码 prefix, "" for every region).
 */
public record Reviewer(String name, Role role, String regionPrefix) {
    public enum Role { REVIEWER, ADMIN }

    /** True when this reviewer may act on a report of this region. */
    public boolean covers(String regionCode) {
        if (role == Role.ADMIN || regionPrefix == null || regionPrefix.isEmpty()) {
            return true;
        }
        return regionCode != null && regionCode.startsWith(regionPrefix);
    }

    /** The region a list is scoped to: the one asked for, which must lie within this reviewer's; theirs when none is. */
    public String scope(String asked) {
        String own = role == Role.ADMIN || regionPrefix == null ? "" : regionPrefix;
        if (asked == null || asked.isBlank()) {
            return own;
        }
        return asked.strip().startsWith(own) ? asked.strip() : null;
    }
}
