import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where a recording's CPU samples went, by library: each jdk.ExecutionSample counts for the library of its leaf-most
 * frame outside the JDK (a HashMap lookup inside Hibernate is Hibernate's), so the shares are self time and add to
 * 100 %. Usage: java bench/JfrLibraries.java a.jfr [b.jfr ...]; prints one markdown column per recording.
 */
public class JfrLibraries {

    private static final Pattern JDK = Pattern.compile("^(java|javax|jdk|sun|com\\.sun)\\.");
    private static final Map<String, Pattern> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("Hibernate ORM", Pattern.compile("^org\\.hibernate\\."));
        LIBRARIES.put("PostgreSQL JDBC driver, Agroal pool, Narayana",
                Pattern.compile("^(org\\.postgresql|io\\.agroal|com\\.arjuna|io\\.quarkus\\.narayana)\\."));
        LIBRARIES.put("Jackson", Pattern.compile("^com\\.fasterxml\\."));
        LIBRARIES.put("token verification (smallrye-jwt, jose4j)",
                Pattern.compile("^(org\\.jose4j|io\\.smallrye\\.jwt|io\\.quarkus\\.smallrye\\.jwt)\\."));
        LIBRARIES.put("clinic.audit", Pattern.compile("^clinic\\.audit\\."));
        LIBRARIES.put("clinic, the rest (web, model, security)", Pattern.compile("^clinic\\."));
        LIBRARIES.put("metrics and tracing (Micrometer, OpenTelemetry)", Pattern.compile("micrometer|opentelemetry"));
        LIBRARIES.put("Vert.x, Netty", Pattern.compile("^(io\\.vertx|io\\.netty)\\."));
        LIBRARIES.put("RESTEasy Reactive, Jakarta REST", Pattern.compile("resteasy|^jakarta\\.ws\\."));
        LIBRARIES.put("Quarkus (HTTP, security, CDI), SmallRye, JBoss threads and logging",
                Pattern.compile("^(io\\.quarkus|io\\.smallrye|org\\.jboss|jakarta\\.enterprise)\\."));
    }

    public static void main(String[] args) throws Exception {
        List<Map<String, Integer>> columns = new ArrayList<>();
        List<Integer> totals = new ArrayList<>();
        for (String file : args) {
            Map<String, Integer> counts = new TreeMap<>();
            int total = 0;
            for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(file))) {
                if (e.getEventType().getName().equals("jdk.ExecutionSample") && e.getStackTrace() != null) {
                    counts.merge(library(e.getStackTrace().getFrames()), 1, Integer::sum);
                    total++;
                }
            }
            columns.add(counts);
            totals.add(total);
        }
        StringBuilder head = new StringBuilder("| library (leaf-most frame outside the JDK) |");
        for (int i = 0; i < args.length; i++) {
            head.append(' ').append(Path.of(args[i]).getFileName()).append(" (").append(totals.get(i)).append(") |");
        }
        System.out.println(head);
        System.out.println("|---|" + "---:|".repeat(args.length));
        List<String> names = new ArrayList<>(LIBRARIES.keySet());
        names.add("other");
        for (String name : names) {
            StringBuilder row = new StringBuilder("| " + name + " |");
            for (int i = 0; i < args.length; i++) {
                row.append(String.format(" %.1f %% |", 100.0 * columns.get(i).getOrDefault(name, 0)
                        / Math.max(1, totals.get(i))));
            }
            System.out.println(row);
        }
    }

    private static String library(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            if (JDK.matcher(type).find()) {
                continue;
            }
            return LIBRARIES.entrySet().stream().filter(l -> l.getValue().matcher(type).find())
                    .map(Map.Entry::getKey).findFirst().orElse("other");
        }
        return "other";
    }
}
