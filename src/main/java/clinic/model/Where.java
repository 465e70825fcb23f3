package clinic.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Sequelize's {@code where}: conditions ANDed together, {@code Op.or} of groups, and the operators as statics.
 * {@code where("doctorId", 3).and("date", gte(t)).or(where("status", "booked"), where("status", "arrived"))}
 */
public final class Where implements FindOptions.Option {

    /** One node of the condition tree. */
    public sealed interface Node permits Condition, AnyOf, Through {
    }

    /** {@code field op value}; values are converted to the attribute's type when the query is built. */
    public record Condition(String field, Operand operand) implements Node {
    }

    /** OR of groups, each an AND of its own nodes. */
    public record AnyOf(List<Where> groups) implements Node {
    }

    /** Rows associated through another model: a doctor's patients are those of the doctor's appointments. */
    public record Through(Association association, Object ownerId) implements Node {
    }

    private final List<Node> nodes = new ArrayList<>();
    /** Set by {@link #all()}: a bulk write over every row, said on purpose. */
    private boolean all;

    private Where() {
    }

    public static Where where() {
        return new Where();
    }

    /** A bare value means {@code Op.eq}, as in Sequelize. */
    public static Where where(String field, Object valueOrOperand) {
        return new Where().and(field, valueOrOperand);
    }

    /** Every row, on purpose: what a bulk update, destroy or restore needs to touch the whole table. */
    public static Where all() {
        Where w = new Where();
        w.all = true;
        return w;
    }

    /** An empty where not marked {@link #all()}: a bulk write refuses it. */
    public boolean unrestricted() {
        return nodes.isEmpty() && !all;
    }

    /** No row at all: what a caller without a right to a model sees of it. */
    public static Where none() {
        return new Where().orAny(List.of());
    }

    public static Where or(Where... groups) {
        return new Where().orAny(Arrays.asList(groups));
    }

    public Where and(String field, Object valueOrOperand) {
        Operand operand = valueOrOperand instanceof Operand o ? o : new Operand(Op.eq, valueOrOperand);
        nodes.add(new Condition(field, operand));
        return this;
    }

    public Where and(Where other) {
        nodes.addAll(other.nodes);
        all |= other.all;
        return this;
    }

    public Where orAny(List<Where> groups) {
        nodes.add(new AnyOf(List.copyOf(groups)));
        return this;
    }

    /** The rows of an association of one owner: a doctor's appointments, or a doctor's patients. */
    public static Where associatedWith(Association association, Object ownerId) {
        Where w = new Where();
        if (association.kind() == Association.Kind.BELONGS_TO_MANY) {
            w.nodes.add(new Through(association, ownerId));
            return w;
        }
        return w.and(association.foreignKey(), ownerId);
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** The number of conditions in the whole tree, for limits on what a client may ask. */
    public int size() {
        int n = 0;
        for (Node node : nodes) {
            n += node instanceof AnyOf any ? any.groups().stream().mapToInt(Where::size).sum() : 1;
        }
        return n;
    }

    @Override
    public void applyTo(FindOptions options) {
        options.where.and(this);
    }

    public static Operand eq(Object v) { return new Operand(Op.eq, v); }
    public static Operand ne(Object v) { return new Operand(Op.ne, v); }
    public static Operand gt(Object v) { return new Operand(Op.gt, v); }
    public static Operand gte(Object v) { return new Operand(Op.gte, v); }
    public static Operand lt(Object v) { return new Operand(Op.lt, v); }
    public static Operand lte(Object v) { return new Operand(Op.lte, v); }
    public static Operand between(Object from, Object to) { return new Operand(Op.between, List.of(from, to)); }
    public static Operand notBetween(Object from, Object to) { return new Operand(Op.notBetween, List.of(from, to)); }
    public static Operand in(Collection<?> values) { return new Operand(Op.in, List.copyOf(values)); }
    public static Operand notIn(Collection<?> values) { return new Operand(Op.notIn, List.copyOf(values)); }
    public static Operand like(String pattern) { return new Operand(Op.like, pattern); }
    public static Operand notLike(String pattern) { return new Operand(Op.notLike, pattern); }
    public static Operand iLike(String pattern) { return new Operand(Op.iLike, pattern); }
    public static Operand notILike(String pattern) { return new Operand(Op.notILike, pattern); }
    public static Operand startsWith(String prefix) { return new Operand(Op.startsWith, prefix); }
    public static Operand endsWith(String suffix) { return new Operand(Op.endsWith, suffix); }
    public static Operand substring(String part) { return new Operand(Op.substring, part); }
    /** An array attribute holding every one of {@code values}: {@code where("patientIds", contains(7))}. */
    public static Operand contains(Object... values) { return new Operand(Op.contains, List.of(values)); }
    /** {@code is(null)}, {@code is(true)}, {@code is(false)}. */
    public static Operand is(Boolean value) { return new Operand(Op.is, value); }
    public static Operand not(Boolean value) { return new Operand(Op.not, value); }
}
