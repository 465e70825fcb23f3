package clinic;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The service's log lines, formatted with the console format it is configured with, while a test listens. */
public final class LogLines extends Handler implements AutoCloseable {

    private final PatternFormatter format = new PatternFormatter(
            ConfigProvider.getConfig().getValue("quarkus.log.console.format", String.class));
    private final List<String> lines = new CopyOnWriteArrayList<>();

    /** The root, and the access log, which the test profile keeps off the console. */
    private static final List<String> CATEGORIES = List.of("", "io.quarkus.http.access-log");

    private LogLines() {
    }

    public static LogLines listen() {
        LogLines lines = new LogLines();
        CATEGORIES.forEach(c -> Logger.getLogger(c).addHandler(lines));
        return lines;
    }

    /** The lines so far; the access line is written as the response ends, so wait a little for it. */
    public List<String> matching(String text) throws InterruptedException {
        for (int i = 0; i < 50 && lines.stream().noneMatch(l -> l.contains(text)); i++) {
            Thread.sleep(20);
        }
        return lines.stream().filter(l -> l.contains(text)).toList();
    }

    public List<String> all() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            ext.copyMdc(); // the MDC of the thread (and Vert.x context) that logged, not the test's
            lines.add(format.format(ext));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        CATEGORIES.forEach(c -> Logger.getLogger(c).removeHandler(this));
    }
}
