package org.nianbao.publication.rest;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.nianbao.messaging.PipelineEvents;
import org.nianbao.model.Report;
import org.nianbao.publication.model.PublishedReport;
import org.nianbao.publication.service.Rollup;

/** Regional roll-ups: the sum of a region's published reports for a year, in the shape of the model. */
@Path("/api/v1/rollups")
@Produces(MediaType.APPLICATION_JSON)
public class RollupResource {

    /** {@code region} is a 行政区划代码 prefix ("32", "3208", "320813"; empty: everywhere). */
    @GET
    @WithSession
    public Uni<Rollup> rollup(@QueryParam("region") String region, @QueryParam("year") Integer year) {
        if (year == null) {
            throw new BadRequestException("year is required, e.g. /api/v1/rollups?region=3209&year=2024");
        }
        String prefix = region == null ? "" : region.strip();
        return PublishedReport.<PublishedReport>find("year = ?1 and coalesce(regionCode, '') like ?2", year, prefix + "%").list()
                .map(list -> {
                    Rollup rollup = new Rollup(prefix, year);
                    list.forEach(r -> rollup.add(PipelineEvents.read(r.model, Report.class)));
                    return rollup;
                });
    }
}
