package clinic.model;

/** The right-hand side of a condition: {@code {[Op.gte]: t}}. */
public record Operand(Op op, Object value) {
}
