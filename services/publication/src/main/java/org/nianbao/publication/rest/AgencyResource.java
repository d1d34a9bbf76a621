package org.nianbao.publication.rest;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.nianbao.publication.service.ReportService;
import org.nianbao.publication.service.Series;

/** One agency's reports over the years, with every table cell, for comparing years side by side. */
@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyResource {
    @Inject
    ReportService reports;

    /** {@code agencyKey} is the report's agency key ({@code code:<统一社会信用代码>} or {@code name:<digest>}). */
    @GET
    @Path("/{agencyKey}/series")
    public Uni<Series> series(@PathParam("agencyKey") String agencyKey) {
        return reports.series(agencyKey);
    }
}
