package org.deepdesk.engine.interop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One layer call read back from generated Python, such as
 * {@code layers.Conv2D(32, kernel_size=3, padding="same")}: the name, the positional arguments
 * and the keyword arguments, as source text.
 */
record KerasLayerLine(String name, List<String> positional, Map<String, String> keywords) {

    private static final Pattern CALL = Pattern.compile("^\\s*(?:layers|nn)\\.(\\w+)\\((.*)\\),\\s*$");

    /** Reads every line of {@code source} that is a layer call inside a list or call. */
    static List<KerasLayerLine> parseAll(String source) {
        List<KerasLayerLine> calls = new ArrayList<>();
        for (String line : source.split("\n")) {
            Matcher matcher = CALL.matcher(line);
            if (matcher.matches()) {
                calls.add(parse(matcher.group(1), matcher.group(2)));
            }
        }
        return calls;
    }

    private static KerasLayerLine parse(String name, String arguments) {
        List<String> positional = new ArrayList<>();
        Map<String, String> keywords = new HashMap<>();
        for (String argument : splitTopLevel(arguments)) {
            int equals = argument.indexOf('=');
            if (equals > 0 && argument.substring(0, equals).matches("\\w+")) {
                keywords.put(argument.substring(0, equals), argument.substring(equals + 1));
            } else if (!argument.isEmpty()) {
                positional.add(argument);
            }
        }
        return new KerasLayerLine(name, positional, keywords);
    }

    /** Splits on commas outside brackets, so {@code (1, 2)} stays one argument. */
    private static List<String> splitTopLevel(String arguments) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : arguments.toCharArray()) {
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                parts.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString().trim());
        return parts;
    }

    int integer(String keyword) {
        return Integer.parseInt(keywords.get(keyword));
    }

    int firstInteger() {
        return Integer.parseInt(positional.get(0));
    }

    /** Returns a keyword's string value without its quotes. */
    String text(String keyword) {
        return keywords.get(keyword).replace("\"", "");
    }
}
