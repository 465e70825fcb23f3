package clinic.model;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Transient;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A model's attributes and associations, read once from its public fields: the whitelist for every query. */
public final class ModelInfo {

    private static final Map<Class<?>, ModelInfo> CACHE = new ConcurrentHashMap<>();
    private static final ClassValue<Map<String, Method>> GETTERS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    public final Class<? extends Model> type;
    public final String name;
    private final Map<String, Class<?>> attributes = new LinkedHashMap<>();
    private final Map<String, Association> associations = new LinkedHashMap<>();
    private final java.util.Set<String> derived = new java.util.HashSet<>();

    private ModelInfo(Class<? extends Model> type) {
        this.type = type;
        this.name = type.getSimpleName();
        attributes.put("id", Long.class);
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                // Panache makes the public fields private behind generated accessors, so all are read here.
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || f.isSynthetic() || f.getName().startsWith("$$")
                        || f.isAnnotationPresent(Transient.class)) {
                    continue;
                }
                if (f.isAnnotationPresent(ManyToOne.class)) {
                    associations.put(f.getName(), new Association(f.getName(), modelType(f.getType()),
                            Association.Kind.BELONGS_TO, f.getName() + "Id", null, null));
                } else if (f.isAnnotationPresent(OneToMany.class)) {
                    associations.put(f.getName(), new Association(f.getName(), elementType(f),
                            Association.Kind.HAS_MANY, f.getAnnotation(OneToMany.class).mappedBy() + "Id", null, null));
                } else {
                    attributes.putIfAbsent(f.getName(), f.getType());
                    var json = f.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                    if (json != null && json.access() == com.fasterxml.jackson.annotation.JsonProperty.Access.READ_ONLY) {
                        derived.add(f.getName());
                    }
                }
            }
        }
        for (BelongsToMany m : type.getAnnotationsByType(BelongsToMany.class)) {
            associations.put(m.as(), through(m));
        }
    }

    public static ModelInfo of(Class<? extends Model> type) {
        ModelInfo info = CACHE.get(type);
        if (info == null) {
            // not computeIfAbsent: building one model's info reads its associated models' info
            info = new ModelInfo(type);
            CACHE.putIfAbsent(type, info);
        }
        return info;
    }

    public Map<String, Class<?>> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    public Class<?> attribute(String field) {
        Class<?> t = attributes.get(field);
        if (t == null) {
            throw new QueryException(field, "unknown attribute '" + field + "' of " + name + "; allowed: "
                    + String.join(", ", attributes.keySet()));
        }
        return t;
    }

    /** An attribute the model computes itself ({@code endsAt}): read-only to every writer. */
    public boolean derived(String field) {
        return derived.contains(field);
    }

    public Association association(String include) {
        Association a = associations.get(include);
        if (a == null) {
            throw new QueryException(include, "unknown association '" + include + "' of " + name + "; allowed: "
                    + String.join(", ", associations.keySet()));
        }
        return a;
    }

    /** Reads an attribute or association through its accessor, so Hibernate's lazy loading applies. */
    public static Object read(Model row, String field) {
        try {
            return getter(row.getClass(), field).invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Getters are looked up once per class and field: a lookup on every read showed in the profile (bench/). */
    private static Method getter(Class<?> type, String field) throws NoSuchMethodException {
        Map<String, Method> getters = GETTERS.get(type);
        Method m = getters.get(field);
        if (m == null) {
            m = type.getMethod("get" + capitalized(field));
            getters.put(field, m);
        }
        return m;
    }

    /** Every attribute's value, by name: what a write changed is the difference of two of these. */
    public Map<String, Object> values(Model row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String field : attributes.keySet()) {
            values.put(field, field.equals("id") ? row.id : read(row, field));
        }
        return values;
    }

    /** The attributes whose values differ between two {@link #values} maps (one missing from a map is null there). */
    public static java.util.Set<String> changed(Map<String, Object> before, Map<String, Object> after) {
        java.util.Set<String> fields = new java.util.TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        fields.removeIf(field -> java.util.Objects.equals(before.get(field), after.get(field)));
        return fields;
    }

    /** Writes an attribute through its setter, so Hibernate sees the change. */
    public void write(Model row, String field, Object value) {
        try {
            type.getMethod("set" + capitalized(field), attribute(field)).invoke(row, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Points each belongsTo at the row its foreign key names (as a lazy reference), so an association read
     * in the same transaction agrees with the key that was just written.
     */
    void syncBelongsTo(Model row) {
        for (Association a : associations.values()) {
            if (a.kind() != Association.Kind.BELONGS_TO) {
                continue;
            }
            Object key = read(row, a.foreignKey());
            Model target = (Model) read(row, a.name());
            if (key != null && (target == null || !key.equals(target.id))) {
                try {
                    type.getMethod("set" + capitalized(a.name()), a.target())
                            .invoke(row, Panache.getEntityManager(type).getReference(a.target(), key));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static String capitalized(String field) {
        return Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    /** Checks a where against this model's attributes and operators, converting every value once. */
    public void check(Where where) {
        new Hql().condition(this, "m", where);
    }

    public Map<String, Association> associations() {
        return Collections.unmodifiableMap(associations);
    }

    /** belongsToMany reads the target through the hasMany's rows, by their belongsTo to the target. */
    private Association through(BelongsToMany m) {
        Association hasMany = associations.get(m.through());
        for (Association a : of(hasMany.target()).associations.values()) {
            if (a.kind() == Association.Kind.BELONGS_TO && a.target() == m.target()) {
                return new Association(m.as(), m.target(), Association.Kind.BELONGS_TO_MANY,
                        hasMany.foreignKey(), hasMany.target(), a.name(), Association.Total.parse(m.total()));
            }
        }
        throw new IllegalStateException(name + "." + m.as() + ": " + m.through() + " has no belongsTo "
                + m.target().getSimpleName());
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Model> elementType(Field f) {
        var generic = (ParameterizedType) f.getGenericType();
        return (Class<? extends Model>) generic.getActualTypeArguments()[0];
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Model> modelType(Class<?> c) {
        return (Class<? extends Model>) c;
    }
}
