package kb.review.engine;

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
 * For {@link RemovedReleases}: a release the change moves where a way out skips it. Three shapes:
 * <ul>
 * <li>past a return the diff shows (a {@code defer resp.Body.Close()} moved below the error check of reading the body):
 * the paths that leave by that return no longer release the value;</li>
 * <li>Go: a {@code defer} at the top of a function that returns errors, turned into a plain close below lines the diff
 * does not show (a {@code defer rows.Close()} replaced by {@code rows.Close()} after the row loop). The defer ran on
 * every exit; the plain close runs only on the path that reaches it, and the hidden lines between are where such a
 * function returns its errors (a failed scan, a failed write). A defer inside a loop turned into a close at the end of
 * the turn is the fix RES-03 asks for, not this: only a defer in the function's own body counts.</li>
 * <li>Java: a release moved out of its {@code finally} up into the try's body ({@link #outOfFinally}): a failure in
 * the try now leaves by the catch or the throw without it.</li>
 * </ul>
 */
final class MovedPastExits {

    /**
     * A return, a panic or a throw, as the first word of a line; and a loop's {@code continue} (session 52): a
     * release of the turn's value moved below it is skipped on that turn, and the next turn overwrites the value.
     */
    private static final Pattern EXIT = Pattern.compile("^\\s*(?:return\\b|panic\\(|throw\\s|continue\\s*;?\\s*$)");
    /** A line that starts a closure, a try or a finally: an exit after it may not leave the function. */
    private static final Pattern NESTED = Pattern.compile("\\bfunc\\s*\\(|\\btry\\b|\\bfinally\\b|->\\s*\\{");
    /** True when a Go function header declares an error among its results. */
    static boolean returnsError(String header) {
        return !goFunction(header).isEmpty() && ERROR_RESULT.matcher(header).find();
    }

    /** A Go function's header up to its parameters: {@code func (s *Store) Load(} or {@code func Load(}. */
    private static final Pattern GO_FUNCTION = Pattern.compile("^func\\s*(?:\\([^)]*\\)\\s*)?\\w+\\s*\\(");
    private static final Pattern ERROR_RESULT = Pattern.compile("\\)\\s*\\(?[^()]*\\berror\\b[^()]*\\)?\\s*\\{?\\s*$");

    private MovedPastExits() {
    }

