package clinic.db;

import clinic.doctor.Doctor;
import clinic.model.FindOptions;
import clinic.model.Transactions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;

/**
 * A test-only GET that finds one doctor three times in the same request: as any read, with {@code useMaster}, and
 * inside a transaction: whether each found it tells where each read.
 */
@Path("/test/routing/doctors/{id}")
@RolesAllowed("admin")
public class RoutingProbeResource {

    @GET
    @Operation(hidden = true)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Boolean> find(@PathParam("id") long id) {
        boolean replica = Doctor.findByPk(id).isPresent();
        boolean master = Doctor.findByPk(id, FindOptions.useMaster()).isPresent();
        boolean transaction = Transactions.transaction(() -> Doctor.findByPk(id).isPresent());
        return Map.of("replica", replica, "useMaster", master, "transaction", transaction);
    }
}
