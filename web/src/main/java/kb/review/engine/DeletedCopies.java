package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A change that deletes the per-call copy of a map it was handed and writes into the original instead (CONC-03):
 * the deleted lines made {@code opts} from {@code ec.Parameters} (a {@code make} and a {@code range} copy,
 * {@code maps.Clone}, a {@code Copy()}/{@code Clone()}/{@code DeepCopy()} method, Java's {@code new HashMap<>(x)} or
 * {@code Map.copyOf}) and the added lines write {@code ec.Parameters["k"] = v} (or {@code x.put(k, v)}). The copy
 * was the code's own word that the map belongs to someone else (a config shared by the layers encrypted in parallel,
 * labels of a shared object, a resource's annotations read by other goroutines); writing into it races every other
 * reader and writer ("concurrent map writes"), and leaks the call's key into every later call. Real fixes that added
 * such a copy (session 32's breadth pass, classes25/conc32-deleted-map-copy): RichiH/modbus_exporter#75,
 * kubermatic#13804, kube-burner#536, netobserv/flowlogs-pipeline#226. Reported at the added write, at high
 * confidence when the hunk's lines or comment say the value is shared (parallel, concurrent, goroutines, shared, at
 * once), low otherwise. Silent when the change copies the map again on another line (renamed copy) or takes a
 * lock.
 */
final class DeletedCopies {

    static final String RULE = "map-copy-deleted";

    /** Go: {@code opts := maps.Clone(ec.Parameters)}, {@code l := copyLabels(obj.Labels)}; group 1 the source. */
    private static final Pattern GO_CLONE = Pattern.compile(
            "(?::=|=)\\s*(?:maps\\.Clone|\\w*(?i:copy|clone)\\w*)\\(\\s*([\\w.]+(?:\\(\\))?)\\s*\\)");
    /** Go: {@code x := ec.Parameters.Copy()}; group 1 the source. */
    private static final Pattern GO_METHOD_COPY = Pattern.compile(
            "(?::=|=)\\s*([\\w.]+(?:\\(\\))?)\\.(?:Copy|Clone|DeepCopy)\\(\\)");
    /** Go: the copy loop's header {@code for k, v := range ec.Parameters {}; group 1 the source. */
    private static final Pattern GO_RANGE = Pattern.compile(
            "^\\s*for\\s+(\\w+)\\s*,\\s*(\\w+)\\s*:?=\\s*range\\s+([\\w.]+(?:\\(\\))?)\\s*\\{");
    /** Java: {@code new HashMap<>(config.getParams())}, {@code Map.copyOf(x)}, {@code putAll(x)}; groups 1-3. */
    private static final Pattern JAVA_COPY = Pattern.compile(
            "new\\s+(?:Hash|LinkedHash|Tree)Map\\s*<[^>]*>\\s*\\(\\s*([\\w.]+(?:\\(\\))?)\\s*\\)"
                    + "|Map\\.copyOf\\(\\s*([\\w.]+(?:\\(\\))?)\\s*\\)|\\.putAll\\(\\s*([\\w.]+(?:\\(\\))?)\\s*\\)");
    /** Words that say the value is shared between goroutines or threads. */
    private static final Pattern SHARED_WORDS = Pattern.compile(
            "(?i)\\bparallel\\b|\\bconcurrent(?:ly)?\\b|\\bgoroutines\\b|\\bthreads\\b|\\bshared\\b|\\bat once\\b");
    private static final Pattern LOCK = Pattern.compile("\\.R?Lock\\(\\)|\\.lock\\(\\)|\\bsynchronized\\b");

