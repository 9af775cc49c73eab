package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A pasted diff that deletes a release whose value was acquired outside the hunks: the analysis cannot see the
 * acquisition, so it cannot follow the value, but the deletion itself is the change's act. Reported at low
 * confidence (it fails no gate) on the first line after the deletion, naming the release, unless the change puts the
 * same release back elsewhere (a {@code defer}, a try-with-resources, a helper given the value), deletes the
 * value's acquisition too, or another finding already speaks for that value nearby.
 */
final class RemovedReleases {

    static final String RULE = "removed-release";

    /** A release and the item it keeps. Group 1 is the released value (empty for the interrupt). */
    private record Release(Pattern pattern, String goItem, String javaItem, String what) {
    }

    private static final List<Release> RELEASES = List.of(
            new Release(Pattern.compile("^\\s*(?:defer\\s+)?([A-Za-z_][\\w.]*?)\\.Body\\.Close\\(\\)"), "RES-02", null,
                    "closes the body of"),
            new Release(Pattern.compile("^\\s*(?:defer\\s+)?(?:_\\s*=\\s*|_\\s*,?\\s*)?([A-Za-z_]\\w*)\\.Close\\(\\)"),
                    "RES-01", null, "closes"),
            new Release(Pattern.compile("^\\s*(?:defer\\s+)?([A-Za-z_]\\w*)\\.Rollback\\(\\)"), "TX-01", null,
                    "rolls back"),
            new Release(Pattern.compile("^\\s*(?:defer\\s+)?(cancel\\w*|\\w*[cC]ancel)\\(\\)\\s*$"), "TMO-03", null,
                    "calls"),
            new Release(Pattern.compile("^\\s*(?:this\\.)?([A-Za-z_]\\w*)\\.close\\(\\)\\s*;"), null, "RES-01", "closes"),
            new Release(Pattern.compile("^\\s*(?:this\\.)?([A-Za-z_]\\w*)\\.rollback\\(\\)\\s*;"), null, "TX-01",
                    "rolls back"),
            new Release(Pattern.compile("^\\s*()Thread\\.currentThread\\(\\)\\.interrupt\\(\\)\\s*;"), null, "CONC-05",
                    "restores"),
            // a no-argument remove() on a class or a static field (a thread-local or its holder): what an iterator,
            // a queue or a local collection does is left out by threadLocal(...) below
            new Release(Pattern.compile("^\\s*(?:[\\w.]+\\.)?([A-Za-z_]\\w*)\\.remove\\(\\)\\s*;"), null, "CONC-04",
                    "removes"));

    private RemovedReleases() {
    }

    /** Lines that open a function or method: a deleted release inside a deleted method went with its method. */
    private static final Pattern HEADER = Pattern.compile(
            "^\\s*(?:func\\b|@Override\\b|(?:(?:public|protected|private|static|final|synchronized|abstract)\\s+)+"
                    + "[\\w<>\\[\\],.? ]+\\(.*)");

