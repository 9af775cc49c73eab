package kb.review.engine.metamorphic;

import java.util.ArrayList;
import java.util.List;
import kb.review.engine.metamorphic.Code.Body;
import kb.review.engine.metamorphic.Patch.FilePatch;
import kb.review.engine.metamorphic.Patch.Hunk;
import kb.review.engine.metamorphic.Patch.Row;

/**
 * A new file turned into the small edit that real pull requests are: only the expected lines are added (a clean
 * case adds one statement in the middle of its longest function), everything else is code that was already there,
 * and the diff shows git's three lines of context around each change. Variants push what the review needs out of
 * those three lines: the function's head (unrelated statements after the signature), what follows the added line
 * (the release, the error check), or split one function into two hunks. {@link Pairs} writes the defect as an edit
 * of its clean look-alike. The unrelated statements are the {@code statements} transform's kind of local.
 */
final class Edits {
    static final int CONTEXT = 3;
    /** Unrelated statements inserted to push a line out of context: more than twice git's context. */
    static final int FAR = 8;

    private Edits() {
    }

    /** The expected lines (or one statement of a clean case) added to a file that already held the rest. */
    static boolean line(Patch patch, List<Transform.Target> targets) {
        return each(patch, targets, (f, added) -> true);
    }

    /** As {@link #line}, with {@link #FAR} statements between each changed function's signature and its body. */
    static boolean farFromHead(Patch patch, List<Transform.Target> targets) {
        return each(patch, targets, (f, added) -> {
            List<Row> rows = f.hunks.get(0).rows;
            boolean any = false;
            List<Body> bodies = Code.functions(f);
            for (int i = bodies.size() - 1; i >= 0; i--) {
                Body b = bodies.get(i); // last first: an insertion leaves the rows of earlier functions in place
                if (added.stream().noneMatch(r -> inside(b, r))) {
                    continue;
                }
                fill(f, rows, b.start() + 1, rows.get(b.start() + 1).text);
                any = true;
            }
            return any;
        });
    }

    /** As {@link #line}, with {@link #FAR} statements after each added whole statement: what follows is out of view. */
    static boolean cutAfter(Patch patch, List<Transform.Target> targets) {
        return each(patch, targets, (f, added) -> {
            List<Row> rows = f.hunks.get(0).rows;
            boolean any = false;
            for (Row r : added) {
                int at = rows.indexOf(r);
                if (at + 1 < rows.size() && wholeStatement(f, r.text) && inBody(f, r)) {
                    fill(f, rows, at + 1, rows.get(at + 1).text.isBlank() ? r.text : rows.get(at + 1).text);
                    any = true;
                }
            }
            return any;
        });
    }

    /**
     * As {@link #line}, and the last statement of the same function changed too, {@link #FAR} statements below the
     * first change: two hunks in one function, the second holding the function's end.
     */
    static boolean twoHunks(Patch patch, List<Transform.Target> targets) {
        return each(patch, targets, (f, added) -> {
            List<Row> rows = f.hunks.get(0).rows;
            for (Body b : Code.functions(f)) {
                Row first = added.stream().filter(r -> inside(b, r)).findFirst().orElse(null);
                if (first == null) {
                    continue;
                }
                int last = b.end() - 1;
                while (last > rows.indexOf(first) && (rows.get(last).text.isBlank() || Code.comment(rows.get(last).text))) {
                    last--;
                }
                Row end = rows.get(last);
                if (last <= rows.indexOf(first) || added.contains(end) || !boundaryBefore(f, rows, last)) {
                    continue;
                }
                fill(f, rows, last, end.text);
                end.kind = '+';
                return true;
            }
            return false;
        });
    }

    @FunctionalInterface
    private interface Shape {
        /** Reshapes the file whose added rows are {@code added} (all else context); false when it could not. */
        boolean apply(FilePatch f, List<Row> added);
    }

