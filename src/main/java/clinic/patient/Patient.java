package clinic.patient;

import clinic.appointment.Appointment;
import clinic.doctor.Doctor;
import clinic.model.BelongsToMany;
import clinic.model.FindOptions.Option;
import clinic.model.Finder;
import clinic.model.ModelWrites;
import clinic.model.Person;
import clinic.model.Result;
import clinic.model.Where;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.validation.constraints.PastOrPresent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** A patient: {@code hasMany(Appointment)}, {@code belongsToMany(Doctor, {through: Appointment})}. */
@Entity
@JsonPropertyOrder({"id", "name", "email", "phone", "birthDate", "createdAt", "updatedAt", "deletedAt", "version"})
@Table(name = "patients")
@BelongsToMany(as = "doctors", target = Doctor.class, through = "appointments",
        total = "patient_doctor_totals(patient_id).doctors")
@Schema(name = "Patient", description = "With include=appointments or include=doctors, those arrays are added.")
public class Patient extends Person {

    private static final Finder<Patient> FINDER = Finder.of(Patient.class);
    private static final ModelWrites<Patient> WRITES = ModelWrites.of(Patient.class);

    @PastOrPresent
    @Column(name = "birth_date")
    @Schema(format = "date", examples = "1984-03-01", description = "Not in the future")
    public LocalDate birthDate;

    @JsonIgnore
    @OneToMany(mappedBy = "patient")
    public List<Appointment> appointments;

    /** Sequelize's {@code patient.getDoctors(options)}: distinct, through the appointments. */
    public List<Doctor> getDoctors(Option... options) { return getAssociation("doctors", options); }

    public static Optional<Patient> findByPk(Object id, Option... options) { return FINDER.findByPk(id, options); }
    public static Optional<Patient> findOne(Option... options) { return FINDER.findOne(options); }
    public static List<Patient> findAll(Option... options) { return FINDER.findAll(options); }
    public static Result<Patient> findAndCountAll(Option... options) { return FINDER.findAndCountAll(options); }
    public static long count(Option... options) { return FINDER.count(options); }
    public static <V> V max(String field, Class<V> type, Option... options) { return FINDER.max(field, type, options); }
    public static <V> V min(String field, Class<V> type, Option... options) { return FINDER.min(field, type, options); }
    public static Number sum(String field, Option... options) { return FINDER.sum(field, options); }
    public static List<Patient> bulkCreate(List<Patient> rows) { return WRITES.bulkCreate(rows); }
    public static Patient create(Map<String, ?> values, String... include) { return WRITES.create(values, include); }
    public static ModelWrites.Created<Patient> findOrCreate(Where where, Supplier<Patient> defaults) { return WRITES.findOrCreate(where, defaults); }
    public static int update(Map<String, Object> values, Where where) { return WRITES.update(values, where); }
    public static int destroy(Where where, boolean force) { return WRITES.destroy(where, force); }
    public static int restore(Where where) { return WRITES.restore(where); }
}
