package kb.review.engine.metamorphic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.engine.metamorphic.Code.Body;
import kb.review.engine.metamorphic.Patch.FilePatch;
import kb.review.engine.metamorphic.Patch.Hunk;
import kb.review.engine.metamorphic.Patch.Row;

/**
 * Changes of the shape of a change: a body wrapped in one more block, functions in another order, the file in
 * another directory, a new file turned into an edit of an existing one (whole, or cut to git's three lines of
 * context around the added function).
 */
final class Shapes {
    private static final Pattern GO_SIGNATURE = Pattern.compile("^func\\s*(\\((\\w+)\\s+\\*[^)]*\\))?\\s*\\w+\\s*\\(([^)]*)\\)(.*)\\{\\s*$");
    private static final Pattern JAVA_SIGNATURE = Pattern.compile("^(.*?)(\\w+)\\s*\\(([^()]*)\\)\\s*(?:throws [\\w., ]+)?\\s*\\{\\s*$");
    private static final Pattern NILABLE = Pattern.compile("^(?:\\*|\\[\\]|map\\[|func|chan|context\\.Context|interface|error|any)");
    private static final Set<String> PRIMITIVES = Set.of("int", "long", "boolean", "double", "float", "short", "byte",
            "char");
    private static final Pattern TYPE_DECLARATION = Pattern.compile("\\b(?:class|interface|enum|record)\\s+\\w+");
    private static final int CONTEXT = 3;

    private Shapes() {
    }

    /** Every function body whose parameter can be tested for nil or null wrapped in {@code if p != nil { ... }}. */
    static boolean wrap(Patch patch, List<Transform.Target> targets) {
        boolean changed = false;
        for (FilePatch f : patch.files) {
            if (!f.isSource()) {
                continue;
            }
            List<Body> bodies = new ArrayList<>(Code.functions(f));
            for (int b = bodies.size() - 1; b >= 0; b--) {
                Body body = bodies.get(b);
                String[] guard = f.isGo() ? goGuard(body.signature().text) : javaGuard(body);
                if (guard == null) {
                    continue;
                }
                List<Row> rows = body.hunk().rows;
                Row sig = body.signature();
                char kind = body.rows().stream().anyMatch(r -> r.kind == '+') ? '+' : ' ';
                String indent = Layout.indentOf(sig.text) + (f.isGo() ? "\t" : "    ");
                int end = body.end();
                if (guard[1] != null) {
                    rows.add(end, sig.made(kind, indent + guard[1]));
                }
                rows.add(end, sig.made(kind, indent + "}"));
                rows.add(body.start() + 1, sig.made(kind, indent + guard[0]));
                changed = true;
            }
        }
        return changed;
    }

    /** The opening line and the line after the block (null when the function returns nothing) for a Go function. */
    private static String[] goGuard(String signature) {
        Matcher m = GO_SIGNATURE.matcher(signature);
        if (!m.matches()) {
            return null;
        }
        String name = null;
        String type = null;
        String[] pieces = m.group(3).split(",");
        for (int i = pieces.length - 1; i >= 0; i--) {
            String[] words = pieces[i].trim().split("\\s+", 2);
            if (words.length == 2) {
                type = words[1];
            }
            if (type != null && NILABLE.matcher(type).find() && !words[0].isEmpty() && !words[0].equals("_")) {
                name = words[0];
            }
        }
        if (name == null && m.group(2) != null) {
            name = m.group(2);
        }
        if (name == null) {
            return null;
        }
        boolean results = !m.group(4).trim().isEmpty();
        return new String[] {"if " + name + " != nil {", results ? "panic(\"unreachable\")" : null};
    }

    private static String[] javaGuard(Body body) {
        Matcher m = JAVA_SIGNATURE.matcher(body.signature().text);
        if (!m.matches() || body.end() - body.start() < 2) {
            return null;
        }
        String first = body.hunk().rows.get(body.start() + 1).text.trim();
        if (first.startsWith("super(") || first.startsWith("this(")) {
            return null;
        }
        String name = null;
        for (String p : m.group(3).split(",")) {
            String[] words = p.trim().replaceAll("@\\w+\\s+", "").replace("final ", "").split("\\s+");
            if (words.length >= 2 && !PRIMITIVES.contains(words[words.length - 2])) {
                name = words[words.length - 1];
                break;
            }
        }
        if (name == null) {
            return null;
        }
        List<String> before = List.of(m.group(1).trim().split("\\s+"));
        boolean returns = !before.contains("void") && before.stream().anyMatch(w -> !w.isEmpty()
                && !Set.of("public", "protected", "private", "static", "final", "synchronized").contains(w)
                && !w.startsWith("@"));
        return new String[] {"if (" + name + " != null) {", returns ? "throw new IllegalStateException(\"unreachable\");"
                : null};
    }