    private static boolean each(Patch patch, List<Transform.Target> targets, Shape shape) {
        boolean changed = false;
        for (FilePatch f : patch.files) {
            if (!f.isSource() || !f.isNew() || f.hunks.size() != 1) {
                continue;
            }
            List<Row> added = added(f, targets);
            if (added.isEmpty()) {
                continue;
            }
            for (Row r : f.hunks.get(0).rows) {
                r.kind = added.contains(r) ? '+' : ' ';
            }
            if (!shape.apply(f, added)) {
                // the variant could not reshape this file: back to the new file it was
                f.hunks.get(0).rows.removeIf(r -> r.origin == 0);
                f.hunks.get(0).rows.forEach(r -> r.kind = '+');
                continue;
            }
            asEdit(f);
            cut(f);
            changed = true;
        }
        return changed;
    }

    /** The rows of the expected lines in {@code f}; for a file without one, a statement in its longest function. */
    static List<Row> added(FilePatch f, List<Transform.Target> targets) {
        List<Row> rows = f.hunks.get(0).rows;
        List<Row> out = new ArrayList<>();
        for (Transform.Target t : targets) {
            if (f.originalPath.equals(t.path()) || f.originalPath.endsWith("/" + t.path())) {
                rows.stream().filter(r -> r.origin == t.line()).findFirst().ifPresent(r -> statement(f, rows, r, out));
            }
        }
        if (!out.isEmpty() || targets.stream().anyMatch(t -> f.originalPath.endsWith(t.path()))) {
            return out;
        }
        Body longest = Code.functions(f).stream().max((a, b) -> Integer.compare(a.end() - a.start(), b.end() - b.start()))
                .orElse(null);
        if (longest == null || longest.end() - longest.start() < 3) {
            return out;
        }
        int middle = (longest.start() + longest.end()) / 2;
        for (int i = middle; i > longest.start(); i--) {
            String code = Code.strip(rows.get(i).text).trim();
            if (!code.isEmpty() && !Code.comment(code) && wholeStatement(f, code)) {
                out.add(rows.get(i));
                break;
            }
        }
        return out;
    }

    /** The row and the rows that continue its statement (an open parenthesis, a chained call), at most ten. */
    private static void statement(FilePatch f, List<Row> rows, Row first, List<Row> out) {
        int at = rows.indexOf(first);
        int depth = 0;
        for (int k = 0; k < 10 && at + k < rows.size(); k++) {
            Row r = rows.get(at + k);
            if (!out.contains(r)) {
                out.add(r);
            }
            String code = Code.strip(r.text).trim();
            depth += (int) (code.chars().filter(c -> c == '(').count() - code.chars().filter(c -> c == ')').count());
            boolean open = f.isGo() ? code.matches(".*(,|\\(|\\+|&&|\\|\\||\\.)$")
                    : !code.isEmpty() && !code.startsWith("@") && !code.matches(".*[;{}]$");
            if (depth <= 0 && !open) {
                return;
            }
        }
    }

    /** A line that is one statement on its own: after it another statement may follow. */
    static boolean wholeStatement(FilePatch f, String text) {
        String code = Code.strip(text).trim();
        long open = code.chars().filter(c -> c == '(').count();
        long close = code.chars().filter(c -> c == ')').count();
        if (code.isEmpty() || open != close || Code.braces(code) != 0 || code.startsWith("@")
                || code.startsWith("case ") || code.startsWith("default")) {
            return false;
        }
        return f.isGo() ? !code.matches(".*(,|\\(|\\+|-|\\*|/|&&|\\|\\||\\.|=|\\{)$") && !code.startsWith("return")
                && !code.startsWith("goto") && !code.startsWith("import") && !code.startsWith("package")
                : code.endsWith(";") && !code.startsWith("return") && !code.startsWith("throw")
                && !code.startsWith("import") && !code.startsWith("package") && !code.startsWith("break")
                && !code.startsWith("continue");
    }

