package clinic.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Sequelize's find options ({@code where, include, order, limit, offset, attributes, paranoid}), built from
 * {@link Option}s so a call reads like Sequelize: {@code findAll(where(...), include("patient"), limit(20))}.
 */
public final class FindOptions {

    /** One find option; {@link Where} is one too. */
    @FunctionalInterface
    public interface Option {
        void applyTo(FindOptions options);
    }

    public enum Direction { ASC, DESC }

    /** Sequelize's {@code LOCK.UPDATE} (PostgreSQL's FOR NO KEY UPDATE) and {@code LOCK.SHARE} (FOR SHARE). */
    public enum Lock { UPDATE, SHARE }

    /** One {@code order} entry; ties are always broken by id so pages are stable. */
    public record Order(String field, Direction direction) {
    }

    public final Where where = Where.where();
    public final List<Include> include = new ArrayList<>();
    public final List<Order> order = new ArrayList<>();
    public Integer limit;
    public Integer offset;
    public final Set<String> attributes = new LinkedHashSet<>();
    /** Sequelize's {@code attributes: {exclude: [...]}}: every attribute but these ({@code id} always stays). */
    public final Set<String> exclude = new LinkedHashSet<>();
    public boolean paranoid = true;
    public boolean lock;
    /** With {@link #lock}: which lock, and whether rows another transaction holds are left out. */
    public Lock lockLevel = Lock.UPDATE;
    public boolean skipLocked;
    /** Sequelize's {@code useMaster}: read from the primary even where the request reads from a replica. */
    public boolean useMaster;
    /** Named scopes to find within instead of the default one (the query string's {@code scope=}). */
    public final List<String> scope = new ArrayList<>();
    /** Set once the finder's scopes were applied, so a find and its count apply them once. */
    boolean scoped;

    public static FindOptions of(Option... options) {
        FindOptions o = new FindOptions();
        for (Option option : options) {
            option.applyTo(o);
        }
        return o;
    }

    /** {@code include("doctor", "appointments.patient")}: dotted paths nest. */
    public static Option include(String... paths) {
        return o -> {
            for (String path : paths) {
                Include.merge(o.include, path, null);
            }
        };
    }

    /** Includes with their own options: {@code include(assoc("appointments").where(...).limit(5))}. */
    public static Option include(Include... includes) {
        return o -> o.include.addAll(List.of(includes));
    }

    /** An include with a where: as in Sequelize, it becomes required (an inner join). */
    public static Option include(String path, Where where) {
        return o -> Include.merge(o.include, path, where);
    }

    public static Option order(String field) {
        return order(field, Direction.ASC);
    }

    public static Option order(String field, Direction direction) {
        return o -> o.order.add(new Order(field, direction));
    }

    public static Option limit(int limit) {
        return o -> o.limit = limit;
    }

    public static Option offset(int offset) {
        return o -> o.offset = offset;
    }

    /** Only these attributes are read (in the SELECT) and shown; {@code id} always. */
    public static Option attributes(String... fields) {
        return o -> o.attributes.addAll(List.of(fields));
    }

    /** {@code attributes(exclude("createdAt", "updatedAt"))}: every attribute but those. */
    public static Option attributes(Exclude exclude) {
        return o -> o.exclude.addAll(exclude.fields());
    }

    /** Sequelize's {@code {exclude: [...]}}, for {@code attributes(...)} here and on an include. */
    public static Exclude exclude(String... fields) {
        return new Exclude(List.of(fields));
    }

    /** The attributes {@link #exclude} names. */
    public record Exclude(List<String> fields) {
    }

    /** Sequelize's {@code lock: LOCK.UPDATE}: the rows stay locked until the transaction ends. */
    public static Option lock() {
        return o -> o.lock = true;
    }

    /** {@code lock: LOCK.SHARE}: other transactions may read-lock the rows too, none may change them. */
    public static Option lock(Lock level) {
        return o -> {
            o.lock = true;
            o.lockLevel = level;
        };
    }

    /** Sequelize's {@code skipLocked: true}: rows another transaction holds are left out, not waited for. */
    public static Option skipLocked() {
        return o -> o.skipLocked = true;
    }

    /** {@code useMaster()}: this find reads from the primary, never from a replica that may lag behind it. */
    public static Option useMaster() {
        return o -> o.useMaster = true;
    }

    /** {@code paranoid(false)} finds soft-deleted rows too. */
    public static Option paranoid(boolean paranoid) {
        return o -> o.paranoid = paranoid;
    }
}
