package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kb.format.YamlTree;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates the {@code needs-timeout:} and {@code built-once:} sections of a model file (see
 * {@link TimeoutModel}; a built-once entry is one with no timeout list).
 */
final class TimeoutModels {

    private static final Set<String> KEYS = Set.of("id", "shows", "built-by", "timeout", "needs", "disabled",
            "uses", "configures", "local-use", "context-bound", "local-file", "per-use", "unread-by", "convention",
            "config-bound");
    private static final Set<String> BUILD_KEYS = Set.of("call", "new", "literal", "name", "args", "defaults",
            "peer", "receiver-type");

    private TimeoutModels() {
    }

    /** The {@code needs-timeout:} section. */
    static void read(YamlTree y, String file, String language, Map<String, Node> top, List<TimeoutModel> out,
                     Set<String> ids) {
        for (Node n : entries(y, top, "needs-timeout")) {
            Map<String, Node> m = y.mapping(n, "a needs-timeout entry", KEYS);
            if (m == null) {
                continue;
            }
            List<TimeoutModel.Build> builds = head(y, "needs-timeout", language, n, m, ids);
            List<Pattern> timeout = new ArrayList<>();
            for (String t : y.strings(m, "timeout")) {
                Models.addPattern(y, m.get("timeout"), t, timeout);
            }
            String needs = m.containsKey("needs") ? y.string(m, "needs", n, true) : "any";
            if (needs != null && !needs.equals("any") && !needs.equals("all")) {
                y.error(m.get("needs"), "needs must be any or all, got '" + needs + "'");
            }
            if (timeout.isEmpty() && m.containsKey("needs")) {
                y.error(m.get("needs"), "'needs' applies to the 'timeout' list, which is empty");
            }
            boolean safe = builds.stream().anyMatch(TimeoutModel.Build::safe);
            Pattern disabled = Models.regex(y, m, "disabled");
            if (safe && (timeout.isEmpty() || disabled == null)) {
                y.error(n, "'defaults: safe' needs a 'timeout' list and a 'disabled' pattern: only a timeout switched"
                        + " off can be reported");
            }
            out.add(new TimeoutModel(y.string(m, "id", n, false), language, y.string(m, "shows", n, false), builds,
                    timeout, "all".equals(needs), disabled, y.strings(m, "uses"), y.strings(m, "configures"),
                    file + ":" + YamlTree.line(n), Models.regex(y, m, "local-use"),
                    Models.regex(y, m, "context-bound"), Models.regex(y, m, "local-file"), perUse(y, m, "per-use"),
                    perUse(y, m, "unread-by"), Models.regex(y, m, "config-bound"),
                    Models.regex(y, m, "convention")));
        }
    }

    private static List<Pattern> perUse(YamlTree y, Map<String, Node> m, String key) {
        List<Pattern> out = new ArrayList<>();
        for (String t : y.strings(m, key)) {
            Models.addPattern(y, m.get(key), t, out);
        }
        return out;
    }

    private static final Set<String> ONCE_KEYS = Set.of("id", "shows", "built-by", "uses");

    /** The {@code built-once:} section: clients and pools that are meant to be built once and shared. */
    static void readOnce(YamlTree y, String file, String language, Map<String, Node> top, List<TimeoutModel> out,
                         Set<String> ids) {
        for (Node n : entries(y, top, "built-once")) {
            Map<String, Node> m = y.mapping(n, "a built-once entry", ONCE_KEYS);
            if (m != null) {
                List<TimeoutModel.Build> builds = head(y, "built-once", language, n, m, ids);
                out.add(new TimeoutModel(y.string(m, "id", n, false), language, y.string(m, "shows", n, false),
                        builds, List.of(), false, null, y.strings(m, "uses"), List.of(), file + ":" + YamlTree.line(n)));
            }
        }
    }

    private static List<Node> entries(YamlTree y, Map<String, Node> top, String section) {
        return top.containsKey(section) ? y.sequence(top, section) : List.of();
    }

    /** Checks the id (required, unique per section and language) and shows, and reads the constructions. */
    private static List<TimeoutModel.Build> head(YamlTree y, String section, String language, Node n,
                                                 Map<String, Node> m, Set<String> ids) {
        Models.uniqueId(y, m, n, section, language, ids);
        y.string(m, "shows", n, true);
        List<TimeoutModel.Build> builds = new ArrayList<>();
        for (Node b : y.sequence(m, "built-by")) {
            TimeoutModel.Build build = build(y, b, language);
            if (build != null) {
                builds.add(build);
            }
        }
        if (builds.isEmpty()) {
            y.error(n, "a " + section + " entry needs at least one 'built-by' entry");
        }
        return builds;
    }

    private static TimeoutModel.Build build(YamlTree y, Node b, String language) {
        Map<String, Node> m = y.mapping(b, "a built-by entry", BUILD_KEYS);
        if (m == null) {
            return null;
        }
        List<String> vias = new ArrayList<>();
        for (String k : List.of("call", "new", "literal", "name")) {
            if (m.containsKey(k)) {
                vias.add(k);
            }
        }
        if (vias.size() != 1) {
            y.error(b, "a built-by entry needs exactly one of 'call', 'new', 'literal' or 'name'");
            return null;
        }
        String via = vias.get(0);
        if (via.equals("new") && "go".equals(language) || via.equals("literal") && "java".equals(language)) {
            y.error(m.get(via), "'" + via + "' is not for " + language
                    + " (Go builds with 'literal', Java with 'new')");
        }
        String defaults = m.containsKey("defaults") ? y.string(m, "defaults", b, true) : "none";
        if (defaults != null && !defaults.equals("none") && !defaults.equals("safe")) {
            y.error(m.get("defaults"), "defaults must be none or safe, got '" + defaults + "'");
        }
        Pattern p = Models.regex(y, m, via);
        if (p == null) {
            return null;
        }
        String peer = m.containsKey("peer") ? y.string(m, "peer", b, true) : null;
        // Java takes request-handler only (session 53): built where it is built again, in a loop's turn
        if (peer != null && (!peer.equals("receiver-field") && !peer.equals("receiver-config")
                && !peer.equals("request-handler") || !"go".equals(language) && !peer.equals("request-handler"))) {
            y.error(m.get("peer"), "peer must be receiver-field, receiver-config or request-handler, in a Go file"
                    + " (request-handler in a Java one), got '" + peer + "'");
        }
        if (m.containsKey("receiver-type") && !(via.equals("call") && "java".equals(language))) {
            y.error(m.get("receiver-type"), "'receiver-type' is for Java 'call' entries only");
        }
        return new TimeoutModel.Build(TimeoutModel.Via.valueOf(via.toUpperCase(java.util.Locale.ROOT)), p,
                Models.regex(y, m, "args"), "safe".equals(defaults), "receiver-field".equals(peer),
                "receiver-config".equals(peer), "request-handler".equals(peer), Models.regex(y, m, "receiver-type"));
    }
}
