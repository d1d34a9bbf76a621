package org.nianbao.events;

/**
 * A platform's setting for when its reports reach the public: at once (as validated), or only once a reviewer of its
 * province approved them. It travels with each submission's metadata, so publication decides without asking intake.
 */
public enum ReviewPolicy {
    /** Published as soon as validated. */
    PUBLISH_AT_ONCE,
    /** Held for review; published when a reviewer approves it. */
    REVIEW_FIRST,
    /** Held for review when validation found an error; published at once otherwise. */
    REVIEW_WHEN_ERRORS;

    /** True when a version with this many errors waits for a reviewer. */
    public boolean holds(int errors) {
        return this == REVIEW_FIRST || this == REVIEW_WHEN_ERRORS && errors > 0;
    }
}
