package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the collection a Go range loop walks comes from, read from the file's text as gofmt lays it out, for the
 * fan-out rule of CONC-02: a goroutine per element is as wide as the collection, which matters when the input sets
 * its size (rows of a query, items of a request, lines of a file) and not when the program does. The answer names
 * the program-bounded origin found, or is empty when none is (input, or not known: the launch stays reported):
 * <ul>
 * <li>{@code behaviour}: the elements are code, not data: function values the goroutine calls ({@code go h(evt)},
 * a helper of the file that calls the parameter it is given), or elements of a function type, or of an interface
 * type held in a collection the file only fills by registration ({@code b.handlers = append(b.handlers, h)}, an
 * event bus's subscribers, a widget's listeners, a list of validators);</li>
 * <li>{@code fixed}: a list the code writes out ({@code networks := []string{"ip4", "ip6"}}, a package-level list
 * of literals, appends that no loop repeats), a package variable of an imported library (its default list of
 * bootstrap hosts), the command line ({@code os.Args});</li>
 * <li>{@code configured}: a field the configuration file fills (a struct tag of yaml, toml, mapstructure, koanf,
 * hcl or env).</li>
 * </ul>
 * The same reading applies through a local copy, a method of the file that returns the collection ({@code
 * b.subscribers(evt.Type)} returning a copy of {@code b.handlers[eventType]}) and a parameter every caller in the
 * file fills from such an origin (a widget's configured sub-requests handed to its fetch function). A parameter no
 * caller of the file shows is not followed: the launch stays reported.
 */
public final class GoRangeOrigins {

    public static final String BEHAVIOUR = "behaviour";
    public static final String FIXED = "fixed";
    public static final String CONFIGURED = "configured";

    /** A top-level function or method: group 1 its name, 2 its parameters, 3 its results up to the body's brace. */
    private static final Pattern FUNC = Pattern.compile(
            "(?m)^func\\s*(?:\\([^()]*\\)\\s*)?(\\w+)\\s*(?:\\[[^\\]\\n]*\\]\\s*)?\\(([^()]*)\\)\\s*([^{\\n]*)\\{");
    /** A launch of a function literal: its parameters, then (at the end) the arguments it is called with. */
    private static final Pattern LITERAL_PARAMS = Pattern.compile("\\A(?:go\\s+\\(?)?func\\s*\\(([^()]*)\\)");
    private static final Pattern LITERAL_ARGS = Pattern.compile("\\}\\s*\\)?\\s*\\(([^()]*)\\)\\s*\\z");
    /** A call as written: group 1 the callee's last name, group 2 its arguments (no nested parentheses). */
    private static final Pattern CALL = Pattern.compile("(?<![\\w])(?:\\w+\\.)*(\\w+)\\s*\\(([^()]*)\\)");
    /** A struct field or a declaration line: names, the type's collection prefix, the element type, a tag. */
    private static final Pattern FIELD = Pattern.compile(
            "(?m)^\\s*(\\w+(?:\\s*,\\s*\\w+)*)\\s+((?:\\[\\d*\\]|map\\[[^\\]\\n]*\\]|\\*|chan\\s+)*)"
                    + "(func\\b[^`\\n]*|[\\w.]+)(?:\\[[^\\]\\n]*\\])?\\s*(`[^`\\n]*`)?[ \\t]*(?://[^\\n]*)?$");
    private static final Pattern CONFIG_TAG = Pattern.compile("\\b(?:yaml|toml|mapstructure|koanf|hcl|env|ini):\"(?!-\")");
    /** A named type declared as a function or an interface: group 1 its name, 2 the kind. */
    private static final Pattern KINDED_TYPE = Pattern.compile(
            "(?m)^(?:type\\s+|\\t)(\\w+)(?:\\[[^\\]\\n]*\\])?\\s+(func|interface)\\b");
    private static final Pattern SELECTOR = Pattern.compile("\\A(\\w+)((?:\\.\\w+)*)\\z");
    private static final Pattern INDEXED = Pattern.compile("\\A([\\w.]+)\\s*\\[[^\\[\\]]*\\]\\z");
    private static final Pattern METHOD_CALL = Pattern.compile("\\A(?:(\\w+)\\.)?(\\w+)\\s*\\([^()]*\\)\\z");
    private static final Pattern LITERAL = Pattern.compile("\\A(?:\\[\\d*\\]|map\\[)[^{\\n]*\\{");
    private static final Pattern RETURN = Pattern.compile("(?m)^\\s*return\\s+(.+?)\\s*$");
    private static final Pattern COPY = Pattern.compile("\\Aappend\\(\\s*\\[\\][\\w.*]+\\s*\\(nil\\)\\s*,\\s*(.+?)\\.\\.\\.\\s*\\)\\z");
    private static final Pattern COMMAND_LINE = Pattern.compile("\\A(?:os\\.Args(?:\\[\\d*:\\])?|flag\\.Args\\(\\))\\z");

    private GoRangeOrigins() {
    }

    /**
     * The program-bounded origin of a range loop's collection, or "" when none is seen.
     *
     * @param file   the whole file's text
     * @param scope  the text of the function holding the loop
     * @param src    the range clause's right side as written ({@code b.subscribers(evt.Type)})
     * @param item   the loop's element variable
     * @param launch the launch in the loop body ({@code go func(h Handler) {...}(h)}, {@code g.Go(func() ...)})
     */
    public static String of(String file, String scope, String src, String item, String launch) {
        List<String> names = aliases(launch, item);
        for (String name : names) {
            if (calledIn(launch, name) || calledByHelper(file, launch, name)) {
                return BEHAVIOUR;
            }
        }
        String type = literalParamType(launch, item);
        if (type != null && kind(file, type).equals("func")) {
            return BEHAVIOUR;
        }
        return origin(file, scope, src.strip(), type, 0);
    }

    private static String origin(String file, String scope, String src, String elementType, int depth) {
        if (depth > 2) {
            return "";
        }
        if (LITERAL.matcher(src).find() || COMMAND_LINE.matcher(src).matches()) {
            return FIXED;
        }
        Matcher copy = COPY.matcher(src);
        if (copy.matches()) {
            return origin(file, scope, copy.group(1).strip(), elementType, depth + 1);
        }
        Matcher indexed = INDEXED.matcher(src);
        if (indexed.matches()) {
            return origin(file, scope, indexed.group(1), elementType, depth + 1);
        }
        Matcher call = METHOD_CALL.matcher(src);
        if (call.matches()) {
            return returned(file, call.group(2), elementType, depth);
        }
        Matcher sel = SELECTOR.matcher(src);
        if (!sel.matches()) {
            return "";
        }
        String root = sel.group(1);
        String path = sel.group(2);
        if (path.isEmpty()) {
            return local(file, scope, root, elementType, depth);
        }
        String field = path.substring(path.lastIndexOf('.') + 1);
        if (path.indexOf('.', 1) < 0 && Character.isUpperCase(field.charAt(0)) && imported(file, root)
                && !GoLocals.declared(scope.lines().toList()).contains(root)) {
            return FIXED;
        }
        return field(file, field, elementType);
    }

    /** A field: filled from the configuration, or a registry of code (a function or interface type, only appended). */
    private static String field(String file, String field, String elementType) {
        if (GoRegistries.writtenOut(file, field)) {
            return FIXED;
        }
        Matcher m = FIELD.matcher(file);
        while (m.find()) {
            if (!List.of(m.group(1).split("\\s*,\\s*")).contains(field) || m.group(2).isEmpty()) {
                continue;
            }
            if (m.group(4) != null && CONFIG_TAG.matcher(m.group(4)).find()) {
                return CONFIGURED;
            }
            String kind = m.group(3).startsWith("func") ? "func" : kind(file, simple(m.group(3)));
            if (kind.equals("func") || kind.equals("interface") && GoRegistries.onlyRegistered(file, field)) {
                return BEHAVIOUR;
            }
        }
        if (elementType != null) {
            String kind = kind(file, elementType);
            if (kind.equals("func") || kind.equals("interface") && GoRegistries.onlyRegistered(file, field)) {
                return BEHAVIOUR;
            }
        }
        return "";
    }

    /** A method or function of the file that returns the collection: its result type, else what it returns. */
    private static String returned(String file, String name, String elementType, int depth) {
        Matcher m = FUNC.matcher(file);
        while (m.find()) {
            if (!m.group(1).equals(name)) {
                continue;
            }
            String results = m.group(3).strip();
            String element = results.replaceFirst("\\A\\(?\\s*(?:\\[\\d*\\]|map\\[[^\\]]*\\])+\\*?", "");
            if (element.length() < results.length()) {
                String type = element.replaceFirst("[\\s,)].*", "");
                if (type.startsWith("func") || kind(file, simple(type)).equals("func")) {
                    return BEHAVIOUR;
                }
                elementType = simple(type);
            }
            String body = body(file, m.end() - 1);
            Matcher r = RETURN.matcher(body);
            while (r.find()) {
                String value = r.group(1).replaceFirst("\\s*,\\s*nil\\z", "");
                String found = origin(file, body, value, elementType, depth + 1);
                if (!found.isEmpty()) {
                    return found;
                }
            }
            return "";
        }
        return "";
    }

    /** A local of the function: every value it is given is bounded by the program (appends outside a loop). */
    private static String local(String file, String scope, String name, String elementType, int depth) {
        List<String> values = GoAssignments.values(scope, name);
        if (values == null || values.isEmpty()) {
            // a package-level variable of this file, written out as a literal
            String value = GoAssignments.packageValue(file, name);
            if (value != null) {
                return LITERAL.matcher(value).find() ? FIXED : "";
            }
            // a parameter: what every caller of the file hands in
            String found = "";
            for (GoCallerArguments.Argument a : GoCallerArguments.of(file, scope, name)) {
                String o = origin(file, a.caller(), a.value(), elementType, depth + 1);
                if (o.isEmpty()) {
                    return "";
                }
                found = found.isEmpty() || found.equals(FIXED) ? o : found;
            }
            return found;
        }
        String found = "";
        for (String value : values) {
            String o = value.equals(GoAssignments.APPENDED_ONCE) ? FIXED
                    : origin(file, scope, value, elementType, depth + 1);
            if (o.isEmpty()) {
                return "";
            }
            found = found.isEmpty() || found.equals(FIXED) ? o : found;
        }
        return found;
    }

    /** The names the element has in the launch: itself, and the literal's parameter it is passed as. */
    private static List<String> aliases(String launch, String item) {
        List<String> out = new ArrayList<>(List.of(item));
        String[] params = literalParams(launch);
        String[] args = literalArgs(launch);
        for (int i = 0; params != null && args != null && i < Math.min(params.length, args.length); i++) {
            if (args[i].strip().equals(item)) {
                String p = params[i].strip().split("\\s+")[0];
                if (!p.isEmpty() && !out.contains(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static String literalParamType(String launch, String item) {
        String[] params = literalParams(launch);
        String[] args = literalArgs(launch);
        for (int i = 0; params != null && args != null && i < Math.min(params.length, args.length); i++) {
            String[] p = params[i].strip().split("\\s+", 2);
            if (args[i].strip().equals(item) && p.length == 2) {
                return p[1].startsWith("func") ? "func" : simple(p[1]);
            }
        }
        return null;
    }

    private static String[] literalParams(String launch) {
        Matcher m = LITERAL_PARAMS.matcher(launch);
        return m.find() && !m.group(1).isBlank() ? m.group(1).split(",") : null;
    }

    private static String[] literalArgs(String launch) {
        Matcher m = LITERAL_ARGS.matcher(launch);
        return m.find() && !m.group(1).isBlank() ? m.group(1).split(",") : null;
    }

    /** The name is called as a function in the launch: {@code h(ctx, evt)}, {@code go listener(msg)}. */
    private static boolean calledIn(String launch, String name) {
        int from = 0;
        while ((from = launch.indexOf(name, from)) >= 0) {
            int end = from + name.length();
            boolean start = from == 0 || !Character.isJavaIdentifierPart(launch.charAt(from - 1))
                    && launch.charAt(from - 1) != '.';
            int k = end;
            while (k < launch.length() && launch.charAt(k) == ' ') {
                k++;
            }
            if (start && k < launch.length() && launch.charAt(k) == '(' && !launch.startsWith("func", from)) {
                return true;
            }
            from = end;
        }
        return false;
    }

    /** The name is handed to a function of the file whose parameter at that place the function calls. */
    private static boolean calledByHelper(String file, String launch, String name) {
        Matcher c = CALL.matcher(launch);
        while (c.find()) {
            String[] args = c.group(2).split(",");
            for (int i = 0; i < args.length; i++) {
                if (!args[i].strip().equals(name)) {
                    continue;
                }
                Matcher f = FUNC.matcher(file);
                while (f.find()) {
                    String[] params = f.group(2).split(",");
                    if (f.group(1).equals(c.group(1)) && i < params.length) {
                        String param = params[i].strip().split("\\s+")[0];
                        if (!param.isEmpty() && calledIn(body(file, f.end() - 1), param)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** "func", "interface" or "" for a type name declared in the file. */
    private static String kind(String file, String type) {
        if (type == null) {
            return "";
        }
        if (type.equals("func")) {
            return "func";
        }
        Matcher m = KINDED_TYPE.matcher(file);
        while (m.find()) {
            if (m.group(1).equals(type)) {
                return m.group(2);
            }
        }
        return "";
    }

    private static boolean imported(String file, String pkg) {
        return file.contains("/" + pkg + "\"") || file.contains("\t" + pkg + " \"") || file.contains("\"" + pkg + "\"")
                || file.contains("import " + pkg + " \"");
    }

    private static String simple(String type) {
        String t = type.strip().replaceFirst("\\A\\*", "").replaceFirst("\\[.*\\z", "");
        return t.substring(t.lastIndexOf('.') + 1);
    }

    private static String body(String file, int open) {
        int close = CodeText.closing(file, open, '{', '}');
        return close < 0 ? file.substring(open) : file.substring(open, close + 1);
    }
}
