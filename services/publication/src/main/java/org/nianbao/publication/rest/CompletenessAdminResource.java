package org.nianbao.publication.rest;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.nianbao.publication.service.CompletenessService;
import org.nianbao.publication.service.Registry;
import org.nianbao.publication.sweep.MissingReportSweep;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The administrator's side of completeness: the registry upload (CSV) and running the missing-report sweep now. */
@Path("/admin/v1")
public class CompletenessAdminResource {
    @Inject
    CompletenessService service;
    @Inject
    MissingReportSweep sweep;

    /** Replaces the registry; a file with any bad line is refused whole, every problem listed. */
    @PUT
    @Path("/registry")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> replace(String csv) {
        // a registry of every agency of a province is tens of thousands of lines: read it on a worker thread, then
        // store it back on this request's event-loop context (where the reactive database session lives)
        Context context = Vertx.currentContext();
        return Uni.createFrom().item(() -> parse(csv)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(task -> context.runOnContext(x -> task.run()))
                .flatMap(service::replaceRegistry).map(n -> Map.of("loaded", n));
    }

    private static List<Registry.Agency> parse(String csv) {
        try {
            return Registry.parse(csv == null ? "" : csv);
        } catch (Registry.InvalidRegistry e) {
            throw new BadRequestException("The registry was not loaded: " + e.getMessage());
        }
    }

    /** Runs the missing-report sweep for a report year now (it otherwise runs every few hours for last year). */
    @POST
    @Path("/sweeps/missing-reports")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> sweepMissing(@QueryParam("year") Integer year) {
        int y = QueryParams.requireYear(year, "/admin/v1/sweeps/missing-reports?year=2024");
        return sweep.run(y, LocalDate.now(CompletenessService.CHINA)).map(n -> Map.of("year", y, "flagged", n));
    }
}
