package kb.review.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go functions of the change, in another file, that build a value the models list as built once (an
 * {@code http.Transport}, a {@code *sql.DB}) and hand a new one back on every call: {@code func Client(...) *http.Client
 * { return &http.Client{Transport: &http.Transport{...}} }}. A call of one is a construction where it is made, as
 * the literal would be there: in a handler it builds a new pool per request. Read from the function's text, as
 * {@link Summaries} keeps it; a function that stores what it builds (a field, a cache, a {@code sync.Once}) is not
 * one, and the file that declares it is judged by {@link PerCall} on its own lines.
 */
public final class GoFactories {

    /** A function that returns a new value of {@code model} on each call. */
    public record Factory(String name, String file, TimeoutModel model) {
    }

    private static final Pattern LITERAL = Pattern.compile("([\\w.]+)\\s*\\{");
    private static final Pattern CALL = Pattern.compile("([\\w.]+)\\s*\\(");
    /** A write to a field or an element, a one-time guard, a cache: what is built is kept, not handed out anew. */
    private static final Pattern STORES = Pattern.compile("[\\w\\]]\\.\\w+\\s*=[^=]|\\]\\s*=[^=]|\\bsync\\.Once\\b"
            + "|\\.Do\\s*\\(|\\.LoadOrStore\\s*\\(");

    private GoFactories() {
    }

    /** The factories of the change, by name, that {@code text} (the file at {@code path}) may call. */
    public static Map<String, Factory> calledFrom(String text, String path, Summaries summaries,
                                                  List<TimeoutModel> pools) {
        Map<String, Factory> out = new HashMap<>();
        if (pools.isEmpty()) {
            return out;
        }
        summaries.all().forEach(f -> {
            if (f.file() == null || f.file().equals(path) || f.owner() != null && !f.owner().isEmpty()
                    || out.containsKey(f.name())) {
                return;
            }
            // a body is read once per review (most build nothing); after that the file's text only for those that do
            TimeoutModel m = summaries.builtAnew(f, pools, () -> text.contains(f.name() + "("));
            if (m != null && text.contains(f.name() + "(")) {
                out.put(f.name(), new Factory(f.name(), f.file(), m));
            }
        });
        return out;
    }

    /** The model of a value {@code body} builds and returns, storing it nowhere; null when there is none. */
    static TimeoutModel returnedNew(String body, List<TimeoutModel> pools) {
        if (STORES.matcher(body).find()) {
            return null;
        }
        for (TimeoutModel m : pools) {
            for (TimeoutModel.Build b : m.builds()) {
                Pattern shape = switch (b.via()) {
                    case LITERAL -> LITERAL;
                    case CALL -> CALL;
                    default -> null;
                };
                Matcher c = shape == null ? null : shape.matcher(body);
                while (c != null && c.find()) {
                    if (b.pattern().matcher(c.group(1)).find() && returned(body, c.start())) {
                        return m;
                    }
                }
            }
        }
        return null;
    }

    /**
     * True when the construction at {@code at} is in the expression a {@code return} hands back, directly or inside
     * the literal it returns, or is held by a local that a {@code return} names.
     */
    private static boolean returned(String body, int at) {
        int statement = Math.max(body.lastIndexOf('\n', at), body.lastIndexOf(';', at)) + 1;
        String head = body.substring(statement, at).strip();
        if (head.startsWith("return ")) {
            return true;
        }
        Matcher local = Pattern.compile("^(\\w+)\\s*:?=").matcher(head);
        if (local.find()) {
            return Pattern.compile("\\breturn\\s+(&?[\\w.]+\\s*\\{[^}]*)?\\b" + local.group(1) + "\\b")
                    .matcher(body.substring(at)).find();
        }
        // inside a literal that spans lines: the statement that opened it
        int depth = 0;
        for (int i = at - 1; i >= 0; i--) {
            char ch = body.charAt(i);
            depth += ch == '}' ? 1 : ch == '{' ? -1 : 0;
            if (depth < 0) {
                return returned(body, i);
            }
        }
        return false;
    }
}
