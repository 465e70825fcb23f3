package clinic.security;

import clinic.model.Where;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What one role may do with one model, as data (like HAPI FHIR's rule builder): the rows it reads, the rows it
 * owns and may write, and which operations, fields and values its writes may use. Built once, when the policies
 * are read; {@link #to} starts a grant that reads every row and writes nothing.
 */
public final class Grant {

    final Role role;
    /** The rows it reads, per caller; null for every row. */
    Function<Caller, Where> reads;
    /** The attribute tying a row to the caller ({@code doctorId}, or {@code id} for one's own row); null: any row. */
    String owner;
    Function<Caller, Long> ownerId;
    boolean creates;
    boolean updates;
    boolean deletes;
    /** Force delete, restore and {@code paranoid=false}. */
    boolean manages;
    /** The attributes an update may change; null for every writable one. */
    Set<String> updatable;
    /** Per attribute, the only values a create or an update may leave in it (a patient books {@code booked}). */
    Map<String, Set<String>> createValues = Map.of();
    Map<String, Set<String>> updateValues = Map.of();

    private Grant(Role role) {
        this.role = role;
    }

    public static Grant to(Role role) {
        return new Grant(role);
    }

    /** admin and clerk: every row, every write; admin also manages. */
    public static Grant everything(Role role) {
        Grant all = to(role).creates().updates().deletes();
        return role == Role.admin ? all.manages() : all;
    }

    public Grant reads(Function<Caller, Where> rows) {
        reads = rows;
        return this;
    }

    /** Writes only rows whose {@code attribute} is the caller's id, and never moves a row away from it. */
    public Grant owns(String attribute, Function<Caller, Long> id) {
        owner = attribute;
        ownerId = id;
        return this;
    }

    public Grant creates() {
        return creates(Map.of());
    }

    /** Creates rows whose attributes hold only the values given for them. */
    public Grant creates(Map<String, Set<String>> values) {
        creates = true;
        createValues = values;
        return this;
    }

    public Grant updates() {
        return updates(null, Map.of());
    }

    /** Updates rows, changing only {@code fields} (null: any) and those only to {@code values}. */
    public Grant updates(Set<String> fields, Map<String, Set<String>> values) {
        updates = true;
        updatable = fields;
        updateValues = values;
        return this;
    }

    public Grant deletes() {
        deletes = true;
        return this;
    }

    public Grant manages() {
        manages = true;
        return this;
    }
}
