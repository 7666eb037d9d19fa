package org.deepdesk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Checks the English and Simplified Chinese bundle files against each other. The files are read
 * directly, because a {@link java.util.ResourceBundle} for Chinese would fall back to English
 * for every missing key and hide it.
 */
class BundleConsistencyTest {

    private static final String ENGLISH_FILE = "messages.properties";
    private static final String CHINESE_FILE = "messages_zh_CN.properties";

    /** Values that read the same in both languages: layer type names and other standard terms. */
    private static final Set<String> SAME_IN_BOTH = Set.of(
            "Conv2D", "MaxPool2D", "AvgPool2D", "Dense", "Dropout", "BatchNorm", "Flatten",
            "ReLU", "sigmoid", "tanh", "softmax", "Adam", "SGD", "RMSProp", "MNIST", "DeepDesk", "LeNet-5");

    /**
     * Key prefixes whose values picocli reads as they are, not as MessageFormat patterns: there
     * {@code %n} is a line break, {@code ${NAME}} a picocli variable and an apostrophe stays single.
     */
    private static final List<String> PICOCLI_PREFIXES = List.of("usage.", "deepdesk.", "cli.option.");

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\s*(\\d+)\\s*[,}]");
    private static final Pattern PICOCLI_VARIABLE = Pattern.compile("\\$\\{[^}]*}");
    /** MessageFormat arguments, picocli variables and line breaks, which need no translation. */
    private static final Pattern MARKUP = Pattern.compile("\\{[^}]*}|\\$\\{[^}]*}|%n");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");
    private static final Pattern LATIN_LETTER = Pattern.compile("\\p{IsLatin}");

    private static final Map<String, String> ENGLISH = load(ENGLISH_FILE);
    private static final Map<String, String> CHINESE = load(CHINESE_FILE);

    @Test
    void bundlesAreNotEmpty() {
        assertThat(ENGLISH).isNotEmpty();
        assertThat(CHINESE).isNotEmpty();
    }

    @Test
    void chineseHasEveryEnglishKey() {
        Set<String> missing = new TreeSet<>(ENGLISH.keySet());
        missing.removeAll(CHINESE.keySet());

        assertThat(missing).as("keys to add to " + CHINESE_FILE).isEmpty();
    }

    @Test
    void englishHasEveryChineseKey() {
        Set<String> missing = new TreeSet<>(CHINESE.keySet());
        missing.removeAll(ENGLISH.keySet());

        assertThat(missing).as("keys to add to " + ENGLISH_FILE).isEmpty();
    }

    @Test
    void englishValuesAreNotBlank() {
        assertThat(blankKeys(ENGLISH)).as("blank values in " + ENGLISH_FILE).isEmpty();
    }

    @Test
    void chineseValuesAreNotBlank() {
        assertThat(blankKeys(CHINESE)).as("blank values in " + CHINESE_FILE).isEmpty();
    }

    @Test
    void englishValuesParse() {
        assertThat(unparsableValues(messageFormats(ENGLISH))).as("values in " + ENGLISH_FILE + " that MessageFormat rejects").isEmpty();
    }

    @Test
    void chineseValuesParse() {
        assertThat(unparsableValues(messageFormats(CHINESE))).as("values in " + CHINESE_FILE + " that MessageFormat rejects").isEmpty();
    }

    @Test
    void placeholdersMatchPerKey() {
        Map<String, String> mismatches = new TreeMap<>();
        for (String key : ENGLISH.keySet()) {
            if (!CHINESE.containsKey(key)) {
                continue;
            }
            Set<String> english = placeholders(key, ENGLISH.get(key));
            Set<String> chinese = placeholders(key, CHINESE.get(key));
            if (!english.equals(chinese)) {
                mismatches.put(key, "English " + english + ", Chinese " + chinese);
            }
        }

        assertThat(mismatches).as("placeholders that differ between the languages").isEmpty();
    }

    @Test
    void apostrophesAreDoubled() {
        // MessageFormat reads a single ' as the start of quoted text, so "it's {0}" would show "{0}".
        Set<String> englishKeys = keysMatching(messageFormats(ENGLISH), LONE_APOSTROPHE);
        Set<String> chineseKeys = keysMatching(messageFormats(CHINESE), LONE_APOSTROPHE);

        assertThat(englishKeys).as("values in " + ENGLISH_FILE + " with a single '").isEmpty();
        assertThat(chineseKeys).as("values in " + CHINESE_FILE + " with a single '").isEmpty();
    }

    @Test
    void chineseIsTranslated() {
        Set<String> copied = new TreeSet<>();
        CHINESE.forEach((key, chinese) -> {
            String english = ENGLISH.get(key);
            String words = MARKUP.matcher(chinese).replaceAll("");
            boolean allowed = SAME_IN_BOTH.contains(chinese) || !LATIN_LETTER.matcher(words).find();
            if (chinese.equals(english) && !allowed) {
                copied.add(key);
            }
        });

        assertThat(copied).as("values in " + CHINESE_FILE + " copied from English").isEmpty();
    }

    @Test
    void argumentIndicesSkipQuotedText() {
        assertThat(argumentIndices("Layer {0} has {1} units")).containsExactly(0, 1);
        assertThat(argumentIndices("The network''s {2}")).containsExactly(2);
        assertThat(argumentIndices("'{0}' is literal, {1,number} is not")).containsExactly(1);
    }

    /** Returns the MessageFormat argument indices or, for picocli texts, the picocli variables. */
    private static Set<String> placeholders(String key, String value) {
        Set<String> found = new TreeSet<>();
        if (isPicocliText(key)) {
            Matcher matcher = PICOCLI_VARIABLE.matcher(value);
            while (matcher.find()) {
                found.add(matcher.group());
            }
        } else {
            argumentIndices(value).forEach(index -> found.add("{" + index + "}"));
        }
        return found;
    }

    private static boolean isPicocliText(String key) {
        return PICOCLI_PREFIXES.stream().anyMatch(key::startsWith);
    }

    /** Returns the keys of MessageFormat patterns, leaving out the texts that picocli reads. */
    private static Map<String, String> messageFormats(Map<String, String> bundle) {
        Map<String, String> patterns = new TreeMap<>(bundle);
        patterns.keySet().removeIf(BundleConsistencyTest::isPicocliText);
        return patterns;
    }

    /**
     * Returns the argument indices a MessageFormat pattern uses, leaving out text in single
     * quotes, which MessageFormat shows literally. A doubled quote is a literal apostrophe.
     */
    static Set<Integer> argumentIndices(String pattern) {
        StringBuilder unquoted = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                i++;
            } else if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted) {
                unquoted.append(c);
            }
        }

        Set<Integer> indices = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(unquoted);
        while (matcher.find()) {
            indices.add(Integer.parseInt(matcher.group(1)));
        }
        return indices;
    }

    private static Set<String> blankKeys(Map<String, String> bundle) {
        return bundle.entrySet().stream()
                .filter(entry -> entry.getValue().isBlank())
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Returns the keys whose values MessageFormat cannot parse, each with the parser's message. */
    private static Map<String, String> unparsableValues(Map<String, String> bundle) {
        Map<String, String> failures = new TreeMap<>();
        bundle.forEach((key, value) -> {
            try {
                new MessageFormat(value);
            } catch (IllegalArgumentException invalid) {
                failures.put(key, invalid.getMessage());
            }
        });
        return failures;
    }

    private static Set<String> keysMatching(Map<String, String> bundle, Pattern pattern) {
        return bundle.entrySet().stream()
                .filter(entry -> pattern.matcher(entry.getValue()).find())
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Reads a bundle file as UTF-8, as {@link java.util.ResourceBundle} does since Java 9. The
     * decoder raises on malformed bytes, so a file saved in another encoding fails here.
     */
    private static Map<String, String> load(String fileName) {
        Properties properties = new Properties();
        try (InputStream input = Messages.class.getResourceAsStream(fileName)) {
            if (input == null) {
                throw new IllegalStateException("No bundle file " + fileName + " next to " + Messages.class.getName());
            }
            try (Reader reader = new InputStreamReader(input, StandardCharsets.UTF_8.newDecoder())) {
                properties.load(reader);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }

        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return values;
    }
}
