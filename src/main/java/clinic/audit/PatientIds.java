package clinic.audit;

import clinic.model.Association;
import clinic.model.Include;
import clinic.model.Model;
import clinic.model.ModelInfo;
import clinic.patient.Patient;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The patients whose data a response holds: patients by id, other rows by their belongsTo a patient, includes too. */
final class PatientIds {

    private PatientIds() {
    }

    static void collect(Set<Long> into, Collection<? extends Model> rows, List<Include> includes) {
        for (Model row : rows) {
            collect(into, row);
            ModelInfo model = ModelInfo.of(row.getClass());
            for (Include inc : includes) {
                Association a = model.association(inc.association);
                if (a.toMany()) {
                    Object children = row.included(inc.association);
                    if (children instanceof Collection<?> c) {
                        collect(into, c.stream().map(Model.class::cast).toList(), inc.include);
                    }
                } else if (row.included(inc.association) instanceof Model one) {
                    collect(into, List.of(one), inc.include);
                }
            }
        }
    }

    /** One row's own patient ids, reading only the fields that hold them (all of its values were 9 % of agenda's JVM samples). */
    static void collect(Set<Long> into, Model row) {
        collect(into, row.getClass(), field -> field.equals("id") ? row.id : ModelInfo.read(row, field));
    }

    /** The patient ids in a row's values, before or after a write. */
    static void collect(Set<Long> into, Class<? extends Model> type, Map<String, Object> values) {
        collect(into, type, values::get);
    }

    private static void collect(Set<Long> into, Class<? extends Model> type, Function<String, Object> value) {
        if (type == Patient.class && value.apply("id") instanceof Long id) {
            into.add(id);
        }
        if (type == AuditEvent.class && value.apply("patientIds") instanceof Long[] ids) {
            into.addAll(List.of(ids));
        }
        for (Association a : ModelInfo.of(type).associations().values()) {
            if (a.kind() == Association.Kind.BELONGS_TO && a.target() == Patient.class
                    && value.apply(a.foreignKey()) instanceof Long id) {
                into.add(id);
            }
        }
    }
}
