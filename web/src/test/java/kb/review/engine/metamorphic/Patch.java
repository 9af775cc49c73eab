package kb.review.engine.metamorphic;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unified diff held as rows that remember where they came from, so that a transform can insert, drop, reorder
 * or rewrite lines and a finding on the transformed diff can still be traced back to a line of the original one.
 * Hunk headers are never kept: {@link #render} recomputes them from the rows, so every transform yields a diff
 * whose counts and starts are right.
 */
final class Patch {
    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@(.*)$");

    /** One line of a hunk: its kind (' ', '+', '-' or '\\'), its text without the line end, its origin. */
    static final class Row {
        char kind;
        String text;
        /** The row's new-side line number in the original diff; 0 for rows a transform made or for removed rows. */
        final int origin;
        boolean cr;

        Row(char kind, String text, int origin, boolean cr) {
            this.kind = kind;
            this.text = text;
            this.origin = origin;
            this.cr = cr;
        }

        Row made(char kind, String text) {
            return new Row(kind, text, 0, cr);
        }

        boolean newSide() {
            return kind == ' ' || kind == '+';
        }
    }

    static final class Hunk {
        int oldStart;
        String section;
        final List<Row> rows = new ArrayList<>();

        Hunk(int oldStart, String section) {
            this.oldStart = oldStart;
            this.section = section;
        }
    }

    static final class FilePatch {
        final List<String> header = new ArrayList<>();
        final List<Hunk> hunks = new ArrayList<>();
        /** The path the original diff gave the file (new side, or old side for a deletion). */
        String originalPath;
        String path;

        boolean isNew() {
            return header.stream().anyMatch(h -> h.startsWith("new file mode") || h.equals("--- /dev/null"));
        }

        boolean isGo() {
            return path != null && path.endsWith(".go");
        }

        boolean isJava() {
            return path != null && path.endsWith(".java");
        }

        boolean isSource() {
            return isGo() || isJava();
        }

        /** Every row of the file's hunks, in order. */
        List<Row> rows() {
            List<Row> all = new ArrayList<>();
            hunks.forEach(h -> all.addAll(h.rows));
            return all;
        }
    }

    final List<String> preamble = new ArrayList<>();
    final List<FilePatch> files = new ArrayList<>();

    static Patch parse(String diff) {
        Patch patch = new Patch();
        String[] lines = diff.split("\n", -1);
        int end = lines.length;
        if (end > 0 && lines[end - 1].isEmpty()) {
            end--;
        }
        FilePatch file = null;
        Hunk hunk = null;
        int newLine = 0;
        for (int i = 0; i < end; i++) {
            String raw = lines[i];
            boolean cr = raw.endsWith("\r");
            String line = cr ? raw.substring(0, raw.length() - 1) : raw;
            if (line.startsWith("diff --git ")) {
                file = new FilePatch();
                file.header.add(raw);
                patch.files.add(file);
                hunk = null;
                continue;
            }
            Matcher m = HUNK.matcher(line);
            if (file != null && m.matches()) {
                hunk = new Hunk(Integer.parseInt(m.group(1)), m.group(5));
                newLine = Integer.parseInt(m.group(3));
                file.hunks.add(hunk);
                continue;
            }
            if (file == null) {
                patch.preamble.add(raw);
            } else if (hunk == null) {
                file.header.add(raw);
                if (line.startsWith("+++ b/")) {
                    file.path = line.substring(6);
                } else if (line.startsWith("--- a/") && file.path == null) {
                    file.path = line.substring(6);
                }
            } else {
                char kind = line.isEmpty() ? ' ' : line.charAt(0);
                String text = line.isEmpty() ? "" : line.substring(1);
                if (kind != ' ' && kind != '+' && kind != '-' && kind != '\\') {
                    // a stray line after the last hunk (an ordinary diff never has one): keep it in the header
                    file.header.add(raw);
                    continue;
                }
                int origin = kind == ' ' || kind == '+' ? newLine++ : 0;
                hunk.rows.add(new Row(kind, text, origin, cr));
            }
        }
        for (FilePatch f : patch.files) {
            f.originalPath = f.path;
        }
        return patch;
    }

    /** The diff text, hunk headers recomputed from the rows. */
    String render() {
        StringBuilder out = new StringBuilder();
        preamble.forEach(p -> out.append(p).append('\n'));
        for (FilePatch f : files) {
            f.header.forEach(h -> out.append(h).append('\n'));
            int delta = 0;
            for (Hunk h : f.hunks) {
                int oldCount = oldCount(h);
                int newCount = newCount(h);
                int oldStart = oldCount == 0 && f.isNew() ? 0 : h.oldStart;
                out.append("@@ -").append(oldStart).append(',').append(oldCount).append(" +")
                        .append(newStart(f, h, delta)).append(',').append(newCount).append(" @@").append(h.section)
                        .append('\n');
                for (Row r : h.rows) {
                    out.append(r.kind).append(r.text).append(r.cr ? "\r" : "").append('\n');
                }
                delta += newCount - oldCount;
            }
        }
        return out.toString();
    }

    /**
     * The original line of the transformed file's new-side line {@code line}: the origin of the row at that line,
     * or of the nearest original row above it when a transform made the row; 0 when nothing maps.
     */
    int origin(FilePatch f, int line) {
        int delta = 0;
        int best = 0;
        for (Hunk h : f.hunks) {
            int n = newStart(f, h, delta);
            for (Row r : h.rows) {
                if (!r.newSide()) {
                    continue;
                }
                if (r.origin > 0) {
                    best = r.origin;
                }
                if (n == line) {
                    return best;
                }
                n++;
            }
            delta += newCount(h) - oldCount(h);
        }
        return 0;
    }

    private static int oldCount(Hunk h) {
        return (int) h.rows.stream().filter(r -> r.kind == ' ' || r.kind == '-').count();
    }

    private static int newCount(Hunk h) {
        return (int) h.rows.stream().filter(Row::newSide).count();
    }

    /** Git's new start: after the old start when the hunk only adds, before it when it only removes. */
    private static int newStart(FilePatch f, Hunk h, int delta) {
        if (oldCount(h) == 0) {
            return f.isNew() ? 1 : h.oldStart + delta + 1;
        }
        return newCount(h) == 0 ? h.oldStart + delta - 1 : h.oldStart + delta;
    }

    /** The file whose current path, with or without git's a/ or b/ prefix, is {@code path}; null if none. */
    FilePatch file(String path) {
        String p = path.startsWith("a/") || path.startsWith("b/") ? path.substring(2) : path;
        for (FilePatch f : files) {
            if (p.equals(f.path) || path.equals(f.path)) {
                return f;
            }
        }
        return null;
    }
}
