package clinic.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One node of Sequelize's {@code include} tree: an association with its own options (where, required, attributes,
 * paranoid, order, limit) and nested includes. {@code assoc("appointments").where(...).limit(5)} builds one.
 */
public final class Include {

    public final String association;
    public Where where;
    /** Explicit {@code required}; null: required when it, or an include below it, has a where. */
    public Boolean required;
    /** The included rows' attributes shown ({@code id} always); empty: all. */
    public final Set<String> attributes = new LinkedHashSet<>();
    /** The included rows' attributes left out ({@code id} never is). */
    public final Set<String> exclude = new LinkedHashSet<>();
    /** Null: to-many includes hide soft-deleted rows, to-one includes show them (history stays readable). */
    public Boolean paranoid;
    /** Within each parent's to-many rows. */
    public final List<FindOptions.Order> order = new ArrayList<>();
    public Integer limit;
    public final List<Include> include = new ArrayList<>();

    private Include(String association) {
        this.association = association;
    }

    /** Sequelize's {@code {association: name, ...}}. */
    public static Include assoc(String association) {
        return new Include(association);
    }

    public Include where(Where where) {
        this.where = where;
        return this;
    }

    public Include required(boolean required) {
        this.required = required;
        return this;
    }

    public Include attributes(String... fields) {
        attributes.addAll(List.of(fields));
        return this;
    }

    public Include attributes(FindOptions.Exclude exclude) {
        this.exclude.addAll(exclude.fields());
        return this;
    }

    public Include paranoid(boolean paranoid) {
        this.paranoid = paranoid;
        return this;
    }

    public Include order(String field, FindOptions.Direction direction) {
        order.add(new FindOptions.Order(field, direction));
        return this;
    }

    public Include limit(int limit) {
        this.limit = limit;
        return this;
    }

    public Include include(Include... children) {
        include.addAll(List.of(children));
        return this;
    }

    /** A where on an include, at any depth, makes it required up the chain: only parents with a matching child. */
    public boolean required() {
        if (required != null) {
            return required;
        }
        return where != null && !where.isEmpty() || include.stream().anyMatch(Include::required);
    }

    /** Whether soft-deleted rows are hidden, given the association's kind. */
    public boolean hidesDeleted(boolean toMany) {
        return paranoid != null ? paranoid : toMany;
    }

    /** The depth of the deepest path below and including this node. */
    public int depth() {
        return 1 + include.stream().mapToInt(Include::depth).max().orElse(0);
    }

    static void merge(List<Include> tree, String path, Where where) {
        String[] names = path.split("\\.");
        List<Include> level = tree;
        Include node = null;
        for (String name : names) {
            node = level.stream().filter(i -> i.association.equals(name)).findFirst().orElse(null);
            if (node == null) {
                node = new Include(name);
                level.add(node);
            }
            level = node.include;
        }
        if (where != null && node != null) {
            node.where = where;
        }
    }
}
