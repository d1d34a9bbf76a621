package org.nianbao.intake.service;

import org.nianbao.events.SubmissionMetadata;

/** A document and what the platform says about it, as received over HTTP. */
public record SubmissionInput(byte[] content, String fileName, String contentType, SubmissionMetadata metadata,
                              String idempotencyKey) {
}
