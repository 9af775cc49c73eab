package kb.review.engine.metamorphic;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.engine.metamorphic.Patch.FilePatch;
import kb.review.engine.metamorphic.Patch.Hunk;
import kb.review.engine.metamorphic.Patch.Row;

/**
 * The same declaration written another legal way: Go's {@code x := f()} as {@code var x T} then {@code x = f()};
 * Java's {@code var} for a declared type and back, a type named by its full name instead of its import, a method
 * reference as a lambda and back, a runnable lambda as an anonymous class.
 */
final class Declarations {
    private static final Pattern GO_SHORT = Pattern.compile("^(\\s*)(\\w+)(?:,\\s*(\\w+))?\\s*:=\\s*(.+)$");
    /** Go calls whose result types any reader knows: the call's start, then the types of its results but error. */
    private static final Map<Pattern, String[]> GO_TYPES = Map.ofEntries(
            Map.entry(Pattern.compile("^os\\.(?:Open|Create|OpenFile)\\("), new String[] {"*os.File"}),
            Map.entry(Pattern.compile("^http\\.(?:Get|Post|Head|PostForm)\\("), new String[] {"*http.Response"}),
            Map.entry(Pattern.compile("^http\\.NewRequest(?:WithContext)?\\("), new String[] {"*http.Request"}),
            Map.entry(Pattern.compile("^(?:http\\.DefaultClient|client|c\\.client|\\w+\\.httpClient|httpClient)\\.Do\\("),
                    new String[] {"*http.Response"}),
            Map.entry(Pattern.compile("^context\\.With(?:Cancel|Timeout|Deadline)\\("),
                    new String[] {"context.Context", "context.CancelFunc"}),
            Map.entry(Pattern.compile("^sql\\.Open\\("), new String[] {"*sql.DB"}),
            Map.entry(Pattern.compile("^time\\.NewTicker\\("), new String[] {"*time.Ticker"}),
            Map.entry(Pattern.compile("^time\\.NewTimer\\("), new String[] {"*time.Timer"}),
            Map.entry(Pattern.compile("^net\\.Dial(?:Timeout)?\\("), new String[] {"net.Conn"}),
            Map.entry(Pattern.compile("^net\\.Listen\\("), new String[] {"net.Listener"}),
            Map.entry(Pattern.compile("^gzip\\.NewReader\\("), new String[] {"*gzip.Reader"}),
            Map.entry(Pattern.compile("^exec\\.Command(?:Context)?\\("), new String[] {"*exec.Cmd"}),
            Map.entry(Pattern.compile("^grpc\\.(?:Dial|DialContext|NewClient)\\("), new String[] {"*grpc.ClientConn"}));
    private static final Pattern SQL_ROWS = Pattern.compile("^\\w+(?:\\.\\w+)?\\.(?:Query|QueryContext)\\(");
    private static final Pattern SQL_TX = Pattern.compile("^\\w+(?:\\.\\w+)?\\.(?:Begin|BeginTx)\\(");
    private static final Pattern LITERAL = Pattern.compile("^(&?)((?:\\w+\\.)?[A-Z]\\w*)\\{");
    private static final Pattern JAVA_TYPED = Pattern.compile(
            "^(\\s+)((?:final\\s+)?)([A-Z][\\w.]*(?:<[^=;()]*>)?)\\s+(\\w+)\\s*=\\s*(.+;)\\s*$");
    private static final Pattern JAVA_VAR = Pattern.compile(
            "^(\\s+)((?:final\\s+)?)var\\s+(\\w+)\\s*=\\s*new\\s+([\\w.]+)(<[^>(]*>)?\\s*\\(");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+([\\w.]+)\\.([A-Z]\\w*);\\s*$");
    private static final Pattern METHOD_REF = Pattern.compile("\\b(this|[A-Z]\\w*)::(\\w+)");
    private static final Pattern RUNNABLE_SINK = Pattern.compile(
            "(?:new Thread\\(|\\.execute\\(|\\.runAsync\\(|\\.scheduleAtFixedRate\\(|\\.scheduleWithFixedDelay\\(|\\.submit\\()"
                    + "\\s*\\(\\)\\s*->\\s*\\{\\s*$");

