package org.nianbao.extractionservice.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.nianbao.extraction.UnreadableDocumentException;
import org.nianbao.extractionservice.service.BoundedExtractor;
import org.nianbao.model.Report;
import org.nianbao.web.ProblemException;

/** Synchronous extraction of one document, for tools and operators: the body is the document. */
@Path("/api/v1/extract")
public class ExtractResource {
    @Inject
    BoundedExtractor extractor;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response extract(byte[] document, @QueryParam("fileName") String fileName) {
        try {
            Report report = extractor.extract(document, fileName);
            return Response.ok(report).build();
        } catch (UnreadableDocumentException e) {
            throw new ProblemException(422, "Unreadable document", e.getMessage());
        }
    }
}
