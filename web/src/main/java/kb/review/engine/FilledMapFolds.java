package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SourceFile;

/**
 * One finding for one race on a shared map (session 41, conc41). An edit that makes a shared map plain at its
 * declaration (a concurrent type swapped away, or a plain field of an object threads share) and, in the same change,
 * rewrites the map's one atomic fill ({@code computeIfAbsent}) into get, a test, then put, is reported twice: once at
 * the declaration, once at the put ({@code atomic-map-call-replaced}). Both lines are one defect: threads that miss at
 * once race in the fill, and its fix touches both (the concurrent type back, one atomic call in place of the pair).
 * The put is where the race happens and where the remedy starts, so the declaration's finding gives way to it and the
 * put's finding names the declaration as a step of its path.
 *
 * <p>Only a declaration finding of the same file whose declared name is the map the put fills is folded; a put on
 * another map, or a declaration with no rewritten fill, keeps its own finding. Linear in the review's findings.
 */
final class FilledMapFolds {

    /** The rules that report a shared map at its declaration. */
    private static final Set<String> DECLARATIONS = Set.of(ReplacedConcurrentCollections.RULE,
            "java-plain-collection-of-shared-object", "java-static-cache-plain-map");
    /** The name a declaration builds: group 1. */
    private static final Pattern DECLARED = Pattern.compile("(\\w+)\\s*=\\s*(?:new\\b|[\\w.]+\\s*\\.\\s*(?:<[^()]*>\\s*)?\\w+\\s*\\()");
    /** The map a put fills: group 1. */
    private static final Pattern FILLED = Pattern.compile("^(?:this\\s*\\.\\s*)?(\\w+)\\s*\\.\\s*put\\s*\\(");
    /** The receiver of a call: group 1. */
    private static final Pattern CALLED = Pattern.compile("(?<![\\w.])(?:this\\s*\\.\\s*)?(\\w+)\\s*\\.\\s*\\w+\\s*\\(");

    private FilledMapFolds() {
    }

    static void fold(List<Finding> findings, Map<String, SourceFile> byPath) {
        List<Finding> fills = findings.stream().filter(f -> f.rule().equals(ReplacedAtomicMapCalls.RULE)).toList();
        for (Finding fill : fills) {
            // (session 43) the fill stands at its test; its last step is the put
            int put = fill.flow().isEmpty() ? fill.line() : fill.flow().get(fill.flow().size() - 1).line();
            SourceFile file = byPath.get(fill.path());
            String putCode = file == null ? fill.code() : file.written(put).strip();
            Matcher m = FILLED.matcher(putCode);
            if (!m.find()) {
                continue;
            }
            String map = m.group(1);
            List<Finding> declared = new ArrayList<>();
            for (Finding f : findings) {
                if (DECLARATIONS.contains(f.rule()) && f.path().equals(fill.path()) && names(f, map)) {
                    declared.add(f);
                }
            }
            if (declared.isEmpty()) {
                continue;
            }
            // a declaration's finding that SharedWriteAnchors moved to a write keeps the declaration as its first step
            int at = declared.get(0).flow().isEmpty() ? declared.get(0).line() : declared.get(0).flow().get(0).line();
            List<Finding.Step> flow = new ArrayList<>(fill.flow());
            flow.add(0, new Finding.Step(at, "`" + map + "` is declared here as a plain collection that threads share"));
            Finding folded = new Finding(fill.rule(), fill.item(), fill.severity(), fill.path(), put,
                    fill.column(), putCode, fill.message() + " The same change leaves `" + map + "` a plain map "
                    + "at line " + at + ", so the fix is at both lines: a concurrent map there and one atomic call "
                    + "(computeIfAbsent, putIfAbsent) here.", fill.confidence(), fill.note(), fill.origin(),
                    fill.suppression(), flow);
            findings.removeAll(declared);
            findings.set(findings.indexOf(fill), folded);
        }
    }

    /**
     * True when the finding stands at the declaration of {@code map}, or (moved there by {@link SharedWriteAnchors}) at
     * a write of it: a call on {@code map} ({@code map.put(k, v)}, {@code return MAP.computeIfAbsent(k, f)}).
     */
    private static boolean names(Finding f, String map) {
        Matcher d = DECLARED.matcher(f.code());
        if (d.find() && d.group(1).equals(map)) {
            return true;
        }
        Matcher c = CALLED.matcher(f.code());
        while (c.find()) {
            if (c.group(1).equals(map)) {
                return true;
            }
        }
        return false;
    }
}