    private DeletedCopies() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        Language lang = file.language();
        if (lang != Language.GO && lang != Language.JAVA || file.change().hunks().isEmpty() || TestCode.isTest(file)) {
            return List.of();
        }
        boolean go = lang == Language.GO;
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            List<String> sources = new ArrayList<>();
            boolean copiedAgain = false;
            boolean locked = false;
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                if (l.kind() == DiffLine.Kind.REMOVED) {
                    String source = copySource(l.text(), go);
                    if (source == null && go && i + 1 < lines.size()) {
                        source = rangeCopy(l.text(), lines.get(i + 1));
                    }
                    if (source != null) {
                        sources.add(source);
                    }
                } else if (l.kind() == DiffLine.Kind.ADDED) {
                    copiedAgain |= copySource(l.text(), go) != null;
                    locked |= LOCK.matcher(l.text()).find();
                }
            }
            if (sources.isEmpty() || copiedAgain || locked) {
                continue;
            }
            for (DiffLine l : lines) {
                if (l.kind() != DiffLine.Kind.ADDED) {
                    continue;
                }
                String written = writtenMap(l.text(), go);
                if (written == null || !sources.contains(written)) {
                    continue;
                }
                Severity severity = catalog.item("CONC-03").map(Catalog.Item::severity).orElse(Severity.WARNING);
                boolean shared = sharedWords(h);
                out.add(new Finding(RULE, "CONC-03", severity, file.path(), l.newLine(), 1, l.text().strip(),
                        "The change deletes the copy of " + written + " that this function made and writes into the "
                                + "original instead: the map belongs to the caller (the copy said so), so every other "
                                + "user of it now sees this call's key, and two calls at once write it together "
                                + "(concurrent map writes). Keep copying it before the write.",
                        shared ? Finding.Confidence.HIGH : Finding.Confidence.LOW,
                        "the review follows the deleted copy; who else holds the map is out of sight", "kb", null));
                break;
            }
        }
        return out;
    }

    /** The map a deleted or added line copies, or null. */
    private static String copySource(String text, boolean go) {
        if (!(text.contains("opy") || text.contains("lone") || text.contains("Map") || text.contains("putAll"))) {
            return null; // no copy's word on the line: skip the regular expressions
        }
        if (go) {
            Matcher m = GO_CLONE.matcher(text);
            if (m.find()) {
                return m.group(1);
            }
            m = GO_METHOD_COPY.matcher(text);
            return m.find() ? m.group(1) : null;
        }
        Matcher m = JAVA_COPY.matcher(text);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    }

    /** The copy loop's body: {@code opts[k] = v}, the key and value of the range. */
    private static final Pattern GO_COPY_BODY = Pattern.compile("^\\s*\\w+\\[(\\w+)\\]\\s*=\\s*(\\w+)\\s*$");

    /** Go: a deleted {@code for k, v := range src {} whose next deleted line is {@code dst[k] = v}: src, or null. */
    private static String rangeCopy(String text, DiffLine next) {
        if (!text.contains("range")) {
            return null;
        }
        Matcher m = GO_RANGE.matcher(text);
        if (!m.find() || next.kind() != DiffLine.Kind.REMOVED) {
            return null;
        }
        Matcher body = GO_COPY_BODY.matcher(next.text());
        return body.find() && body.group(1).equals(m.group(1)) && body.group(2).equals(m.group(2))
                ? m.group(3) : null;
    }

    /** Go: {@code ec.Parameters["k"] = v} (group: the map); Java: {@code config.getParams().put(k, v)}. */
    private static final Pattern GO_WRITE = Pattern.compile("^\\s*([\\w.]+(?:\\(\\))?)\\[[^\\]\\n]+\\]\\s*=(?!=)");
    private static final Pattern JAVA_WRITE = Pattern.compile(
            "^\\s*([\\w.]+(?:\\(\\))?)\\.(?:put|putAll|putIfAbsent|remove|merge|compute\\w*)\\s*\\(");

    private static String writtenMap(String text, boolean go) {
        Matcher m = (go ? GO_WRITE : JAVA_WRITE).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** Whether the hunk's header, comment or lines say the value is shared between goroutines or threads. */
    private static boolean sharedWords(Hunk h) {
        if (SHARED_WORDS.matcher(h.section()).find()) {
            return true;
        }
        for (DiffLine l : h.lines()) {
            if (l.kind() != DiffLine.Kind.REMOVED && SHARED_WORDS.matcher(l.text()).find()) {
                return true;
            }
        }
        return false;
    }
}
