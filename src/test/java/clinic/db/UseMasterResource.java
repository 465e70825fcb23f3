package clinic.db;

import clinic.doctor.Doctor;
import clinic.model.FindOptions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** A test-only GET that finds one doctor twice in the same request: as any read, then with {@code useMaster}. */
@Path("/test/use-master/doctors/{id}")
@RolesAllowed("admin")
public class UseMasterResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Boolean> find(@PathParam("id") long id) {
        boolean replica = Doctor.findByPk(id).isPresent();
        boolean master = Doctor.findByPk(id, FindOptions.useMaster()).isPresent();
        return Map.of("replica", replica, "master", master);
    }
}