    /**
     * The finding for a release deleted at {@code removedAt} of {@code from} and added back lower in the same
     * function past a way out, or null when it is not.
     *
     * @param at the new-file line the release stood before
     */
    static Finding find(SourceFile file, Hunk from, int removedAt, String value, RemovedReleases.Release r, int at,
                        String item, Catalog catalog) {
        DiffLine removed = from.lines().get(removedAt);
        String deleted = removed.text().strip();
        // a release deleted with the deferred closure it stood in: the closure's defer is what the change gave up
        int opener = DeletedReleaseBlocks.unconditionalBlock(from.lines(), removedAt);
        String opened = opener >= 0 ? from.lines().get(opener).text() : removed.text();
        String header = header(from, removedAt);
        String function = goFunction(header);
        for (Hunk h : file.change().hunks()) {
            // a later hunk of the same function: git names the function each hunk starts in, or, for Go, the
            // function whose header the deletion's hunk shows above it
            boolean same = h == from || !from.section().isEmpty() && from.section().equals(h.section())
                    || !function.isEmpty() && function.equals(goFunction(h.section()));
            if (!same || h.newStart() + h.newCount() <= at) {
                continue;
            }
            for (int k = 0; k < h.lines().size(); k++) {
                DiffLine l = h.lines().get(k);
                if (l.kind() != DiffLine.Kind.ADDED || l.newLine() <= at) {
                    continue;
                }
                if (!releases(r, l.text(), value, file.language(), item)) {
                    continue;
                }
                if (DeletedReleaseBlocks.pairedInBlock(h.lines(), k, r, value)) {
                    return null; // rewritten where it stands
                }
                if (RemovedReleases.indent(l.text()) > RemovedReleases.indent(opened)) {
                    // into a branch, taken on some paths only: a Go defer's paths that skip it
                    return file.language() == Language.GO
                            ? ReleasedInBranch.find(file, from, removedAt, value, r, at, l.newLine(), item, catalog)
                            : null;
                }
                for (int line = at; line < l.newLine(); line++) {
                    if (NESTED.matcher(file.line(line)).find() || RemovedReleases.HEADER.matcher(file.line(line)).find()) {
                        return null; // into a finally, or past a closure or another function
                    }
                }
                for (int line = at; line < l.newLine(); line++) {
                    if (EXIT.matcher(file.line(line)).find() && !ownFailure(file, line, value)) {
                        String message = "The change moves `" + deleted + "` from line " + at + " down to line "
                                + l.newLine() + ", below the exit at line " + line + ": every path that leaves there "
                                + "no longer " + r.what() + " `" + value + "`.";
                        return finding(file, item, acquiredAt(file, from, removedAt, value, item, at), message,
                                catalog, List.of(
                                new Finding.Step(at, "`" + deleted + "` stood here"),
                                new Finding.Step(line, "leaves here without it: the change moved it to line "
                                        + l.newLine())));
                    }
                }
                if (opened.strip().startsWith("defer ") && !function.isEmpty() && ERROR_RESULT.matcher(header).find()
                        && RemovedReleases.indent(opened) == RemovedReleases.indent(header) + 4
                        && !file.allKnown(at, l.newLine() - 1)) {
                    int where = acquiredAt(file, from, removedAt, value, item, at);
                    String message = "The change replaces `" + deleted + "` with a close at line " + l.newLine()
                            + ", below lines the diff does not show: the deferred close ran on every exit of the "
                            + "function, the new one only on the path that reaches line " + l.newLine() + ". An error "
                            + "return among the lines between now leaves `" + value + "` open.";
                    return finding(file, item, where, message, catalog, List.of(
                            new Finding.Step(at, "`" + deleted + "` stood here"),
                            new Finding.Step(l.newLine(), "closed here, on the path that reaches this line only")));
                }
                return null;
            }
        }
        return null;
    }

    /** The Go forms of a close, any of which puts back a deleted close of the same value. */
    private static final List<Pattern> GO_CLOSES = List.of(GoReleases.CLOSE, GoReleases.BODY, HelperReleases.GO_BODY,
            HelperReleases.GO);

