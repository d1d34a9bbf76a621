package org.nianbao.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.nianbao.intake.service.BatchReader;
import org.nianbao.intake.service.DraftCheck;

import java.io.IOException;

/**
 * Draft checks: the same bodies as a submission, answered at once with the findings of the document (extraction and
 * validation, the cross-year rules against what is published). Nothing is stored, sent or published.
 */
@Path("/api/v1/checks")
@Produces(MediaType.APPLICATION_JSON)
public class CheckResource {
    @Inject
    DraftCheck checks;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Blocking
    public DraftCheck.Result checkMultipart(@Context ContainerRequestContext request, @RestForm("file") FileUpload file,
                                           @RestForm String agency, @RestForm String agencyCode,
                                           @RestForm String regionCode, @RestForm String issuerType,
                                           @RestForm String year, @RestForm String publishedOn,
                                           @RestForm String sourceUrl) throws IOException {
        return checks.check(SubmissionResource.platform(request), SubmissionResource.multipart(file,
                new String[]{agency, agencyCode, regionCode, issuerType, year, publishedOn, sourceUrl}, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    public DraftCheck.Result checkJson(@Context ContainerRequestContext request, JsonNode body) {
        return checks.check(SubmissionResource.platform(request), BatchReader.jsonSubmission(body, null));
    }
}
