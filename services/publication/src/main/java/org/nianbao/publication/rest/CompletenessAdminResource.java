package org.nianbao.publication.rest;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.nianbao.publication.service.CompletenessService;
import org.nianbao.publication.service.Registry;

import java.util.Map;

/** The administrator's side of completeness: the registry upload (CSV) and running the missing-report sweep now. */
@Path("/admin/v1")
public class CompletenessAdminResource {
    @Inject
    CompletenessService service;

    /** Replaces the registry; a file with any bad line is refused whole, every problem listed. */
    @PUT
    @Path("/registry")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> replace(String csv) {
        java.util.List<Registry.Agency> agencies;
        try {
            agencies = Registry.parse(csv == null ? "" : csv);
        } catch (Registry.InvalidRegistry e) {
            throw new BadRequestException("The registry was not loaded: " + e.getMessage());
        }
        return service.replaceRegistry(agencies).map(n -> Map.of("loaded", n));
    }
}