    /**
     * True when {@code text} releases {@code value} as the deleted release did: by the same form, or (Go, a close,
     * session 54) by another form of a close (a helper's {@code defer fsutil.Close(seg)} replaced by
     * {@code defer seg.Close()} further down).
     */
    static boolean releases(RemovedReleases.Release r, String text, String value, Language language, String item) {
        Matcher m = r.pattern().matcher(text);
        if (m.find() && m.group(1).equals(value)) {
            return true;
        }
        if (language != Language.GO || !item.startsWith("RES-0") || !GO_CLOSES.contains(r.pattern())) {
            return false;
        }
        for (Pattern p : GO_CLOSES) {
            Matcher other = p.matcher(text);
            if (other.find() && other.group(1).equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** An error or null check: the branch taken when an acquisition failed. */
    private static final Pattern FAILED = Pattern.compile("^\\s*(?:}\\s*else\\s+)?if\\s*\\(?\\s*(?:\\w*[eE]rr\\w*\\s*!=\\s*nil"
            + "|[\\w$]+\\s*==\\s*(?:nil|null))");

    /**
     * True when the exit at {@code exit} sits in the failure branch of {@code value}'s own acquisition (the {@code if err
     * != nil} or null check right below the line that assigns it): the value was never made on that path, so a release
     * moved below that exit skips nothing (precision set 22's croc: a zip entry's destination file opened after the
     * entry, its close moved below the open's own error branch).
     */
    private static boolean ownFailure(SourceFile file, int exit, String value) {
        int depth = RemovedReleases.indent(file.line(exit));
        for (int n = exit - 1; n >= 1 && n >= exit - 12; n--) {
            String t = file.line(n);
            if (t.isBlank() || RemovedReleases.indent(t) >= depth) {
                continue;
            }
            if (!FAILED.matcher(t).find()) {
                return false;
            }
            for (int m = n - 1; m >= 1 && m >= n - 2; m--) {
                String above = file.line(m);
                if (!above.isBlank()) {
                    return Pattern.compile("(?<![\\w$.])" + Pattern.quote(value) + "\\s*(?:,\\s*[\\w$]+\\s*)*:?=(?!=)")
                            .matcher(above).find();
                }
            }
            return false;
        }
        return false;
    }

    /** A line that ends a try's body: its catch or its finally. */
    private static final Pattern TRY_END = Pattern.compile("^\\s*}\\s*(?:catch\\s*\\(|finally\\s*\\{)");
    private static final Pattern TRY_OPEN = Pattern.compile("^\\s*try\\b.*\\{\\s*$");
    private static final Pattern FINALLY = Pattern.compile("^\\s*}\\s*finally\\s*\\{\\s*$");

    /**
     * Java: a release deleted from a {@code finally} and added back up in the body of its try ({@code pool.shutdown()}
     * moved above the {@code catch}): the finally ran on every path, the try's last statements only when nothing before
     * them threw, so every failure now leaves the value unreleased. The finding stands on the acquisition when the diff
     * shows it (in this hunk or an earlier one of the method), else on the top of a hunk that opens for the moved
     * release ({@link DeletedReleaseAcquisitions#nearestShownAbove}), else on the release's new line. Null when the
     * release deleted is not in a finally the hunk shows (kept, or deleted whole with it), or the one added back is not in that
     * try's own body (a branch of it, a catch, another method).
     */
    static Finding outOfFinally(SourceFile file, Hunk from, int removedAt, String value, RemovedReleases.Release r,
                                String item, Catalog catalog) {
        List<DiffLine> lines = from.lines();
        // the finally kept with other statements in it, or deleted whole with the release
        int opener = DeletedReleaseBlocks.unconditionalBlock(lines, removedAt);
        int finallyAt = opener >= 0 ? opener
                : atDepth(lines, removedAt - 1, -1, 0, RemovedReleases.indent(lines.get(removedAt).text()) - 1);
        if (finallyAt < 0 || !FINALLY.matcher(lines.get(finallyAt).text()).find()) {
            return null;
        }
        int tryEnd = RemovedReleases.indent(lines.get(finallyAt).text());
        for (int k = finallyAt - 1; k >= 0; k--) {
            DiffLine l = lines.get(k);
            if (RemovedReleases.HEADER.matcher(l.text()).find()) {
                return null;
            }
            Matcher m = l.kind() == DiffLine.Kind.ADDED ? r.pattern().matcher(l.text()) : null;
            if (m == null || !m.find() || !m.group(1).equals(value)
                    || RemovedReleases.indent(l.text()) != tryEnd + 4 || !inTryBody(lines, k, finallyAt, tryEnd)) {
                continue;
            }
            if (releasedInCatch(lines, k, finallyAt, value)) {
                return null; // the failure paths release it too: the catch that takes them does
            }
            String deleted = lines.get(removedAt).text().strip();
            int acquired = DeletedReleaseAcquisitions.acquisitionAbove(file, from, removedAt, value, item);
            String message = "The change moves `" + deleted + "` out of the finally into the try's body (line "
                    + l.newLine() + "): it now runs only when nothing above it in the try throws, and every failure "
                    + "leaves `" + value + "` unreleased.";
            // without the acquisition in view, the top of a hunk that opens for this change is the nearest line to it
            int top = acquired > 0 ? 0 : DeletedReleaseAcquisitions.nearestShownAbove(from, k);
            return finding(file, item, acquired > 0 ? acquired : top > 0 ? top : l.newLine(), message, catalog, List.of(
                    new Finding.Step(l.newLine(), "released here, on the path without a failure only")));
        }
        return null;
    }

    /** True when a line between the try's body and its finally (a catch) releases {@code value} by any verb. */
    private static boolean releasedInCatch(List<DiffLine> lines, int k, int finallyAt, String value) {
        Pattern released = Pattern.compile("(?<![\\w.])" + Pattern.quote(value)
                + "\\s*\\.\\s*(?:close|shutdown\\w*|disconnect|release|rollback|abort)\\s*\\(");
        for (int j = k + 1; j < finallyAt; j++) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && released.matcher(l.text()).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the release added at {@code k} stands in the try's own body: the first line above it at the try's
     * depth opens the try (not a catch), or the hunk starts inside that block (the try above it, a diff that shows
     * the acquisition in a hunk of its own); and the first line below it at that depth ends the body (its catch or
     * its finally).
     */
    private static boolean inTryBody(List<DiffLine> lines, int k, int finallyAt, int tryEnd) {
        int above = atDepth(lines, k - 1, -1, 0, tryEnd);
        int below = atDepth(lines, k + 1, 1, finallyAt, tryEnd);
        return (above < 0 || TRY_OPEN.matcher(lines.get(above).text()).find())
                && below >= 0 && TRY_END.matcher(lines.get(below).text()).find();
    }

    /**
     * The index of the first kept or added line from {@code from} towards {@code last} (by {@code step}) at most
     * {@code depth} deep; -1 when there is none.
     */
    private static int atDepth(List<DiffLine> lines, int from, int step, int last, int depth) {
        for (int j = from; step > 0 ? j <= last : j >= last; j += step) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && !l.text().isBlank() && RemovedReleases.indent(l.text()) <= depth) {
                return j;
            }
        }
        return -1;
    }

    /**
     * Where the finding stands: the value's acquisition when the hunk shows it, else (Go) the {@code if} of the error
     * check the deleted defer followed when the hunk shows it, since it checks the statement just above it
     * ({@link GoReleases#checkAbove}), else {@code at}, the line the release stood before. A leak finding stands where
     * the lifecycle starts, and this is the nearest line the diff shows of it; the steps still name where the release
     * stood and where it went. When the check's {@code if} is above the hunk too, nothing shown is nearer the
     * acquisition than the release's own line.
     */
    static int acquiredAt(SourceFile file, Hunk from, int removedAt, String value, String item, int at) {
        int acquired = DeletedReleaseAcquisitions.acquisitionInHunk(from.lines(), removedAt, value, item);
        if (acquired > 0) {
            return acquired;
        }
        int checked = file.language() == Language.GO ? GoReleases.checkAbove(from.lines(), removedAt, from) : 0;
        return checked > 0 && file.line(checked).strip().startsWith("if ") ? checked : at;
    }

    static Finding finding(SourceFile file, String item, int at, String message, Catalog catalog,
                                   List<Finding.Step> steps) {
        Severity severity = catalog.item(item).map(Catalog.Item::severity).orElse(Severity.WARNING);
        return new Finding(RemovedReleases.RULE, item, severity, file.path(), at, 1, file.line(at).strip(), message,
                Finding.Confidence.LOW, "the review follows the moved release, not the value", "kb", null, steps);
    }

    /** The header of the function the deleted line stands in: shown above it in the hunk, else git's section. */
    static String header(Hunk hunk, int removedAt) {
        for (int j = removedAt - 1; j >= 0; j--) {
            DiffLine l = hunk.lines().get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && RemovedReleases.HEADER.matcher(l.text()).find()) {
                return l.text();
            }
        }
        return hunk.section();
    }

    /** A Go function header's name part ({@code func (s *Store) Load(}), or empty. */
    private static String goFunction(String header) {
        Matcher m = GO_FUNCTION.matcher(header.strip());
        return m.find() ? m.group().replaceAll("\\s+", " ") : "";
    }
}
