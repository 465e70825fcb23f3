package clinic.db;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command line the sequelize-cli way: the verb, then {@code --flag value} or {@code --flag=value}. exec:exec hands
 * over -Dcmd, -Dforce and -Dargs as three arguments; -Dargs holds the flags, split here on white space.
 */
record CliArguments(String verb, Map<String, String> flags) {

    /** The words of the command line; the first is the verb ({@code help} when there is none). */
    static List<String> words(String... argv) {
        List<String> words = Arrays.stream(argv).flatMap(a -> Arrays.stream(a.trim().split("\\s+")))
                .filter(w -> !w.isEmpty()).toList();
        return words.isEmpty() ? List.of("help") : words;
    }

    static CliArguments parse(List<String> words) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--") || word.length() == 2) {
                throw new UsageException("unexpected '" + word + "', flags are --name value or --name=value");
            }
            int equals = word.indexOf('=');
            String flag = equals < 0 ? word.substring(2) : word.substring(2, equals);
            String value;
            if (equals >= 0) {
                value = word.substring(equals + 1);
            } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
                value = words.get(++i);
            } else {
                value = "true";
            }
            if (flags.put(flag, value) != null && !flag.equals("force")) {
                throw new UsageException("--" + flag + " given twice");
            }
        }
        return new CliArguments(words.get(0), flags);
    }

    /** Refuses flags the verb does not take; {@code --force} (-Dforce) always comes along and must be true or false. */
    void allowOnly(Set<String> allowed) {
        for (String flag : flags.keySet()) {
            if (!allowed.contains(flag) && !flag.equals("force")) {
                throw new UsageException(verb + " takes no --" + flag);
            }
        }
        String force = flags.getOrDefault("force", "false");
        if (!force.equals("true") && !force.equals("false")) {
            throw new UsageException("-Dforce is true or false, not '" + force + "'");
        }
    }

    String required(String flag) {
        String value = flags.get(flag);
        if (value == null || value.equals("true")) {
            throw new UsageException(verb + " needs --" + flag + " <value>");
        }
        return value;
    }

    /** An optional flag's value, or null. */
    String optional(String flag) {
        return flags.containsKey(flag) ? required(flag) : null;
    }

    boolean force() {
        return flags.getOrDefault("force", "false").equals("true");
    }
}
