package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.analysis.Shapes.Spot;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.SourceFile;

/**
 * Releases an edit puts on one branch only (Go and Java, read from the hunks of an edit, whose function is seldom all
 * in view): the release of a value stays where it was, and the change adds a way past it.
 * <ul>
 * <li><b>An exit added above the release</b>: a {@code return}, {@code continue}, {@code break} or {@code throw} in an
 * added {@code if} that sits in the same block as a kept {@code x.close()}, {@code defer resp.Body.Close()} or
 * {@code closeQuietly(x)} below it, with the value acquired above the {@code if} (in view or above the hunk): the new
 * path leaves with the value open (a status check added before the body's {@code defer}, an empty-result return before
 * a cursor's close).</li>
 * <li><b>A guard narrowed around the release</b>: the removed line guarded the block by the value's null check alone
 * ({@code if (c != null) {}, {@code if f != nil {}) and the added line keeps that check and adds a condition
 * ({@code && c.getCount() > 0}, {@code && c.moveToFirst()}): the release inside the block (seen, or the block's own
 * {@code try}) now runs only for the values that meet it, and an empty cursor or a non-200 answer is never closed.</li>
 * </ul>
 * Not this: the exit's branch releases the value itself; the condition is the value's own null or error check (the
 * acquisition failed: there is nothing to close); the release is in a {@code finally} or a {@code defer} above the
 * {@code if}; the value is (re)assigned between the {@code if} and the release; the narrowed block's release is seen
 * after the block too; the value is a try-with-resources resource; Go's builtin {@code close(ch)} of a channel.
 */
public final class SkippedReleases {

    private static final Pattern EXIT = Pattern.compile("^\\s*(?:return\\b|continue\\b|break\\b|throw\\s)");
    private static final Pattern IF = Pattern.compile("^\\s*(?:}\\s*else\\s+)?if\\b");
    /** A release statement of a value: Java {@code x.close();}, Go {@code defer x.Close()}, {@code x.Body.Close()}. */
    private static final Pattern RELEASE = Pattern.compile("^\\s*(?:defer\\s+)?(?:(\\w+)(\\.Body)?\\s*\\.\\s*"
            + "(?:close|Close|release|disconnect)\\s*\\(\\s*\\)"
            + "|(?:[\\w.]+\\.close(?:Quietly|Cursor|Silently)?|close(?:Quietly|Cursor|Silently))\\s*\\("
            + "\\s*(\\w+)\\s*\\))\\s*;?\\s*(?://.*)?$");
    /** The removed guard: the value's null check alone. */
    private static final Pattern NULL_GUARD = Pattern.compile(
            "^\\s*if\\s*\\(?\\s*(\\w+)\\s*!=\\s*(?:null|nil)\\s*\\)?\\s*\\{\\s*$");
    /** An HTTP answer: Go's body, a Java response type. */
    private static final Pattern RESPONSE = Pattern.compile("(?i)resp|response|answer|reply");

    private SkippedReleases() {
    }

