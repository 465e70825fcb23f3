package clinic;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The SQL Hibernate sends to PostgreSQL while a test records it: what reaches the database, not the HQL. */
@PersistenceUnitExtension
@ApplicationScoped
public class SqlLog implements StatementInspector {

    private static final List<String> RECORDED = new CopyOnWriteArrayList<>();
    private static volatile boolean recording;

    @Override
    public String inspect(String sql) {
        if (recording) {
            RECORDED.add(sql);
        }
        return sql;
    }

    /** The statements {@code work} sent, in order (tests run one at a time, so no other test's are among them). */
    public static List<String> during(Runnable work) {
        RECORDED.clear();
        recording = true;
        try {
            work.run();
        } finally {
            recording = false;
        }
        return List.copyOf(RECORDED);
    }

    /** The one statement among {@code sql} that reads {@code table}'s rows (its first {@code from}; counts aside). */
    public static String reading(List<String> sql, String table) {
        List<String> reads = sql.stream().filter(s -> s.startsWith("select ") && !s.startsWith("select count(")
                && s.substring(s.indexOf(" from ")).startsWith(" from " + table + " ")).toList();
        if (reads.size() != 1) {
            throw new AssertionError("expected one statement reading " + table + ", got " + reads);
        }
        return reads.get(0);
    }

    /** The one statement among {@code sql} that holds {@code text}. */
    public static String holding(List<String> sql, String text) {
        List<String> found = sql.stream().filter(s -> s.contains(text)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one statement with " + text + ", got " + found);
        }
        return found.get(0);
    }

    /** The select list of a statement: what it reads, up to its first {@code from}. */
    public static String selected(String sql) {
        return sql.substring(0, sql.indexOf(" from "));
    }
}