    private Declarations() {
    }

    static boolean goVar(Patch patch, List<Transform.Target> targets) {
        boolean changed = false;
        for (FilePatch f : patch.files) {
            if (!f.isGo()) {
                continue;
            }
            String all = String.join("\n", f.rows().stream().map(r -> r.text).toList());
            boolean pgx = all.contains("jackc/pgx");
            boolean sql = all.contains("\"database/sql\"") && !pgx;
            for (Hunk h : f.hunks) {
                for (int i = 0; i < h.rows.size(); i++) {
                    Row r = h.rows.get(i);
                    Matcher m = GO_SHORT.matcher(r.text);
                    if (!r.newSide() || !m.matches() || m.group(2).equals("_")) {
                        continue;
                    }
                    String[] types = types(m.group(4).trim(), sql);
                    if (types == null) {
                        continue;
                    }
                    String second = m.group(3);
                    boolean secondIsErr = "err".equals(second);
                    if (second != null && !secondIsErr && types.length < 2) {
                        continue;
                    }
                    String indent = m.group(1);
                    int added = 0;
                    h.rows.add(i, r.made(r.kind, indent + "var " + m.group(2) + " " + types[0]));
                    added++;
                    if (second != null && !secondIsErr) {
                        h.rows.add(i + added++, r.made(r.kind, indent + "var " + second + " " + types[1]));
                    } else if (secondIsErr && !declaredAbove(h, i, "err")) {
                        h.rows.add(i + added++, r.made(r.kind, indent + "var err error"));
                    }
                    r.text = indent + m.group(2) + (second == null ? "" : ", " + second) + " = " + m.group(4);
                    i += added;
                    changed = true;
                }
            }
        }
        return changed;
    }

    private static String[] types(String rhs, boolean sql) {
        Matcher lit = LITERAL.matcher(rhs);
        if (lit.find()) {
            return new String[] {(lit.group(1).isEmpty() ? "" : "*") + lit.group(2)};
        }
        for (Map.Entry<Pattern, String[]> e : GO_TYPES.entrySet()) {
            if (e.getKey().matcher(rhs).find()) {
                return e.getValue();
            }
        }
        if (sql && SQL_ROWS.matcher(rhs).find()) {
            return new String[] {"*sql.Rows"};
        }
        if (sql && SQL_TX.matcher(rhs).find()) {
            return new String[] {"*sql.Tx"};
        }
        return null;
    }

    /** Whether {@code name} shows in the function above row {@code at} (a second {@code var} would not compile). */
    private static boolean declaredAbove(Hunk h, int at, String name) {
        Pattern word = Pattern.compile("\\b" + name + "\\b");
        for (int i = at - 1; i >= 0; i--) {
            String text = h.rows.get(i).text;
            if (text.startsWith("func ")) {
                return word.matcher(text).find();
            }
            if (h.rows.get(i).newSide() && word.matcher(Code.strip(text)).find()) {
                return true;
            }
        }
        return true;
    }

