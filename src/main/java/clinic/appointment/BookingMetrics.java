package clinic.appointment;

import clinic.web.problem.Problem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** What the front desk watches: bookings made, and bookings (or reschedulings) refused for an overlap. */
public class BookingMetrics {

    private final Counter created;
    private final Counter conflicts;

    public BookingMetrics(MeterRegistry registry) {
        created = Counter.builder("clinic.bookings.created").description("Appointments created (201)")
                .register(registry);
        conflicts = Counter.builder("clinic.bookings.conflicts")
                .description("Appointment writes refused with 409 appointment_overlap").register(registry);
    }

    @ServerResponseFilter
    public void count(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 201 && request.getMethod().equals("POST")
                && request.getUriInfo().getPath().equals("/appointments")) {
            created.increment();
        } else if (response.getStatus() == 409 && response.getEntity() instanceof Problem p
                && p.code().equals("appointment_overlap")) {
            conflicts.increment();
        }
    }
}