    /** Whether a statement may be inserted before row {@code at}: the row above ends a statement or opens a body. */
    private static boolean boundaryBefore(FilePatch f, List<Row> rows, int at) {
        int above = at - 1;
        while (above > 0 && (rows.get(above).text.isBlank() || Code.comment(rows.get(above).text))) {
            above--;
        }
        String code = Code.strip(rows.get(above).text).trim();
        String here = Code.strip(rows.get(at).text).trim();
        if (here.startsWith("case ") || here.startsWith("default") || here.startsWith("}") && !here.equals("}")
                || here.startsWith("else") || here.startsWith("catch") || here.startsWith("finally")
                || here.startsWith(".") || here.startsWith(")")) {
            return false;
        }
        if (code.contains("switch") || code.contains("select") || code.endsWith("= {") || code.endsWith("[] {")) {
            return false;
        }
        return code.endsWith("{") || code.endsWith("}") || wholeStatement(f, code)
                || code.startsWith("return") && (f.isGo() || code.endsWith(";"));
    }

    private static boolean inside(Body b, Row r) {
        int at = b.hunk().rows.indexOf(r);
        return at > b.start() && at < b.end();
    }

    private static boolean inBody(FilePatch f, Row r) {
        return Code.functions(f).stream().anyMatch(b -> inside(b, r));
    }

    /** {@link #FAR} unrelated context statements at row {@code at}, indented like {@code like}. */
    private static void fill(FilePatch f, List<Row> rows, int at, String like) {
        String indent = Layout.indentOf(like);
        Row model = rows.get(Math.min(at, rows.size() - 1));
        List<Row> made = new ArrayList<>();
        for (int k = 1; k <= FAR; k++) {
            String name = "spareE" + (rows.size() + k);
            if (f.isGo()) {
                made.add(model.made(' ', indent + (k % 2 == 1 ? name + " := " + k : "_ = spareE" + (rows.size() + k - 1))));
            } else {
                made.add(model.made(' ', indent + "int " + name + " = " + k + ";"));
            }
        }
        rows.addAll(at, made);
    }

    /** The file's header as an edit of an existing file (old and new path the same, no "new file mode"). */
    static void asEdit(FilePatch f) {
        f.header.removeIf(line -> line.startsWith("new file mode"));
        for (int i = 0; i < f.header.size(); i++) {
            String line = f.header.get(i);
            if (line.equals("--- /dev/null")) {
                f.header.set(i, "--- a/" + f.path);
            } else if (line.startsWith("index 0000000..")) {
                f.header.set(i, "index 1111111.." + line.substring("index 0000000..".length()));
            }
        }
    }

    /**
     * Git's default hunk heading: the last line above the hunk that starts with a letter, {@code _} or {@code $}
     * (a Go {@code func}, a Java class; Java methods are indented), cut to 80 characters; empty when there is none.
     */
    static String funcname(List<Row> rows, int start) {
        for (int i = start - 1; i >= 0; i--) {
            Row r = rows.get(i);
            if (r.kind != '+' && !r.text.isEmpty() && (Character.isLetter(r.text.charAt(0)) || r.text.charAt(0) == '_'
                    || r.text.charAt(0) == '$')) {
                String t = r.text.stripTrailing();
                return " " + (t.length() > 80 ? t.substring(0, 80) : t);
            }
        }
        return "";
    }

    /** The file's one whole-file hunk cut to git's hunks: {@link #CONTEXT} lines around every changed row. */
    static void cut(FilePatch f) {
        List<Row> rows = f.hunks.get(0).rows;
        boolean[] keep = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).kind == '+' || rows.get(i).kind == '-') {
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
                current = new Hunk(oldLine, funcname(rows, i));
                f.hunks.add(current);
            } else if (!keep[i]) {
                current = null;
            }
            if (current != null) {
                current.rows.add(rows.get(i));
            }
            oldLine += rows.get(i).kind == ' ' || rows.get(i).kind == '-' ? 1 : 0;
        }
    }
}