    /** {@code T x = e;} as {@code var x = e;} for locals whose initialiser names a value (no lambda, no null). */
    static boolean javaVar(Patch patch, List<Transform.Target> targets) {
        boolean changed = false;
        for (FilePatch f : patch.files) {
            if (!f.isJava()) {
                continue;
            }
            for (Code.Body body : Code.functions(f)) {
                for (Row r : body.rows().subList(1, body.rows().size())) {
                    Matcher m = JAVA_TYPED.matcher(r.text);
                    if (!r.newSide() || !m.matches()) {
                        continue;
                    }
                    String rhs = m.group(5).trim();
                    if (rhs.startsWith("null") || rhs.startsWith("{") || rhs.contains("->") || rhs.contains("::")
                            || rhs.startsWith("(") || m.group(3).equals("var")) {
                        continue;
                    }
                    r.text = m.group(1) + m.group(2) + "var " + m.group(4) + " = " + rhs;
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** {@code var x = new T(...)} as {@code T x = new T(...)}. */
    static boolean javaTyped(Patch patch, List<Transform.Target> targets) {
        boolean changed = false;
        for (FilePatch f : patch.files) {
            for (Row r : f.rows()) {
                Matcher m = JAVA_VAR.matcher(r.text);
                if (f.isJava() && r.newSide() && m.find()) {
                    String generic = m.group(5) == null || m.group(5).equals("<>") ? "" : m.group(5);
                    r.text = m.group(1) + m.group(2) + m.group(4) + generic + " " + m.group(3)
                            + r.text.substring(r.text.indexOf(" =", m.start(3)));
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** Every imported type named by its full name in the code (the import stays: it is then unused, not wrong). */
    static boolean javaQualified(Patch patch, List<Transform.Target> targets) {
        boolean changed = false;
        for (FilePatch f : patch.files) {
            if (!f.isJava()) {
                continue;
            }
            List<Row> rows = f.rows();
            for (Row imp : rows) {
                Matcher m = IMPORT.matcher(imp.text);
                if (!m.matches()) {
                    continue;
                }
                Pattern use = Pattern.compile("(?<![\\w.@\"])" + m.group(2) + "\\b(?![\"])");
                for (Row r : rows) {
                    String t = r.text.trim();
                    if (r == imp || t.startsWith("import ") || Code.comment(t) || !use.matcher(Code.strip(r.text)).find()) {
                        continue;
                    }
                    r.text = use.matcher(r.text).replaceAll(Matcher.quoteReplacement(m.group(1) + "." + m.group(2)));
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** {@code this::m} or {@code T::m} of a method without parameters declared in the file, as a lambda. */
    static boolean javaMethodRef(Patch patch, List<Transform.Target> targets) {
        boolean changed = false;
        for (FilePatch f : patch.files) {
            if (!f.isJava()) {
                continue;
            }
            String all = String.join("\n", f.rows().stream().map(r -> r.text).toList());
            for (Row r : f.rows()) {
                Matcher m = METHOD_REF.matcher(r.text);
                StringBuilder out = new StringBuilder();
                boolean any = false;
                while (r.newSide() && m.find()) {
                    boolean noArgs = Pattern.compile("\\b" + m.group(2) + "\\(\\)\\s*(?:throws [\\w., ]+)?\\{")
                            .matcher(all).find();
                    String lambda = "() -> " + (m.group(1).equals("this") ? "" : m.group(1) + ".") + m.group(2) + "()";
                    m.appendReplacement(out, Matcher.quoteReplacement(noArgs ? lambda : m.group()));
                    any |= noArgs;
                }
                m.appendTail(out);
                if (any) {
                    r.text = out.toString();
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** A block lambda given where only a {@code Runnable} fits, as an anonymous {@code Runnable}. */
    static boolean javaAnonymous(Patch patch, List<Transform.Target> targets) {
        boolean changed = false;
        for (FilePatch f : patch.files) {
            if (!f.isJava()) {
                continue;
            }
            for (Hunk h : f.hunks) {
                for (int i = 0; i < h.rows.size(); i++) {
                    Row r = h.rows.get(i);
                    if (!r.newSide() || !RUNNABLE_SINK.matcher(Code.strip(r.text)).find()) {
                        continue;
                    }
                    int end = Code.blockEnd(h, i);
                    if (end < 0 || !h.rows.get(end).text.trim().startsWith("}")) {
                        continue;
                    }
                    // a value returned makes it a Callable; `this` would name the anonymous class
                    boolean changesMeaning = h.rows.subList(i + 1, end).stream().anyMatch(x -> x.text.contains("this")
                            || x.text.trim().startsWith("return ") && !x.text.trim().equals("return;"));
                    if (changesMeaning) {
                        continue;
                    }
                    r.text = r.text.replaceFirst("\\(\\)\\s*->\\s*\\{\\s*$",
                            "new Runnable() { @Override public void run() {");
                    Row close = h.rows.get(end);
                    close.text = close.text.replaceFirst("}", "}}");
                    changed = true;
                }
            }
        }
        return changed;
    }
}
