package org.nianbao.intake.rest;

import org.nianbao.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.nianbao.intake.model.SubmissionDocument;

/**
 * The stored original documents, for the extraction service. Internal: not under /api, reachable only
 * inside the cluster (the chart's NetworkPolicy admits the extraction pods alone).
 */
@Path("/internal/v1/documents")
public class DocumentResource {

    @GET
    @Path("/{submissionId}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @WithSession
    public Uni<byte[]> document(@PathParam("submissionId") String submissionId) {
        return SubmissionDocument.<SubmissionDocument>findById(submissionId).map(doc -> {
            if (doc == null) {
                throw ProblemException.notFound("No document for submission " + submissionId + ".");
            }
            return doc.content;
        });
    }
}