    /** The spots of the change; {@code responses}: HTTP answers (RES-02's), else every other value (RES-01's). */
    public static List<Spot> find(SourceFile file, boolean go, boolean responses) {
        List<Spot> out = new ArrayList<>();
        if (file.complete()) {
            return out;
        }
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            boolean added = false;
            for (DiffLine l : lines) {
                added |= l.kind() == DiffLine.Kind.ADDED;
            }
            if (!added) {
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                if (l.kind() != DiffLine.Kind.ADDED) {
                    continue;
                }
                Spot s = EXIT.matcher(l.text()).find() ? exitAbove(lines, i, go, responses)
                        : IF.matcher(l.text()).find() ? narrowed(lines, i, go, responses) : null;
                if (s != null && out.stream().noneMatch(o -> o.line() == s.line())) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** An added exit at {@code e} that skips a kept release below it. */
    private static Spot exitAbove(List<DiffLine> lines, int e, boolean go, boolean responses) {
        int exitIndent = indent(lines.get(e).text());
        int cond = -1;
        for (int j = e - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            if (indent(l.text()) < exitIndent) {
                cond = j;
                break;
            }
        }
        if (cond < 0 || lines.get(cond).kind() != DiffLine.Kind.ADDED || !IF.matcher(lines.get(cond).text()).find()) {
            return null;
        }
        int base = indent(lines.get(cond).text());
        for (int r = e + 1; r < lines.size(); r++) {
            DiffLine l = lines.get(r);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            int in = indent(l.text());
            if (in < base) {
                return null; // the block around the if ends before any release
            }
            if (in > base || l.kind() != DiffLine.Kind.CONTEXT) {
                continue;
            }
            Matcher m = RELEASE.matcher(l.text());
            if (!m.find()) {
                continue;
            }
            String x = m.group(1) != null ? m.group(1) : m.group(3);
            boolean body = m.group(2) != null;
            if (skips(lines, cond, e, r, x, go) && response(x, body, go) == responses) {
                // on the acquisition when it is in view (where the lifecycle pass and reviewers put the leak), else
                // on the new exit
                int acq = go ? acquisition(lines, cond, x) : -1; // a Java context line's spot is dropped downstream
                return at(lines.get(acq >= 0 ? acq : e), "a way out the change added before " + x + "'s release below");
            }
            return null;
        }
        return null;
    }

    /** True when the exit in the {@code if} at {@code cond} leaves {@code x} open on the way to its release at {@code r}. */
    private static boolean skips(List<DiffLine> lines, int cond, int e, int r, String x, boolean go) {
        Pattern named = Pattern.compile("(?<![\\w.])" + Pattern.quote(x) + "(?!\\w)");
        String guard = lines.get(cond).text();
        if (Pattern.compile("(?<![\\w.])" + Pattern.quote(x) + "\\s*[=!]=\\s*(?:null|nil)\\b").matcher(guard).find()
                && !guard.contains("&&") && !guard.contains("||")) {
            return false; // the value's own null check
        }
        for (int j = cond; j < r; j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            String t = l.text();
            if (j > cond && j < e && (RELEASE.matcher(t).find() && named.matcher(t).find())) {
                return false; // the branch releases it itself
            }
            if (t.contains("finally") || t.contains("->") || go && t.contains("func(")) {
                return false;
            }
            if (Pattern.compile("(?<![\\w.])" + Pattern.quote(x) + "\\s*(?:,\\s*\\w+\\s*)?:?=[^=]").matcher(t).find()) {
                return false; // the value is taken after the if
            }
        }
        // the acquisition: the last assignment of x above the if, in view or above the hunk
        int acq = -1;
        Pattern assigned = Pattern.compile("(?<![\\w.])" + Pattern.quote(x) + "\\s*(?:,\\s*(\\w+)\\s*)?:?=[^=]");
        for (int j = cond - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            String t = l.text();
            if (t.contains("try (") || t.contains("try(")) {
                if (named.matcher(t).find()) {
                    return false; // a try-with-resources resource
                }
            }
            if (go && t.contains("defer") && named.matcher(t).find()) {
                return false; // already released by a defer above
            }
            if (acq < 0 && assigned.matcher(t).find()) {
                acq = j;
            }
        }
        if (go && ERROR_CHECK.matcher(guard).find()) {
            // an error check: the value's own failure (nothing to close) unless another call set err since
            if (acq < 0) {
                return false;
            }
            Pattern setsErr = Pattern.compile("(?<![\\w.])err\\s*:?=[^=]|,\\s*err\\s*:?=[^=]");
            for (int j = acq + 1; j < cond; j++) {
                if (lines.get(j).kind() != DiffLine.Kind.REMOVED && setsErr.matcher(lines.get(j).text()).find()) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    private static final Pattern ERROR_CHECK = Pattern.compile("^\\s*if\\s+err\\s*!=\\s*nil\\s*\\{");

    /**
     * An added {@code if} at {@code i} that replaced the value's null check alone with the same check and another
     * condition, its block holding the release (seen inside, or a {@code try} opening it), with no release after it.
     */
    private static Spot narrowed(List<DiffLine> lines, int i, boolean go, boolean responses) {
        String guard = lines.get(i).text();
        if (!guard.contains("&&")) {
            return null;
        }
        String x = null;
        for (int j = i - 1; j >= 0 && lines.get(j).kind() != DiffLine.Kind.CONTEXT; j--) {
            Matcher m = NULL_GUARD.matcher(lines.get(j).text());
            if (lines.get(j).kind() == DiffLine.Kind.REMOVED && m.find()) {
                x = m.group(1);
                break;
            }
        }
        if (x == null || !Pattern.compile("(?<![\\w.])" + Pattern.quote(x) + "\\s*!=\\s*(?:null|nil)\\s*&&"
                + "(?=.*(?<![\\w.])" + Pattern.quote(x) + "\\s*\\.)").matcher(guard).find()) {
            return null; // not the same value's check, or the added condition is not about the value
        }
        Pattern named = Pattern.compile("(?<![\\w.])" + Pattern.quote(x) + "(?!\\w)");
        int base = indent(guard);
        boolean inside = false;
        boolean ended = false;
        boolean exits = false;
        boolean body = false;
        int first = -1;
        for (int j = i + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            String t = l.text();
            int in = indent(t);
            Matcher m = RELEASE.matcher(t);
            boolean releases = m.find() && named.matcher(t).find();
            if (!ended && in > base) {
                if (first < 0) {
                    first = j;
                }
                inside |= releases;
                body |= releases && m.group(2) != null;
                exits |= EXIT.matcher(t).find();
                continue;
            }
            if (!ended) {
                ended = true;
                if (t.strip().startsWith("} else") || t.strip().startsWith("}else")) {
                    return null; // an else in view: the other branch is the code's own
                }
                continue;
            }
            if (releases || named.matcher(t).find() && t.contains("close")) {
                return null; // released after the block as well
            }
            if (in < base) {
                break;
            }
        }
        boolean opensTry = !go && first >= 0 && lines.get(first).text().strip().startsWith("try {");
        if (exits && !inside || !inside && !(opensTry && !ended)) {
            return null;
        }
        if (response(x, body, go) != responses) {
            return null;
        }
        int acq = acquisition(lines, i, x);
        return at(lines.get(acq >= 0 ? acq : i), "the change narrowed the guard around " + x + "'s release");
    }

    /** The last line above {@code below} that assigns {@code x}, or -1. */
    private static int acquisition(List<DiffLine> lines, int below, String x) {
        Pattern assigned = Pattern.compile("(?<![\\w.])" + Pattern.quote(x) + "\\s*(?:,\\s*\\w+\\s*)?:?=[^=]");
        for (int j = below - 1; j >= 0; j--) {
            if (lines.get(j).kind() != DiffLine.Kind.REMOVED && assigned.matcher(lines.get(j).text()).find()) {
                return j;
            }
        }
        return -1;
    }

    private static boolean response(String x, boolean body, boolean go) {
        return go ? body : RESPONSE.matcher(x).find();
    }

    private static Spot at(DiffLine l, String note) {
        return new Spot(l.newLine(), indent(l.text()) + 1, true, null);
    }

    /** Leading white space, a tab counted as four. */
    private static int indent(String t) {
        int n = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ' ') {
                n++;
            } else if (c == '\t') {
                n += 4;
            } else {
                break;
            }
        }
        return n;
    }
}