    /**
     * @param allAdded every added line of the whole diff: a release moved to another file (a method moved to a
     *                 base class) is put back
     */
    static List<Finding> find(SourceFile file, List<Finding> others, Catalog catalog, List<String> allAdded) {
        if (file.complete() || file.change().hunks().isEmpty()) {
            return List.of();
        }
        Language language = file.language();
        List<String> added = allAdded;
        List<String> removed = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.REMOVED) {
                    removed.add(l.text());
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            for (int i = 0; i < lines.size(); i++) {
                DiffLine l = lines.get(i);
                if (l.kind() != DiffLine.Kind.REMOVED) {
                    continue;
                }
                for (Release r : RELEASES) {
                    String item = language == Language.GO ? r.goItem() : language == Language.JAVA ? r.javaItem() : null;
                    Matcher m = r.pattern().matcher(l.text());
                    if (item == null || !m.find()) {
                        continue;
                    }
                    String value = m.group(1);
                    if (item.equals("CONC-04") && !threadLocal(value, file)) {
                        continue;
                    }
                    int acquired = acquisitionInHunk(lines, i, value, item);
                    int at = acquired > 0 ? acquired : nextNewLine(lines, i);
                    if (at > 0 && !putBack(value, r, added, language == Language.JAVA) && !acquiredInChange(value, removed, added)
                            && !rewrittenInHunk(r, lines) && !insideDeletedMethod(lines, i)
                            && others.stream().noneMatch(f -> f.item().equals(item) && Math.abs(f.line() - at) <= 15)) {
                        Severity severity = catalog.item(item).map(Catalog.Item::severity).orElse(Severity.WARNING);
                        String message = value.isEmpty()
                                ? "The change deletes `" + l.text().strip() + "` and restores the interrupt nowhere "
                                        + "else in the diff: the callers can no longer tell the thread was interrupted."
                                : "The change deletes `" + l.text().strip() + "` and nothing else in the diff "
                                        + r.what() + " `" + value + "` (" + (acquired > 0 ? "acquired here"
                                        : "acquired outside the hunks") + "): unless that moved where the diff does "
                                        + "not show, `" + value + "` is no longer released on this path.";
                        out.add(new Finding(RULE, item, severity, file.path(), at, 1, file.line(at).strip(), message,
                                Finding.Confidence.LOW, acquired > 0 ? "the diff shows only part of the function"
                                : "the acquisition is outside the diff's hunks", "kb", null));
                    }
                    break;
                }
            }
        }
        return out;
    }

    /** A per-thread value the no-argument remove() of {@code value} ends (see {@link #RELEASES}). */
    private static boolean threadLocal(String value, SourceFile file) {
        SourceFile before = file.before();
        return Character.isUpperCase(value.charAt(0)) || THREAD_LOCAL_NAME.matcher(value).find()
                || kb.review.analysis.ThreadLocalNames.names(file.text(), before == null ? null : before.text())
                .contains(value);
    }

    /** The names the JDK thread-local model takes without a declared type (see java-jdk.yaml). */
    private static final Pattern THREAD_LOCAL_NAME = Pattern.compile("(?i)(threadlocal|holder|_tl|tl|current\\w*)$");

    /**
     * The new-file line, in the same hunk and function above the deleted release, where its value is acquired: an
     * assignment to it ({@code resp, err := c.Get(u)}, {@code InputStream in = new FileInputStream(f)}), or for a
     * thread-local a set on it or a setter named after one ({@code ctx.setThreadLocalInfo()}); 0 when the hunk does
     * not show it. The finding then stands where the lifecycle starts, as every other leak finding does, rather than
     * where the release used to be.
     */
    private static int acquisitionInHunk(List<DiffLine> lines, int removed, String value, String item) {
        if (value.isEmpty()) {
            return 0;
        }
        String v = Pattern.quote(value);
        Pattern acquires = item.equals("CONC-04")
                ? Pattern.compile("(?<![\\w.])" + v + "\\s*\\.\\s*set\\w*\\s*\\((?!\\s*null\\s*\\))"
                        + "|\\.set\\w*ThreadLocal\\w*\\s*\\(|\\w*ThreadLocal\\w*\\.set\\s*\\(")
                : Pattern.compile("(?<![\\w.])" + v + "\\s*(?:,\\s*\\w+\\s*)*:?=(?!=)");
        for (int j = removed - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            if (acquires.matcher(l.text()).find()) {
                return l.newLine();
            }
            if (HEADER.matcher(l.text()).find()) {
                return 0;
            }
        }
        return 0;
    }

    /** The hunk adds a release of the same kind (a renamed field or variable closed instead). */
    private static boolean rewrittenInHunk(Release r, List<DiffLine> lines) {
        return lines.stream().anyMatch(l -> l.kind() == DiffLine.Kind.ADDED && r.pattern().matcher(l.text()).find());
    }

    /** The run of deleted lines around the release also deletes the header of its function or method. */
    private static boolean insideDeletedMethod(List<DiffLine> lines, int at) {
        for (int j = at; j >= 0 && lines.get(j).kind() == DiffLine.Kind.REMOVED; j--) {
            if (HEADER.matcher(lines.get(j).text()).find()) {
                return true;
            }
        }
        return false;
    }

    /** The first line of the new file after the deletion (the line the deleted code stood before). */
    private static int nextNewLine(List<DiffLine> lines, int removed) {
        for (int j = removed + 1; j < lines.size(); j++) {
            if (lines.get(j).kind() != DiffLine.Kind.REMOVED) {
                return lines.get(j).newLine();
            }
        }
        for (int j = removed - 1; j >= 0; j--) {
            if (lines.get(j).kind() != DiffLine.Kind.REMOVED) {
                return lines.get(j).newLine();
            }
        }
        return 0;
    }

    /** The change adds a release of the same value (moved into a defer, a finally or a helper), or hands it on. */
    private static boolean putBack(String value, Release r, List<String> added, boolean java) {
        // compiled once per deleted release, not once per added line: a large diff has thousands of them
        Pattern named = value.isEmpty() ? null
                : Pattern.compile("(?<![\\w.])" + Pattern.quote(value) + "(?![\\w])");
        // Java: a stream given to a method whose result is returned (`return DigestUtils.md5Hex(in)`) is read there,
        // not handed to the caller; only the value itself, or a wrapper built around it, is
        Pattern returned = value.isEmpty() ? null : Pattern.compile("\\breturn\\s+(?:new\\s+[\\w.<>]+\\s*\\(\\s*)?"
                + Pattern.quote(value) + "(?![\\w.(])");
        for (String a : added) {
            if (r.pattern().matcher(a).find() && (value.isEmpty() || a.contains(value))) {
                return true;
            }
            if (named != null && named.matcher(a).find()
                    && (a.contains("try (") || a.contains("defer ") || a.contains("close") || a.contains("Close")
                    || a.contains("return ") && (!java || returned.matcher(a).find()))) {
                return true;
            }
        }
        return false;
    }

    /** The value's acquisition is rewritten by the change too: the code was replaced, not its release dropped. */
    private static boolean acquiredInChange(String value, List<String> removed, List<String> added) {
        if (value.isEmpty()) {
            return false;
        }
        Pattern assigned = Pattern.compile("(?<![\\w.])" + Pattern.quote(value) + "\\s*(?:,\\s*\\w+\\s*)?(?::=|=[^=])");
        return removed.stream().anyMatch(t -> assigned.matcher(t).find())
                || added.stream().anyMatch(t -> assigned.matcher(t).find());
    }
}
