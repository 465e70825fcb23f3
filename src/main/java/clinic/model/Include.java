package clinic.model;

import java.util.ArrayList;
import java.util.List;

/** One node of Sequelize's {@code include} tree: an association, an optional where, nested includes. */
public final class Include {

    public final String association;
    public Where where;
    public final List<Include> include = new ArrayList<>();

    private Include(String association) {
        this.association = association;
    }

    /** A where on an include, at any depth, makes it required up the chain: only parents with a matching child. */
    public boolean required() {
        return where != null && !where.isEmpty() || include.stream().anyMatch(Include::required);
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
