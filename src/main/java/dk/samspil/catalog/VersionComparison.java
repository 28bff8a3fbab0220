package dk.samspil.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What changed between two versions of a package, field by field: every value of the one that differs from the
 * other's, named in Danish ("Programmet › nr. 3 › Minutter"), with the text before and after.
 */
@Component
class VersionComparison {

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");

    /** One changed value; {@code before} or {@code after} is null where the value was added or removed. */
    record Change(String field, String before, String after) {}

    private final JsonMapper json;
    private final MessageSource messages;

    VersionComparison(JsonMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    List<Change> between(PackageDefinition before, PackageDefinition after) {
        Map<List<String>, String> a = new LinkedHashMap<>();
        Map<List<String>, String> b = new LinkedHashMap<>();
        flatten(json.valueToTree(before), new ArrayList<>(), a);
        flatten(json.valueToTree(after), new ArrayList<>(), b);
        Set<List<String>> paths = new LinkedHashSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<Change> changes = new ArrayList<>();
        for (List<String> path : paths) {
            String was = a.get(path);
            String is = b.get(path);
            if (was == null ? is != null : !was.equals(is)) {
                changes.add(new Change(label(path), was, is));
            }
        }
        return changes;
    }

    private static void flatten(JsonNode node, List<String> path, Map<List<String>, String> into) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                path.add(field.getKey());
                flatten(field.getValue(), path, into);
                path.remove(path.size() - 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.add("#" + (i + 1));
                flatten(node.get(i), path, into);
                path.remove(path.size() - 1);
            }
        } else {
            into.put(List.copyOf(path), node.asString());
        }
    }

    /** The path in Danish: each field by its name in the bundle (the name itself if it has none), places by number. */
    private String label(List<String> path) {
        List<String> parts = new ArrayList<>();
        for (String part : path) {
            parts.add(
                    part.startsWith("#")
                            ? messages.getMessage("editor.diff.number", new Object[] {part.substring(1)}, DANISH)
                            : messages.getMessage("editor.field." + part, null, part, DANISH));
        }
        return String.join(" › ", parts);
    }
}
