package dk.samspil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every text a user reads comes from the message bundles (in the spirit of Spring PetClinic's
 * {@code I18nPropertiesSyncTest}): no Danish string literal in the Java sources, no template text or label that no
 * {@code th:text} replaces. What remains is listed below with its reason — data formats, parsing, identifiers.
 */
class DanishTextTests {

    /** Java literals that look Danish and are not user text, by file: the literal's start and why. */
    static final Map<String, List<String>> JAVA_ALLOWED = Map.ofEntries(
            Map.entry("RegisterRows.java", List.of("([a-zæøå]+)")), // parses Danish month names in uploaded files
            Map.entry("Assurance.java", List.of("høj")), // reads a provider's assurance claim, as some brokers spell it
            Map.entry(
                    "Heading.java",
                    List.of("æ", "ø", "å", "tilmeldte")), // matches uploaded column headings, Danish ones too
            Map.entry(
                    "OrderCalendar.java",
                    List.of("-//Samspil//Klyngemøder//DA")), // the iCalendar PRODID, an identifier
            Map.entry("DemoOrders.java", List.of("Lægerne i Viby")), // demo data, not interface text
            Map.entry(
                    "ClusterController.java",
                    List.of("ydernummer;navn")), // the example file's data format (its header row)
            Map.entry("StartupBanner.java", List.of("Samspil kører")), // the console line for whoever starts the jar
            Map.entry("AuditLogController.java", List.of("fra", "til")), // the audit log filter's query parameter names
            Map.entry(
                    "PackageEditorController.java",
                    List.of("fra", "til")), // the versions' comparison: query parameters
            Map.entry(
                    "PathwayController.java",
                    List.of("fra", "til")), // a care pathway's versions compared: query parameters
            Map.entry("ApprovalLinkController.java", List.of("svar"))); // the anchor of the answer form, not text

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern DANISH =
            Pattern.compile("[æøåÆØÅ]|(?:^|\\s)(?:og|ikke|af|til|fra|eller|skal|kan|har|der|som|ved|efter|før)(?:\\s|$)"
                    // Words of the deck's and the figures' own labels, which once stood in Java.
                    + "|(?:^|\\s)(?:[Ss]var|Andet|Praksis|Ydelse|Patienter|tilmeldte)(?:[\\s:]|$)");

    @Test
    void noDanishStringLiteralInTheJavaSources() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = withoutCommentsAndTextBlocks(Files.readString(file, StandardCharsets.UTF_8));
                List<String> allowed =
                        JAVA_ALLOWED.getOrDefault(file.getFileName().toString(), List.of());
                Matcher m = LITERAL.matcher(code);
                while (m.find()) {
                    String literal = m.group(1);
                    if (DANISH.matcher(literal).find() && allowed.stream().noneMatch(literal::startsWith)) {
                        found.add(file.getFileName() + ": \"" + literal + "\"");
                    }
                }
            }
        }
        assertThat(found).as("Danish text in Java: move it to a message bundle").isEmpty();
    }

    @Test
    void everyTemplateTextAndLabelComesFromTheBundles() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Document doc = Jsoup.parse(Files.readString(file, StandardCharsets.UTF_8), "", Parser.xmlParser());
                for (Element element : doc.getAllElements()) {
                    if (replaced(element) || element.tagName().matches("script|style")) {
                        continue;
                    }
                    String own = element.ownText().strip();
                    if (DANISH.matcher(own).find() || own.matches(".*\\p{L}{3,}.*") && !placeholderOnly(own)) {
                        found.add(file.getFileName() + " <" + element.tagName() + ">: " + own);
                    }
                    for (String attribute : List.of("aria-label", "title", "alt", "placeholder")) {
                        String value = element.attr(attribute);
                        if (!value.isBlank() && value.matches(".*\\p{L}{2,}.*")) {
                            found.add(file.getFileName() + " " + attribute + "=\"" + value + "\"");
                        }
                    }
                }
            }
        }
        assertThat(found)
                .as("template text no th:text replaces: take it from a message bundle")
                .isEmpty();
    }

    /** Whether Thymeleaf replaces the element's text: it, or an element around it, has th:text, th:replace, ... */
    private static boolean replaced(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            for (String attribute :
                    List.of("th:text", "th:utext", "th:replace", "th:insert", "th:remove", "th:errors")) {
                if (e.hasAttr(attribute)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Text that is no words: a separator, a number, an expression. */
    private static boolean placeholderOnly(String text) {
        return text.startsWith("[[") || text.startsWith("${") || text.matches("[\\p{Punct}\\d\\s·–]*");
    }

    private static String withoutCommentsAndTextBlocks(String code) {
        return code.replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"")
                .replaceAll("(?s)/\\*.*?\\*/", "")
                .replaceAll("(?m)^\\s*//.*$", "")
                .replaceAll("\\s//[^\"\\n]*$", "");
    }
}
