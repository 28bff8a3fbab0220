package dk.samspil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every message key the templates and the code use exists in the Danish bundles (one per module under i18n/). */
class MessageKeysTests {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)[}(]");
    private static final Pattern ANNOTATION_KEY = Pattern.compile("message = \"\\{([A-Za-z0-9_.]+)}\"");
    private static final Pattern LITERAL_KEY = Pattern.compile(
            "\"((?:import|practice|member|cluster|upload|catalog|login|error|order|timeline|mail|outbox|invitation|calendar|survey|servicedata|municipal|deck|meeting|pko|insight)\\.[A-Za-z0-9_.]+)\"");

    @Test
    void everyKeyUsedIsInTheDanishBundle() throws IOException {
        Properties danish = new Properties();
        try (Stream<Path> bundles = Files.walk(Path.of("src/main/resources"))) {
            for (Path bundle : bundles.filter(p -> p.getFileName().toString().endsWith("_da.properties"))
                    .toList()) {
                try (InputStream in = Files.newInputStream(bundle)) {
                    danish.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
        }
        Set<String> used = new TreeSet<>();
        collect(Path.of("src/main/resources/templates"), TEMPLATE_KEY, used);
        collect(Path.of("src/main/java"), ANNOTATION_KEY, used);
        collect(Path.of("src/main/java"), LITERAL_KEY, used);
        assertThat(used).hasSizeGreaterThan(50);
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(danish.stringPropertyNames());
        // A numbered list (BundleTexts.texts: key.1, key.2, ...) and a key completed in code ("deck.slide.party." +
        // name).
        missing.removeIf(key -> danish.containsKey(key + ".1")
                || (key.endsWith(".") && danish.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))));
        assertThat(missing)
                .as("message keys used but not in messages_da.properties")
                .isEmpty();
    }

    private static void collect(Path root, Pattern pattern, Set<String> keys) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
    }
}
