package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kb.format.YamlTree;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The models' {@code per-event:} entries: the kinds of method a framework or library calls once per event it delivers
 * (a request, a message, a record, a packet, an appended log event), so that whatever the method does is done at the
 * event rate although no loop is in sight (LOG-01: a log line there is written per event). Kept as data so that a team
 * adds its own framework's entry points in YAML. One entry:
 * <pre>
 * - kind: servlet-filter                         # a name for the finding's evidence and for errors
 *   methods: 'doFilter|doFilterInternal'         # the method's name, whole
 *   params: '\bServletRequest\b'                 # optional: a regex found in the parameter list
 *   types: '\b(?:Filter|OncePerRequestFilter)\b' # optional: a regex found in the class's extends/implements
 *   annotations: 'KafkaListener|JmsListener'     # optional: an annotation's simple name, whole (alone it suffices)
 *   holds: 'request|req|httpRequest'             # optional: the event parameter's usual names, whole
 * </pre>
 * A method is of the kind when its name matches {@code methods} and its parameters match {@code params} or its class's
 * supertypes match {@code types} (an entry with neither takes the name alone), when it bears one of the
 * {@code annotations}, or, for an entry without {@code methods} and {@code annotations}, when its parameters match
 * {@code params} (a gRPC service method's {@code StreamObserver}). Where the diff does not show the method's header, a line of a class whose supertypes match
 * {@code types} that uses a name matching {@code holds} is taken to be in that method.
 */
public final class PerEventEntries {

    /** One kind of per-event method; null patterns are absent. */
    public record PerEvent(String language, String kind, Pattern methods, Pattern params, Pattern types,
                           Pattern annotations, Pattern holds, String source) {
    }

    private static final Set<String> KEYS = Set.of("kind", "methods", "params", "types", "annotations", "holds");
    /** Names every pattern of a name must not all match: one that does names no entry point. */
    private static final List<String> EVERY_NAME = List.of("x", "get", "toString", "main");

    private PerEventEntries() {
    }

    /**
     * Reads a model file's {@code per-event:} list; every mistake is reported at its entry's line: a missing kind, an
     * entry with neither methods nor annotations, {@code holds} without {@code types}, an invalid regex, or a name
     * pattern that matches any method name.
     */
    static void read(YamlTree y, String name, String language, Map<String, Node> top, List<PerEvent> out) {
        for (Node n : y.sequence(top, "per-event")) {
            Map<String, Node> m = y.mapping(n, "a per-event entry", KEYS);
            if (m == null) {
                continue;
            }
            String kind = y.string(m, "kind", n, true);
            Pattern methods = pattern(y, m, "methods", n);
            Pattern annotations = pattern(y, m, "annotations", n);
            Pattern types = pattern(y, m, "types", n);
            Pattern holds = pattern(y, m, "holds", n);
            if (kind == null) {
                continue;
            }
            Pattern params = pattern(y, m, "params", n);
            boolean named = m.containsKey("methods") || m.containsKey("annotations") || m.containsKey("params");
            if (named && methods == null && annotations == null && params == null) {
                continue; // its patterns' own errors are reported
            }
            if (methods == null && annotations == null && params == null) {
                y.error(n, "per-event entry '" + kind + "' needs 'methods', 'params' or 'annotations'");
                continue;
            }
            if (holds != null && types == null) {
                y.error(m.get("holds"), "per-event entry '" + kind + "': 'holds' is read only with 'types'");
                continue;
            }
            if (methods != null && EVERY_NAME.stream().allMatch(s -> methods.matcher(s).matches())) {
                y.error(m.get("methods"), "per-event entry '" + kind + "': 'methods' matches every method name");
                continue;
            }
            out.add(new PerEvent(language, kind, methods, params, types, annotations, holds,
                    name + ":" + YamlTree.line(n)));
        }
    }

    private static Pattern pattern(YamlTree y, Map<String, Node> m, String key, Node owner) {
        if (!m.containsKey(key)) {
            return null;
        }
        String text = y.string(m, key, owner, true);
        if (text == null || text.isBlank()) {
            y.error(m.get(key), "'" + key + "' must be a non-empty regex");
            return null;
        }
        List<Pattern> one = new ArrayList<>(1);
        Models.addPattern(y, m.get(key), text, one);
        return one.isEmpty() ? null : one.get(0);
    }
}