    /** The functions of a new file in reverse order, each with the comment and annotation lines above it. */
    static boolean reorder(Patch patch, List<Transform.Target> targets) {
        boolean changed = false;
        for (FilePatch f : patch.files) {
            if (!f.isSource() || !f.isNew() || f.hunks.size() != 1) {
                continue;
            }
            Hunk h = f.hunks.get(0);
            if (f.isJava() && h.rows.stream().filter(r -> TYPE_DECLARATION.matcher(Code.strip(r.text)).find()
                    && !Code.comment(r.text)).count() != 1) {
                continue;
            }
            List<int[]> chunks = new ArrayList<>();
            for (Body b : Code.functions(f)) {
                int start = b.start();
                while (start > 0 && attached(h.rows.get(start - 1).text)) {
                    start--;
                }
                chunks.add(new int[] {start, b.end()});
            }
            if (chunks.size() < 2) {
                continue;
            }
            List<Row> out = new ArrayList<>();
            int at = 0;
            for (int k = 0; k < chunks.size(); k++) {
                out.addAll(h.rows.subList(at, chunks.get(k)[0]));
                int[] moved = chunks.get(chunks.size() - 1 - k);
                out.addAll(h.rows.subList(moved[0], moved[1] + 1));
                at = chunks.get(k)[1] + 1;
            }
            out.addAll(h.rows.subList(at, h.rows.size()));
            h.rows.clear();
            h.rows.addAll(out);
            changed = true;
        }
        return changed;
    }

    private static boolean attached(String text) {
        String t = text.trim();
        return Code.comment(t) || t.startsWith("@");
    }

    /** Every source file one directory deeper ({@code moved/}); a Java file's package follows it. */
    static boolean move(Patch patch, List<Transform.Target> targets) {
        boolean changed = false;
        for (FilePatch f : patch.files) {
            if (!f.isSource() || f.path == null) {
                continue;
            }
            int slash = f.path.lastIndexOf('/');
            String moved = f.path.substring(0, slash + 1) + "moved/" + f.path.substring(slash + 1);
            for (int i = 0; i < f.header.size(); i++) {
                f.header.set(i, f.header.get(i).replace("a/" + f.path, "a/" + moved).replace("b/" + f.path, "b/" + moved));
            }
            if (f.isJava()) {
                for (Row r : f.rows()) {
                    r.text = r.text.replaceFirst("^package\\s+([\\w.]+);", "package $1.moved;");
                }
            }
            f.path = moved;
            changed = true;
        }
        return changed;
    }

    /** A new file as an edit of an existing one that adds the functions holding the expected lines. */
    static boolean editContext(Patch patch, List<Transform.Target> targets) {
        boolean changed = false;
        for (FilePatch f : patch.files) {
            changed |= toEdit(f, targets);
        }
        return changed;
    }

    /** As {@link #editContext}, with git's three lines of context: what lies farther off is not in the diff. */
    static boolean editHunks(Patch patch, List<Transform.Target> targets) {
        boolean changed = false;
        for (FilePatch f : patch.files) {
            if (!toEdit(f, targets)) {
                continue;
            }
            List<Row> rows = f.hunks.get(0).rows;
            boolean[] keep = new boolean[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).kind == '+') {
                    for (int k = Math.max(0, i - CONTEXT); k <= Math.min(rows.size() - 1, i + CONTEXT); k++) {
                        keep[k] = true;
                    }
                }
            }
            f.hunks.clear();
            int oldLine = 1;
            Hunk current = null;
            for (int i = 0; i < rows.size(); i++) {
                if (keep[i] && current == null) {
                    current = new Hunk(oldLine, "");
                    f.hunks.add(current);
                } else if (!keep[i]) {
                    current = null;
                }
                if (current != null) {
                    current.rows.add(rows.get(i));
                }
                oldLine += rows.get(i).kind == ' ' ? 1 : 0;
            }
            changed = true;
        }
        return changed;
    }

    private static boolean toEdit(FilePatch f, List<Transform.Target> targets) {
        if (!f.isSource() || !f.isNew() || f.hunks.size() != 1) {
            return false;
        }
        List<Body> bodies = Code.functions(f);
        Set<Body> added = new HashSet<>();
        boolean expected = false;
        for (Transform.Target t : targets) {
            if (f.originalPath.equals(t.path()) || f.originalPath.endsWith("/" + t.path())) {
                Body b = Code.holding(f, t.line());
                if (b == null) {
                    return false; // an expected line outside any function this reading sees: leave the file whole
                }
                added.add(b);
                expected = true;
            }
        }
        if (!expected) {
            bodies.stream().max((a, b) -> Integer.compare(a.end() - a.start(), b.end() - b.start())).ifPresent(added::add);
        }
        if (added.isEmpty()) {
            return false;
        }
        Hunk h = f.hunks.get(0);
        for (int i = 0; i < h.rows.size(); i++) {
            int at = i;
            boolean inside = added.stream().anyMatch(b -> at >= b.start() && at <= b.end());
            if (!inside) {
                h.rows.get(i).kind = ' ';
            }
        }
        h.oldStart = 1;
        f.header.removeIf(line -> line.startsWith("new file mode"));
        for (int i = 0; i < f.header.size(); i++) {
            String line = f.header.get(i);
            if (line.equals("--- /dev/null")) {
                f.header.set(i, "--- a/" + f.path);
            } else if (line.startsWith("index 0000000..")) {
                f.header.set(i, "index 1111111.." + line.substring("index 0000000..".length()));
            }
        }
        return true;
    }
}
