package clinic.appointment;

import clinic.doctor.Doctor;
import clinic.model.FindOptions.Option;
import clinic.model.Finder;
import clinic.model.InRange;
import clinic.model.Model;
import clinic.model.ModelWrites;
import clinic.model.Result;
import clinic.model.Scopes;
import clinic.model.FindOptions;
import clinic.model.Where;
import clinic.patient.Patient;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An appointment: {@code belongsTo(Doctor)}, {@code belongsTo(Patient)}. A doctor's, and a patient's, live
 * appointments may not overlap; the database enforces it with exclusion constraints.
 */
@Entity
@JsonPropertyOrder({"id", "date", "endsAt", "durationMinutes", "status", "reason", "doctorId", "patientId",
        "createdAt", "updatedAt", "deletedAt", "version"})
@Table(name = "appointments")
@Schema(name = "Appointment", description = "With include=doctor or include=patient, those objects are added.")
public class Appointment extends Model {

    private static final Finder<Appointment> FINDER = Finder.of(Appointment.class);
    private static final ModelWrites<Appointment> WRITES = ModelWrites.of(Appointment.class);

    /** FHIR appointment status codes, spelled as FHIR spells them. */
    public enum Status { booked, arrived, fulfilled, cancelled, noshow }

    @NotNull
    @Column(name = "starts_at", nullable = false)
    @Schema(required = true, examples = "2030-01-07T09:00:00Z", description = "Start, ISO-8601 instant")
    public Instant date;

    @NotNull
    @Column(name = "doctor_id", nullable = false)
    @Schema(required = true, examples = "1")
    public Long doctorId;

    @NotNull
    @Column(name = "patient_id", nullable = false)
    @Schema(required = true, examples = "1")
    public Long patientId;

    @NotNull
    @Min(5)
    @Max(480)
    @Column(name = "duration_minutes", nullable = false)
    @Schema(minimum = "5", maximum = "480", defaultValue = "30")
    public Integer durationMinutes = 30;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    @Schema(defaultValue = "booked")
    public Status status = Status.booked;

    @CodePointLength(max = 1000, message = "must be at most {max} characters")
    @Schema(maxLength = 1000, examples = "Annual check-up")
    public String reason;

    /** date + durationMinutes, kept in a column so the no-overlap constraint can index it. */
    @InRange(message = "date + durationMinutes must not end after year 9999")
    @Column(name = "ends_at", nullable = false)
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    @Schema(readOnly = true, examples = "2030-01-07T09:30:00Z", description = "date + durationMinutes")
    public Instant endsAt;

    @JsonIgnore
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "doctor_id", insertable = false, updatable = false)
    public Doctor doctor;

    @JsonIgnore
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "patient_id", insertable = false, updatable = false)
    public Patient patient;

    /** The keys as loaded: a booking is checked only against the doctor and patient it sets. */
    @Transient
    @JsonIgnore
    private Long loadedDoctorId;
    @Transient
    @JsonIgnore
    private Long loadedPatientId;

    @PostLoad
    void rememberKeys() {
        loadedDoctorId = doctorId;
        loadedPatientId = patientId;
    }

    /** Whether this update puts a stored booking back in service: live now, but not live, or at another time, as loaded. */
    public boolean goesLive() {
        if (freesSlot() || deletedAt != null || !isPersistent()) {
            return false;
        }
        Object was = previous("status");
        return was == Status.cancelled || was == Status.noshow || !Objects.equals(previous("date"), date)
                || !Objects.equals(previous("durationMinutes"), durationMinutes);
    }

    public boolean setsDoctor() {
        return !Objects.equals(doctorId, loadedDoctorId);
    }

    public boolean setsPatient() {
        return !Objects.equals(patientId, loadedPatientId);
    }

    @Override
    @PrePersist
    @PreUpdate
    public void beforeValidate() {
        reason = trim(reason);
        endsAt = date == null || durationMinutes == null ? null : date.plus(Duration.ofMinutes(durationMinutes));
    }

    /** A status that frees the slot: it no longer blocks other bookings. */
    public boolean freesSlot() {
        return status == Status.cancelled || status == Status.noshow;
    }

    static {
        Scopes.define(Appointment.class, "upcoming", args -> upcoming());
        Scopes.define(Appointment.class, "withPeople", FindOptions.include("doctor", "patient"));
        Scopes.define(Appointment.class, "ofDoctor", args -> Where.where("doctorId", args[0]));
    }

    /** Sequelize's {@code Appointment.scope("upcoming", "withPeople")}: {@code .findAll(…)} and the rest on it. */
    public static Finder<Appointment> scope(String... names) { return FINDER.scope(names); }

    /** Sequelize scope {@code upcoming}: live appointments from now on. */
    public static Where upcoming() {
        return Where.where("date", Where.gte(Instant.now())).and("status", Where.notIn(List.of(Status.cancelled, Status.noshow)));
    }

    public static Optional<Appointment> findByPk(Object id, Option... options) { return FINDER.findByPk(id, options); }
    public static Optional<Appointment> findOne(Option... options) { return FINDER.findOne(options); }
    public static List<Appointment> findAll(Option... options) { return FINDER.findAll(options); }
    public static Result<Appointment> findAndCountAll(Option... options) { return FINDER.findAndCountAll(options); }
    public static long count(Option... options) { return FINDER.count(options); }
    public static List<Map<String, Object>> countBy(List<String> group, Option... options) { return FINDER.countBy(group, options); }
    public static List<Map<String, Object>> aggregate(Option... options) { return FINDER.aggregate(options); }
    public static <V> V max(String field, Class<V> type, Option... options) { return FINDER.max(field, type, options); }
    public static <V> V min(String field, Class<V> type, Option... options) { return FINDER.min(field, type, options); }
    public static Number sum(String field, Option... options) { return FINDER.sum(field, options); }
    public static List<Appointment> bulkCreate(List<Appointment> rows) { return WRITES.bulkCreate(rows); }
    public static int update(Map<String, Object> values, Where where) { return WRITES.update(values, where); }
    public static int destroy(Where where, boolean force) { return WRITES.destroy(where, force); }
    public static int restore(Where where) { return WRITES.restore(where); }
}
