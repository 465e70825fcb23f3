package clinic.doctor;

import clinic.appointment.Appointment;
import clinic.model.BelongsToMany;
import clinic.model.FindOptions.Option;
import clinic.model.Finder;
import clinic.model.ModelWrites;
import clinic.model.Person;
import clinic.model.Result;
import clinic.model.Where;
import clinic.patient.Patient;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.CodePointLength;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** A doctor: {@code hasMany(Appointment)}, {@code belongsToMany(Patient, {through: Appointment})}. */
@Entity
@JsonPropertyOrder({"id", "name", "email", "specialty", "phone", "createdAt", "updatedAt", "deletedAt", "version"})
@Table(name = "doctors")
@BelongsToMany(as = "patients", target = Patient.class, through = "appointments",
        total = "doctor_patient_totals(doctor_id).patients")
@Schema(name = "Doctor", description = "With include=appointments or include=patients, those arrays are added.")
public class Doctor extends Person {

    private static final Finder<Doctor> FINDER = Finder.of(Doctor.class);
    private static final ModelWrites<Doctor> WRITES = ModelWrites.of(Doctor.class);

    @CodePointLength(max = 255, message = "must be at most {max} characters")
    @Schema(maxLength = 255, examples = "Cardiology")
    public String specialty;

    @JsonIgnore
    @OneToMany(mappedBy = "doctor")
    public List<Appointment> appointments;

    @Override
    public void beforeValidate() {
        super.beforeValidate();
        specialty = trim(specialty);
    }

    /** Sequelize's {@code doctor.getPatients(options)}: distinct, through the appointments. */
    public List<Patient> getPatients(Option... options) { return getAssociation("patients", options); }
    public long countAppointments(Option... options) { return countAssociation("appointments", options); }
    public boolean hasPatient(Patient patient) { return hasAssociation("patients", patient); }
    public Appointment createAppointment(Appointment appointment) { return createAssociation("appointments", appointment); }

    public static Optional<Doctor> findByPk(Object id, Option... options) { return FINDER.findByPk(id, options); }
    public static Optional<Doctor> findOne(Option... options) { return FINDER.findOne(options); }
    public static List<Doctor> findAll(Option... options) { return FINDER.findAll(options); }
    public static Result<Doctor> findAndCountAll(Option... options) { return FINDER.findAndCountAll(options); }
    public static long count(Option... options) { return FINDER.count(options); }
    public static <V> V max(String field, Class<V> type, Option... options) { return FINDER.max(field, type, options); }
    public static <V> V min(String field, Class<V> type, Option... options) { return FINDER.min(field, type, options); }
    public static Number sum(String field, Option... options) { return FINDER.sum(field, options); }
    public static List<Doctor> bulkCreate(List<Doctor> rows) { return WRITES.bulkCreate(rows); }
    public static Doctor create(Map<String, ?> values, String... include) { return WRITES.create(values, include); }
    public static ModelWrites.Created<Doctor> findOrCreate(Where where, Supplier<Doctor> defaults) { return WRITES.findOrCreate(where, defaults); }
    public static int update(Map<String, Object> values, Where where) { return WRITES.update(values, where); }
    public static int destroy(Where where, boolean force) { return WRITES.destroy(where, force); }
    public static int restore(Where where) { return WRITES.restore(where); }
}
