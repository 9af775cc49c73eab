package kb.review.analysis;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go functions of the change that build a value the models list as built once (an {@code http.Transport}, a
 * {@code *sql.DB}) and hand a new one back on every call: {@code func Client(...) *http.Client { return
 * &http.Client{Transport: &http.Transport{...}} }}. A call of one is a construction where it is made, as the literal
 * would be there: in a handler it builds a new pool per request. Read from the function's text, as {@link Summaries}
 * keeps it; a function that stores what it builds (a field, a cache, a {@code sync.Once}) is not one.
 * <p>
 * Session 47: also the file's own helpers, functions and methods ({@code func (m *Merchant) newClient()}, {@code
 * newRabbitClient(cfg)} called from {@code ServeHTTP}): the helper returns what it builds, so the helper's own lines
 * are one-time to {@link PerCall} (kept by the return) and the per-call construction is the call in the handler. The
 * real fixes read (dagger/dagger's defaultHTTPClient called per request, mendersoftware/deviceauth's per-request
 * clients, SUSE/connect-ng's callHTTP) build the client in a helper and call it per request. An {@code http.Client}
 * literal counts only with a transport of its own: without one it shares {@code http.DefaultTransport}'s pool.
 */
public final class GoFactories {

    /**
     * A function that returns a new value of {@code model} on each call, and how the calling file names it: bare when
     * both files are one package (one folder), else qualified by one of {@code qualifiers}, the names under which the
     * calling file imports the factory's package.
     */
    public record Factory(String name, String file, TimeoutModel model, boolean bare, Set<String> qualifiers,
                          boolean method) {

        /**
         * True when {@code callee}, as the calling file writes it, is a call of this factory; a method of the file's
         * own is called on any receiver but a package the file imports ({@code qualifiers} are those then).
         */
        public boolean calledAs(String callee) {
            int dot = callee.lastIndexOf('.');
            if (method) {
                return dot > 0 && callee.substring(dot + 1).equals(name)
                        && !qualifiers.contains(callee.substring(0, dot));
            }
            return dot < 0 ? bare && callee.equals(name)
                    : callee.substring(dot + 1).equals(name) && qualifiers.contains(callee.substring(0, dot));
        }
    }

    /** One import spec of a Go file: an optional name, then the quoted path. */
    private static final Pattern IMPORT = Pattern.compile(
            "(?m)^\\s*(?:import\\s*\\(?\\s*)?([\\w.]+\\s+)?\"([^\"\\s]+)\"[ \\t]*(?://.*)?$");

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
        Set<String> imported = new HashSet<>();
        summaries.all().forEach(f -> {
            boolean own = path.equals(f.file());
            boolean method = f.owner() != null && !f.owner().isEmpty();
            if (f.file() == null || method && !own || out.containsKey(f.name())) {
                return;
            }
            java.util.function.BooleanSupplier called = own ? () -> calledHere(text, f.name())
                    : () -> text.contains(f.name() + "(");
            // a body is read once per review (most build nothing); after that the file's text only for those that do
            TimeoutModel m = summaries.builtAnew(f, pools, called);
            if (m == null || !called.getAsBoolean() || own && !ownPool(m, f.body())) {
                return;
            }
            if (own) {
                if (method && imported.isEmpty()) {
                    imported.addAll(importNames(text));
                }
                out.put(f.name(), new Factory(f.name(), f.file(), m, true, method ? imported : Set.of(), method));
            } else {
                String folder = folder(f.file());
                out.put(f.name(), new Factory(f.name(), f.file(), m, folder.equals(folder(path)),
                        qualifiers(text, folder), false));
            }
        });
        return out;
    }

    /** An {@code http.Client} literal with a transport of its own (not the shared default's). */
    private static final Pattern OWN_TRANSPORT = Pattern.compile(
            "\\bTransport\\s*:\\s*(?!http\\.DefaultTransport\\b)\\S");

    /**
     * True when the value a helper of the file builds owns a pool: any model's construction but a client literal
     * that leaves its transport to {@code http.DefaultTransport}, which every such client shares.
     */
    private static boolean ownPool(TimeoutModel m, String body) {
        boolean clientLiteral = m.builds().stream().allMatch(b -> b.via() == TimeoutModel.Via.LITERAL
                && b.pattern().matcher("http.Client").find());
        return !clientLiteral || OWN_TRANSPORT.matcher(body).find();
    }

    /** True when the file calls {@code name} besides declaring it ({@code func name(}, {@code func (r T) name(}). */
    static boolean calledHere(String text, String name) {
        String needle = name + "(";
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            if (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '_')) {
                continue;
            }
            String before = text.substring(text.lastIndexOf('\n', i) + 1, i).strip();
            if (!before.equals("func") && !(before.startsWith("func (") && before.endsWith(")"))) {
                return true;
            }
        }
        return false;
    }

    /** The names under which the file reaches the packages it imports: a receiver is none of them. */
    private static Set<String> importNames(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = IMPORT.matcher(text);
        while (m.find()) {
            String p = m.group(2);
            out.add(m.group(1) != null ? m.group(1).strip() : p.substring(p.lastIndexOf('/') + 1));
        }
        return out;
    }

    private static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /**
     * The names under which a file whose text is {@code text} reaches the package in {@code folder}: the name of each
     * import whose path ends with the folder (or with its last two elements, the module's prefix being unknown), given or
     * the path's last element; and the folder's last element, Go's usual package name, when the file imports nothing
     * else under that name (a hunk far from the import block shows none). {@code errors.New} is never a call of a
     * factory named {@code New} in a folder {@code internal/pool}: the file imports {@code errors} from elsewhere.
     */
    static Set<String> qualifiers(String text, String folder) {
        String last = folder.substring(folder.lastIndexOf('/') + 1);
        // the folder's last two elements: gorm.io/driver/postgres is not internal/database/postgres
        int parent = folder.lastIndexOf('/', folder.length() - last.length() - 2);
        String tail = folder.indexOf('/') < 0 ? last : folder.substring(parent + 1);
        Set<String> out = new HashSet<>();
        if (last.isEmpty()) {
            return out;
        }
        boolean taken = false;
        Matcher m = IMPORT.matcher(text);
        while (m.find()) {
            String path = m.group(2);
            String given = m.group(1) == null ? null : m.group(1).strip();
            String name = given != null ? given : path.substring(path.lastIndexOf('/') + 1);
            boolean ours = path.equals(folder) || path.endsWith("/" + folder) || path.endsWith("/" + tail)
                    || path.equals(tail);
            if (ours && !name.equals("_") && !name.equals(".")) {
                out.add(name);
            } else if (name.equals(last)) {
                taken = true;
            }
        }
        if (!taken) {
            out.add(last);
        }
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
