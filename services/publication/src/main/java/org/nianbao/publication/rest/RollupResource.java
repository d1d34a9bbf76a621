package org.nianbao.publication.rest;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.nianbao.publication.service.ReportService;
import org.nianbao.publication.service.Rollup;

/** Regional roll-ups: the sum of a region's published reports for a year, in the shape of the model. */
@Path("/api/v1/rollups")
@Produces(MediaType.APPLICATION_JSON)
public class RollupResource {
    @Inject
    ReportService reports;

    /** {@code region} is a 行政区划代码 prefix ("32", "3208", "320813"; empty: everywhere). */
    @GET
    public Uni<Rollup> rollup(@QueryParam("region") String region, @QueryParam("year") Integer year) {
        return reports.rollup(QueryParams.regionPrefix(region), QueryParams.requireYear(year, "/api/v1/rollups?region=3209&year=2024"));
    }
}
