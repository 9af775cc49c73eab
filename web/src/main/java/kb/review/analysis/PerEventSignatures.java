package kb.review.analysis;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kb.format.YamlTree;
import org.yaml.snakeyaml.nodes.Node;

/**
 * (session 48) A model file's {@code per-event:} list: the signatures of the entry points a framework or a library
 * calls once per unit of traffic (an HTTP request, a reconcile, an informer's object event, a consumed message, a
 * buffer written). Each entry is a regex on a function's head written on one line as {@code Name(params) results}
 * ({@code ServeHTTP(w http.ResponseWriter, r *http.Request)}); a team adds its framework's entry points here, without
 * Java. The log readings take a function matching one for a function that runs per event.
 */
final class PerEventSignatures {

    /** One signature: its language, the regex and {@code file:line} of the entry. */
    record Signature(String language, Pattern head, String source) {
    }

    /** Heads any sensible entry must not match all of: a pattern matching these matches every function. */
    private static final List<String> EVERY_HEAD = List.of("main()", "run(ctx context.Context) error",
            "String() string", "void close()", "New(cfg Config) *Server");

    private PerEventSignatures() {
    }

    /**
     * Reads a model file's {@code per-event:} list in its language's form: one key, two forms. A Go model lists
     * function-head patterns (read here); a Java model lists kinds of method by name, parameters, supertypes and
     * annotations ({@link PerEventEntries}), since a Java method's role shows in its class and annotations more than
     * in its head.
     */
    static void readEither(YamlTree y, String name, String language, Map<String, Node> top,
                           List<PerEventEntries.PerEvent> kinds, List<Signature> heads) {
        if ("go".equals(language)) {
            read(y, name, language, top, heads);
        } else {
            PerEventEntries.read(y, name, language, top, kinds);
        }
    }

    /**
     * Reads {@code per-event:}; every mistake is reported at the entry's line: not a list, an empty or non-text
     * entry, an invalid regex, or a pattern that matches every function head.
     */
    static void read(YamlTree y, String name, String language, Map<String, Node> top, List<Signature> out) {
        for (PatternLists.Entry e : PatternLists.read(y, top, "per-event", "function-head patterns", "per-event",
                EVERY_HEAD, "matches every function: name the entry point")) {
            out.add(new Signature(language, e.pattern(), name + ":" + YamlTree.line(e.node())));
        }
    }
}
