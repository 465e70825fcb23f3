package clinic.model;

import java.util.function.BinaryOperator;

/**
 * The rows of a to-many include for a page of parents, as HQL over two aliases: the through row ({@code t}, for a
 * belongsToMany) and the target row ({@code c}). With a {@code limit}, each parent's first rows in the include's order
 * are ranked in SQL ({@code dense_rank() over (partition by parent …)}), so one query still covers the whole page and
 * no row past the limit leaves the database.
 *
 * @param condition the rows a level may load, over a through alias and a target alias
 */
record ToManyRows(Association association, BinaryOperator<String> condition) {

    private String from(String through, String target) {
        ModelInfo model = ModelInfo.of(association.target());
        return association.kind() == Association.Kind.HAS_MANY ? model.name + " " + target
                : association.through().getSimpleName() + " " + through + " join " + through + "."
                + association.throughTarget() + " " + target;
    }

    private String parentKey(String through, String target) {
        return parentKey(association, through, target);
    }

    /** The parent's id among the rows: the target's key for a hasMany, the through row's for a belongsToMany. */
    static String parentKey(Association association, String through, String target) {
        return (association.kind() == Association.Kind.HAS_MANY ? target : through) + "." + association.foreignKey();
    }

    /**
     * The query for the page's rows of this include, selecting (parent id, {@code columns} of {@code c}). With a limit,
     * the ranked (parent, row) pairs drive it and each row is read by its primary key, once (a belongsToMany's
     * through rows are not joined again). dense_rank, not row_number, so a belongsToMany target reached through
     * several rows ranks once.
     */
    String query(Include inc, ModelInfo target, String columns, String joinFetches) {
        String order = Includes.orderBy(target, "c", inc);
        if (inc.limit == null) {
            return "select " + (association.kind() == Association.Kind.HAS_MANY ? "" : "distinct ")
                    + parentKey("t", "c") + ", " + columns + " from " + from("t", "c") + joinFetches + " where "
                    + condition.apply("t", "c") + order;
        }
        String ranked = "select distinct " + parentKey("wt", "w") + " as owner, w.id as rid, dense_rank() over "
                + "(partition by " + parentKey("wt", "w") + Includes.orderBy(target, "w", inc) + ") as n from "
                + from("wt", "w") + " where " + condition.apply("wt", "w");
        // a literal, like the root's limit: a validated integer, and the plan knows it
        return "select r.owner, " + columns + " from (" + ranked + ") r join " + target.name + " c on c.id = r.rid"
                + joinFetches + " where r.n <= " + inc.limit + order;
    }
}
