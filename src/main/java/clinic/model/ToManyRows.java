package clinic.model;

import java.util.function.BinaryOperator;

/**
 * The rows of a to-many include for a page of parents, as HQL over two aliases: the through row ({@code t}, for a
 * belongsToMany) and the target row ({@code c}). With a {@code limit}, each parent's first rows in the include's order
 * are ranked in SQL ({@code dense_rank() over (partition by parent …)}), so the query still covers the whole page
 * and no row past the limit leaves the database.
 *
 * @param condition the rows a level may load, over a through alias and a target alias
 */
record ToManyRows(Association association, BinaryOperator<String> condition) {

    String from(String through, String target) {
        ModelInfo model = ModelInfo.of(association.target());
        return association.kind() == Association.Kind.HAS_MANY ? model.name + " " + target
                : association.through().getSimpleName() + " " + through + " join " + through + "."
                + association.throughTarget() + " " + target;
    }

    /** The parent's id among the rows: the target's key for a hasMany, the through row's for a belongsToMany. */
    String parentKey(String through, String target) {
        return parentKey(association, through, target);
    }

    static String parentKey(Association association, String through, String target) {
        return (association.kind() == Association.Kind.HAS_MANY ? target : through) + "." + association.foreignKey();
    }

    /**
     * The outer query's where over {@code t} and {@code c}: the condition itself, or with a limit the (parent, row)
     * pairs ranked within it. dense_rank, not row_number: a belongsToMany target reached through several rows ranks once.
     */
    String where(Include inc, ModelInfo target) {
        if (inc.limit == null) {
            return condition.apply("t", "c");
        }
        String ranked = "select " + parentKey("wt", "w") + " as owner, w.id as rid, dense_rank() over (partition by "
                + parentKey("wt", "w") + Includes.orderBy(target, "w", inc) + ") as n from " + from("wt", "w")
                + " where " + condition.apply("wt", "w");
        // a literal, like the root's limit: a validated integer, and the plan knows it
        return "(" + parentKey("t", "c") + ", c.id) in (select r.owner, r.rid from (" + ranked + ") r where r.n <= "
                + inc.limit + ")";
    }
}
