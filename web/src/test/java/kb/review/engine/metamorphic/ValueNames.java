package kb.review.engine.metamorphic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.engine.metamorphic.Code.Body;
import kb.review.engine.metamorphic.Patch.FilePatch;
import kb.review.engine.metamorphic.Patch.Row;

/**
 * The other names the review could read instead of code: a response, a connection, a wait group, a mutex, a
 * database handle or a method's receiver under another name, and a value's name written in a comment or a string
 * literal beside its real use. Literals and comments keep their text under the renames, as in {@link RoleNames}.
 */
final class ValueNames {
    /** Conventional value names to what other authors call the same value. */
    static final Map<String, String> GO_VALUES = Map.ofEntries(Map.entry("resp", "reply"), Map.entry("res", "reply"),
            Map.entry("response", "reply"), Map.entry("conn", "link"), Map.entry("wg", "pending"),
            Map.entry("mu", "guard"), Map.entry("lock", "guard"), Map.entry("db", "store"),
            Map.entry("rows", "cursor"), Map.entry("stmt", "prepared"), Map.entry("f", "handle"),
            Map.entry("file", "handle"), Map.entry("ticker", "beat"), Map.entry("timer", "alarm"),
            Map.entry("cancel", "stop"), Map.entry("client", "caller"), Map.entry("body", "payload"));
    static final Map<String, String> JAVA_VALUES = Map.ofEntries(Map.entry("resp", "reply"),
            Map.entry("response", "reply"), Map.entry("conn", "link"), Map.entry("connection", "link"),
            Map.entry("lock", "guard"), Map.entry("mu", "guard"), Map.entry("rs", "cursor"),
            Map.entry("stmt", "prepared"), Map.entry("ps", "prepared"), Map.entry("in", "source"),
            Map.entry("out", "sink"), Map.entry("is", "source"), Map.entry("os", "sink"),
            Map.entry("executor", "workers"), Map.entry("pool", "workers"), Map.entry("latch", "gate"),
            Map.entry("client", "caller"), Map.entry("em", "manager"), Map.entry("session", "unit"));
    private static final List<String> RECEIVERS = List.of("self", "me", "recv", "it", "this0", "self2", "me2");
    private static final Pattern GO_RECEIVER = Pattern.compile("^func\\s*\\((\\w+)\\s+\\*?[\\w.\\[\\], ]+\\)");
    private static final Pattern GO_DECLARED = Pattern.compile("^\\s*(?:var\\s+(\\w+)|(\\w+)(?:\\s*,\\s*\\w+)*\\s*:?=)");
    private static final Pattern JAVA_DECLARED = Pattern.compile(
            "^\\s*(?:final\\s+)?[A-Za-z_][\\w.]*(?:<[^=;()]*>)?(?:\\[\\])*\\s+([a-z]\\w*)\\s*=(?!=)");

    private ValueNames() {
    }

    /** Responses, connections, wait groups, mutexes and their kin under other names (code only). */
    static boolean values(Patch patch, List<Transform.Target> targets) {
        return Renames.rename(patch, (name, go) -> (go ? GO_VALUES : JAVA_VALUES).get(name), true);
    }

    /** Every Go method receiver under another name: {@code self}, {@code me}, {@code recv}... (code only). */
    static boolean receivers(Patch patch, List<Transform.Target> targets) {
        Set<String> names = new LinkedHashSet<>();
        for (FilePatch f : patch.files) {
            if (f.isGo()) {
                for (Row r : f.rows()) {
                    Matcher m = GO_RECEIVER.matcher(r.text);
                    if (r.newSide() && m.find() && !m.group(1).equals("_")) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        List<String> order = new ArrayList<>(names);
        return Renames.rename(patch, (name, go) -> {
            int at = go ? order.indexOf(name) : -1;
            return at >= 0 && at < RECEIVERS.size() ? RECEIVERS.get(at) : null;
        }, true);
    }

    /**
     * After each whole statement that declares a value, a comment naming that value's release calls and the error
     * check, and a blank line: text a reader skips and a name-reading rule takes for code.
     */
    static boolean mentionComment(Patch patch, List<Transform.Target> targets) {
        return mention(patch, (f, name) -> "// note: " + calls(f, name));
    }

    /** The same text as a string literal: {@code _ = "..."} in Go, an unused {@code String} local in Java. */
    static boolean mentionLiteral(Patch patch, List<Transform.Target> targets) {
        int[] n = {0};
        return mention(patch, (f, name) -> f.isGo() ? "_ = \"" + calls(f, name) + "\""
                : "String noteQ" + (++n[0]) + " = \"" + calls(f, name) + "\";");
    }

    private static String calls(FilePatch f, String name) {
        return f.isGo()
                ? "defer " + name + ".Close(); " + name + ".Body.Close(); " + name + ".Unlock(); " + name + ".Done(); "
                        + name + ".Commit(); " + name + ".Stop(); cancel(); if err != nil { return err }"
                : name + ".close(); " + name + ".unlock(); " + name + ".countDown(); " + name + ".commit(); " + name
                        + ".shutdown(); " + name + ".release(); catch (Exception e) { throw e; }";
    }

    private interface Text {
        String of(FilePatch f, String name);
    }

    private static boolean mention(Patch patch, Text text) {
        boolean changed = false;
        for (FilePatch f : patch.files) {
            if (!f.isSource()) {
                continue;
            }
            for (Body body : Code.functions(f)) {
                List<Row> rows = body.hunk().rows;
                int end = body.end();
                boolean inLiteral = false;
                for (int i = body.start() + 1; i < end; i++) {
                    Row r = rows.get(i);
                    if (r.text.contains(f.isGo() ? "`" : "\"\"\"")) {
                        inLiteral = !inLiteral;
                    }
                    String name = inLiteral || !r.newSide() ? null : declared(f, r.text);
                    if (name == null) {
                        continue;
                    }
                    // then a blank line, as the comments transform does: a comment right above a statement reads
                    // as the author's reason for it (a discarded error), which is no mention but a judgment
                    rows.add(i + 1, r.made(r.kind, ""));
                    rows.add(i + 1, r.made(r.kind, Layout.indentOf(r.text) + text.of(f, name)));
                    i += 2;
                    end += 2;
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** The first name a whole one-line declaring statement declares, or null. */
    static String declared(FilePatch f, String text) {
        String code = Code.strip(text).trim();
        long open = code.chars().filter(c -> c == '(').count();
        long close = code.chars().filter(c -> c == ')').count();
        if (open != close || Code.braces(code) != 0 || code.startsWith("if ") || code.startsWith("for ")
                || code.startsWith("return") || code.startsWith("}") || code.startsWith("case ")) {
            return null;
        }
        Matcher m = (f.isGo() ? GO_DECLARED : JAVA_DECLARED).matcher(code);
        if (!m.find() || (f.isGo() ? !(code.contains(":=") || code.startsWith("var ")) : !code.endsWith(";"))) {
            return null;
        }
        String name = f.isGo() ? (m.group(1) != null ? m.group(1) : m.group(2)) : m.group(1);
        return name == null || name.equals("_") || name.equals("err") ? null : name;
    }
}
