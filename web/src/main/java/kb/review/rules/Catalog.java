package kb.review.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import kb.format.ChecklistItem.Severity;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The checklist items and the incidents that cite them, read from the front matter of {@code content/checklist/*.md}
 * and {@code content/incidents/*.md}. Only the fields a review shows are read; full validation is the format
 * parser's job, so a file whose front matter cannot be read is skipped here rather than failing a review.
 */
public final class Catalog {

    /** An incident a checklist item was written after. */
    public record IncidentRef(String id, String title, String severity) {
    }

    /** A checklist item and the incidents behind it (sorted by id). */
    public record Item(String id, String title, String area, Severity severity, List<IncidentRef> incidents) {
    }

    private final Map<String, Item> items;

    public Catalog(Map<String, Item> items) {
        this.items = Map.copyOf(items);
    }

    public static Catalog empty() {
        return new Catalog(Map.of());
    }

    /** Reads {@code contentDir/checklist} and {@code contentDir/incidents}; missing folders give an empty catalog. */
    public static Catalog load(Path contentDir) throws IOException {
        Map<String, Map<String, Object>> checklist = frontMatters(contentDir.resolve("checklist"));
        Map<String, Map<String, Object>> incidents = frontMatters(contentDir.resolve("incidents"));
        Map<String, List<IncidentRef>> byItem = new LinkedHashMap<>();
        for (Map<String, Object> fm : incidents.values()) {
            String id = str(fm.get("id"));
            if (id == null || "draft".equals(str(fm.get("status")))) {
                continue;
            }
            IncidentRef ref = new IncidentRef(id, str(fm.getOrDefault("title", id)), str(fm.get("severity")));
            if (fm.get("checklist") instanceof List<?> ids) {
                for (Object item : ids) {
                    byItem.computeIfAbsent(String.valueOf(item), k -> new ArrayList<>()).add(ref);
                }
            }
        }
        Map<String, Item> items = new LinkedHashMap<>();
        for (Map<String, Object> fm : checklist.values()) {
            String id = str(fm.get("id"));
            if (id == null) {
                continue;
            }
            List<IncidentRef> refs = new ArrayList<>(byItem.getOrDefault(id, List.of()));
            refs.sort(Comparator.comparing(IncidentRef::id));
            items.put(id, new Item(id, str(fm.getOrDefault("title", id)), str(fm.get("area")),
                    severity(str(fm.get("severity"))), List.copyOf(refs)));
        }
        return new Catalog(items);
    }

    public Optional<Item> item(String id) {
        return Optional.ofNullable(items.get(id));
    }

    public Map<String, Item> items() {
        return items;
    }

    /** The item's title, or its id when the item is unknown. */
    public String title(String id) {
        return item(id).map(Item::title).orElse(id);
    }

    public List<IncidentRef> incidents(String itemId) {
        return item(itemId).map(Item::incidents).orElse(List.of());
    }

    private static Severity severity(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Severity.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String str(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    private static Map<String, Map<String, Object>> frontMatters(Path dir) throws IOException {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        for (Path p : files) {
            frontMatter(Files.readString(p, StandardCharsets.UTF_8)).ifPresent(fm -> out.put(p.toString(), fm));
        }
        return out;
    }

    static Optional<Map<String, Object>> frontMatter(String text) {
        String t = text.replace("\r\n", "\n");
        if (!t.startsWith("---\n")) {
            return Optional.empty();
        }
        int end = t.indexOf("\n---", 4);
        if (end < 0) {
            return Optional.empty();
        }
        try {
            Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(t.substring(4, end));
            if (o instanceof Map<?, ?> m) {
                Map<String, Object> fm = new LinkedHashMap<>();
                m.forEach((k, v) -> fm.put(String.valueOf(k), v));
                return Optional.of(fm);
            }
        } catch (RuntimeException e) {
            // an unreadable file is reported by the content validator, not by the review
        }
        return Optional.empty();
    }
}
