package org.nianbao.publication.rest;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.nianbao.publication.service.Completeness;
import org.nianbao.publication.service.CompletenessService;

/** Which registered agencies of a region have published for a year, on time or late, and which have not. */
@Path("/api/v1/completeness")
@Produces(MediaType.APPLICATION_JSON)
public class CompletenessResource {
    @Inject
    CompletenessService service;

    @GET
    public Uni<Completeness> completeness(@QueryParam("region") String region, @QueryParam("year") Integer year) {
        return service.completeness(QueryParams.regionPrefix(region),
                QueryParams.requireYear(year, "/api/v1/completeness?region=3208&year=2024"));
    }
}
