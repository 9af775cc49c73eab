package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kb.format.YamlTree;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates the {@code returns-error:} (Go) and {@code context-variants:} sections of a model file (see
 * {@link ErrorModel} and {@link ContextModel}); both list calls with receiver narrowing.
 */
final class ErrorModels {

    private static final Set<String> KEYS = Set.of("id", "shows", "calls", "declared", "except", "helpers");
    private static final Set<String> CALL_KEYS = Set.of("call", "results", "receiver-type", "receiver", "args",
            "arg-type", "arg");
    private static final Set<String> VARIANT_KEYS = Set.of("id", "given", "calls");
    private static final Set<String> VARIANT_CALL_KEYS = Set.of("call", "use", "receiver-type", "receiver", "args",
            "bounded");
    private static final Set<String> GIVEN_KEYS = Set.of("type", "name");

    /** The {@code context-variants:} section. */
    static void readVariants(YamlTree y, String file, String language, Map<String, Node> top, List<ContextModel> out,
                             Set<String> ids) {
        if (!top.containsKey("context-variants")) {
            return;
        }
        boolean java = "java".equals(language);
        for (Node n : y.sequence(top, "context-variants")) {
            Map<String, Node> m = y.mapping(n, "a context-variants entry", VARIANT_KEYS);
            if (m == null) {
                continue;
            }
            String id = Models.uniqueId(y, m, n, "context-variants", language, ids);
            List<ContextModel.Given> given = new ArrayList<>();
            if (m.containsKey("given") && !java) {
                y.error(m.get("given"), "'given' is for java model files: Go's context parameter is known");
            }
            for (Node g : m.containsKey("given") ? y.sequence(m, "given") : List.<Node>of()) {
                Map<String, Node> gm = y.mapping(g, "a given parameter", GIVEN_KEYS);
                Pattern type = gm == null ? null : Models.regex(y, gm, "type");
                if (gm != null && type == null && !gm.containsKey("type")) {
                    y.error(g, "a given parameter needs 'type'");
                }
                if (type != null) {
                    given.add(new ContextModel.Given(type, Models.regex(y, gm, "name")));
                }
            }
            if (java && given.isEmpty()) {
                y.error(n, "a java context-variants entry needs 'given': the parameters that carry a deadline");
            }
            List<ContextModel.Call> calls = new ArrayList<>();
            for (Node c : y.sequence(m, "calls")) {
                Map<String, Node> cm = y.mapping(c, "a context-variants call", VARIANT_CALL_KEYS);
                if (cm == null) {
                    continue;
                }
                String use = y.string(cm, "use", c, true);
                Pattern call = Models.regex(y, cm, "call");
                if (call == null && !cm.containsKey("call")) {
                    y.error(c, "a context-variants call needs 'call'");
                }
                if (call != null && use != null) {
                    calls.add(new ContextModel.Call(call, use, Models.regex(y, cm, "receiver-type"),
                            Models.regex(y, cm, "receiver"), Models.regex(y, cm, "args"),
                            Models.regex(y, cm, "bounded")));
                }
            }
            if (calls.isEmpty()) {
                y.error(n, "a context-variants entry needs at least one call");
            }
            out.add(new ContextModel(id, language, List.copyOf(given), calls, file + ":" + YamlTree.line(n)));
        }
    }

    private ErrorModels() {
    }

    static void read(YamlTree y, String file, String language, Map<String, Node> top, List<ErrorModel> out,
                     Set<String> ids) {
        if (!top.containsKey("returns-error")) {
            return;
        }
        if (!"go".equals(language)) {
            y.error(top.get("returns-error"), "'returns-error' is for go model files (Java checks exceptions)");
        }
        for (Node n : y.sequence(top, "returns-error")) {
            Map<String, Node> m = y.mapping(n, "a returns-error entry", KEYS);
            if (m == null) {
                continue;
            }
            String id = Models.uniqueId(y, m, n, "returns-error", language, ids);
            String shows = y.string(m, "shows", n, true);
            List<ErrorModel.Call> calls = new ArrayList<>();
            for (Node c : y.sequence(m, "calls")) {
                Map<String, Node> cm = y.mapping(c, "a returns-error call", CALL_KEYS);
                if (cm == null) {
                    continue;
                }
                String results = y.string(cm, "results", c, true);
                if (results != null && !results.matches("[1-9]")) {
                    y.error(cm.get("results"), "results must be the number of results, 1-9, got '" + results + "'");
                    continue;
                }
                Pattern call = Models.regex(y, cm, "call");
                if (call == null) {
                    if (!cm.containsKey("call")) {
                        y.error(c, "a returns-error call needs 'call'");
                    }
                    continue;
                }
                if (results != null) {
                    calls.add(new ErrorModel.Call(call, Integer.parseInt(results), Models.regex(y, cm, "receiver-type"),
                            Models.regex(y, cm, "receiver"), Models.regex(y, cm, "args"),
                            Models.regex(y, cm, "arg-type"), Models.regex(y, cm, "arg")));
                }
            }
            String declared = m.containsKey("declared") ? y.string(m, "declared", n, true) : "false";
            if (calls.isEmpty() && !"true".equals(declared)) {
                // an entry of the file's own functions only (`declared: true`) may list no library call
                y.error(n, "a returns-error entry needs at least one call, or 'declared: true'");
            }
            if (declared != null && !declared.matches("true|false")) {
                y.error(m.get("declared"), "declared must be true or false, got '" + declared + "'");
            }
            String helpers = m.containsKey("helpers") ? y.string(m, "helpers", n, true) : "true";
            if (helpers != null && !helpers.matches("true|false")) {
                y.error(m.get("helpers"), "helpers must be true or false, got '" + helpers + "'");
            }
            out.add(new ErrorModel(id, language, shows, calls, file + ":" + YamlTree.line(n), "true".equals(declared),
                    m.containsKey("except") ? Models.regex(y, m, "except") : null, !"false".equals(helpers)));
        }
    }
}
