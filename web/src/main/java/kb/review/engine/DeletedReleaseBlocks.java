package kb.review.engine;

import static kb.review.engine.RemovedReleases.HEADER;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;
import kb.review.engine.RemovedReleases.Release;

/**
 * Where a deleted release stands among its hunk's lines, for {@link RemovedReleases}: rewritten in place or on a
 * renamed value in its changed block, inside a catch, a block or a method the change deletes too, and the new line it
 * stood before.
 */
final class DeletedReleaseBlocks {

    private DeletedReleaseBlocks() {
    }

    /**
     * Go: the changed block around the deleted release adds the same statement on a renamed value, the same field
     * reached another way ({@code ctl.conn.Close()} becoming {@code ctl.sessionCtx.Conn.Close()}; precision set 17,
     * BU): the release stays where it was, on the value's new name. The new name must end in the old one's last name
     * (compared without case), so that a close of some other value ({@code s.log} for {@code s.conn}) does not pass.
     */
    static boolean renamedInBlock(List<DiffLine> lines, int at, Release r, String value) {
        String old = lines.get(at).text().strip();
        int from = old.indexOf(value);
        if (from < 0 || value.isEmpty()) {
            return false;
        }
        String before = old.substring(0, from);
        String after = old.substring(from + value.length());
        String last = value.substring(value.lastIndexOf('.') + 1);
        for (DiffLine l : RemovedLine.changedBlock(lines, at)) {
            String t = l.text().strip();
            if (l.kind() != DiffLine.Kind.ADDED || !t.startsWith(before) || !t.endsWith(after)
                    || t.length() <= before.length() + after.length()) {
                continue;
            }
            String now = t.substring(before.length(), t.length() - after.length());
            if (now.equals(value) || !NAME_PATH.matcher(now).matches()) {
                continue;
            }
            String nowRoot = now.contains(".") ? now.substring(0, now.indexOf('.')) : now;
            String nowLast = now.substring(now.lastIndexOf('.') + 1);
            if (nowLast.equalsIgnoreCase(last) && !nowRoot.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern NAME_PATH = Pattern.compile("[A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*");

    /** The head of a catch clause that names InterruptedException (alone or in a multi-catch). */
    private static final Pattern INTERRUPT_CATCH = Pattern.compile("\\bcatch\\s*\\([^)]*\\bInterruptedException\\b");
    private static final Pattern CATCH = Pattern.compile("\\bcatch\\s*\\(");

    /**
     * True when the deleted interrupt restore sits in a {@code catch (InterruptedException e)} the change deletes too
     * (a try around a call that no longer throws it, unwrapped; found on zuul's removal of {@code throws Exception}).
     * The compiler then vouches for the rest: nothing in the try throws it any more, or the method declares it, or
     * another catch that the diff shows takes it. The nearest catch above the line in the hunk decides.
     */
    static boolean insideDeletedInterruptCatch(List<DiffLine> lines, int i) {
        for (int j = i - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (CATCH.matcher(l.text()).find()) {
                return l.kind() == DiffLine.Kind.REMOVED && INTERRUPT_CATCH.matcher(l.text()).find();
            }
        }
        return false;
    }

    /**
     * The run of deleted lines above the release also deletes the line that opened its block: the change rewrote the
     * control flow around the release (an {@code if (!closed)} turned into an early return), not moved the release.
     */
    static boolean opensBlockBefore(List<DiffLine> lines, int at) {
        for (int j = at - 1; j >= 0 && lines.get(j).kind() == DiffLine.Kind.REMOVED; j--) {
            if (lines.get(j).text().strip().endsWith("{")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A Go deferred closure opening its own line ({@code defer func() {}) or a Java finally ({@code } finally {}): a
     * block that runs on every way out of the function or the try.
     */
    private static final Pattern UNCONDITIONAL = Pattern.compile(
            "^\\s*(?:defer\\s+func\\s*\\(\\s*\\)|}?\\s*finally)\\s*\\{\\s*$");

    /**
     * The index of the deleted line that opens the block of the release deleted at {@code at} when that block ran on
     * every way out: a deferred closure ({@code defer func() { if err := resp.Body.Close(); err != nil {...} }()}) or a
     * finally, deleted with the release; -1 otherwise. Deleting such a block is not a rewrite of the control flow
     * around the release (what {@link #opensBlockBefore} stands for) but the loss of the release's one unconditional
     * place: when the change closes the value by hand lower down, the paths that leave before that line no longer
     * close it (real fixes put it back: jacoco/jacoco#1244, trickstercache/trickster#34).
     */
    static int unconditionalBlock(List<DiffLine> lines, int at) {
        int inner = 0; // blocks closed between the opener and the release (an if around the close)
        for (int j = at - 1; j >= 0 && lines.get(j).kind() == DiffLine.Kind.REMOVED; j--) {
            String text = lines.get(j).text();
            if (inner == 0 && text.strip().endsWith("{")) {
                return UNCONDITIONAL.matcher(text).find() ? j : -1;
            }
            inner -= DeletedExitBranches.braces(text);
        }
        return -1;
    }

    /**
     * The block of changed lines (deleted and added, between two context lines) around {@code at} holds the same
     * release of the same value on its other side: a release rewritten in place ({@code conn.Close()} to
     * {@code _ = conn.Close()}).
     */
    static boolean pairedInBlock(List<DiffLine> lines, int at, Release r, String value) {
        DiffLine.Kind other = lines.get(at).kind() == DiffLine.Kind.REMOVED ? DiffLine.Kind.ADDED
                : DiffLine.Kind.REMOVED;
        for (DiffLine l : RemovedLine.changedBlock(lines, at)) {
            if (l.kind() == other) {
                Matcher m = r.pattern().matcher(l.text());
                if (m.find() && m.group(1).equals(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The run of deleted lines around the release also deletes the header of its function or method. */
    static boolean insideDeletedMethod(List<DiffLine> lines, int at) {
        for (int j = at; j >= 0 && lines.get(j).kind() == DiffLine.Kind.REMOVED; j--) {
            if (HEADER.matcher(lines.get(j).text()).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The deleted method that held the release is a framework callback ({@code @Override} on the deleted run) that
     * cleared a per-thread value the kept code still sets: the interceptor's {@code afterCompletion} after its
     * {@code preHandle}. Deleting the callback deletes the only clearing; the framework calls nothing else.
     */
    static boolean callbackClearing(List<DiffLine> lines, int at, String item) {
        if (!item.equals("CONC-04")) {
            return false;
        }
        for (int j = at; j >= 0 && lines.get(j).kind() == DiffLine.Kind.REMOVED; j--) {
            if (lines.get(j).text().strip().startsWith("@Override")) {
                return true;
            }
        }
        return false;
    }

    /** The first line of the new file after the deletion (the line the deleted code stood before). */
    static int nextNewLine(List<DiffLine> lines, int removed) {
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
}
