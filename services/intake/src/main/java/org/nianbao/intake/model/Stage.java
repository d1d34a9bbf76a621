package org.nianbao.intake.model;

/**
 * The stage a submission reached. Stages only move forward; FAILED is left only when a replayed dead
 * letter makes progress again.
 */
public enum Stage {
    RECEIVED, PARSED, VALIDATED, PUBLISHED, FAILED;

    /** True when moving from this stage to {@code next} is progress (redelivered events never move back). */
    public boolean canAdvanceTo(Stage next) {
        if (this == PUBLISHED || next == this) {
            return false;
        }
        return this == FAILED || next == FAILED || next.ordinal() > ordinal();
    }
}
