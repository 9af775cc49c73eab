package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A change that deletes a release whose value was acquired outside the hunks: from a pasted diff the analysis cannot
 * see the acquisition, so it cannot follow the value, but the deletion itself is the change's act. In a checkout's
 * whole file (repo mode) the finding stands on the acquisition, found above the deletion in the same function. Reported at low
 * confidence (it still counts toward the gate) on the first line after the deletion, naming the release, unless the
 * change puts the same release back elsewhere (a {@code defer}, a try-with-resources, a helper given the value),
 * deletes the value's acquisition too, or another finding already speaks for that value nearby. A release put back
 * further down the same function, below an exit, is reported as moved past that exit.
 */
final class RemovedReleases {

    static final String RULE = "removed-release";

    /** A release and the item it keeps. Group 1 is the released value (empty for the interrupt). */
    record Release(Pattern pattern, String goItem, String javaItem, String what) {
    }

    /**
     * A Java shutdown of a value. Reported only when the diff shows the value's acquisition: a shutdown is often a second,
     * hurrying call ({@code shutdownNow()} in an interrupt catch after a {@code shutdown()} above the hunk, round 24's
     * java-24), so a deletion without the acquisition in sight says less than a deleted close.
     */
    private static final Pattern SHUTDOWN = Pattern.compile("^\\s*(?:this\\.)?([a-z_]\\w*)\\.(?:shutdownGracefully"
            + "|shutdownNow|shutdown)\\(\\)\\s*(?:\\.\\s*\\w+\\(\\)\\s*)*;");

    private static final List<Release> RELEASES = List.of(
            new Release(GoReleases.BODY, "RES-02", null, "closes the body of"),
            // Go: a close anywhere in a statement, not only as one: its error kept (`err := db.Close()`, `if err :=
            // f.Close(); ...`, `return f.Close()`) or joined into the function's (`errors.Join(err, m.dir.Close())`),
            // on a local or a field of one; a gRPC client stream's CloseSend ends it the same way
            new Release(GoReleases.CLOSE, "RES-01", null, "closes"),
            // Go: also `_ = tx.Rollback()`, and pgx's rollback that takes a context (`tx.Rollback(ctx)`)
            new Release(GoReleases.ROLLBACK, "TX-01", null, "rolls back"),
            // Go: a deferred helper handed a transaction begun above (`defer rollback.Tx(ctx, tx)`), TxHelperReleases
            new Release(TxHelperReleases.DEFERRED, "TX-01", null, "ends"),
            new Release(Pattern.compile("^\\s*(?:defer\\s+)?(cancel\\w*|\\w*[cC]ancel)\\(\\)\\s*$"), "TMO-03", null,
                    "calls"),
            new Release(Pattern.compile("^\\s*(?:this\\.)?([A-Za-z_]\\w*)\\.close\\(\\)\\s*;"), null, "RES-01", "closes"),
            new Release(Pattern.compile("^\\s*(?:this\\.)?([A-Za-z_]\\w*)\\.rollback\\(\\)\\s*;"), null, "TX-01",
                    "rolls back"),
            // Java: an executor or a Netty event loop group shut down (its threads are the resource): deleted from the
            // catch of a failed start, the group's threads outlive the failure (round 24's java-40, a bind that fails)
            // (a value, lower-case: `SchedulerUtil.shutdown()` is a class's static call, no value the method holds)
            new Release(SHUTDOWN, null, "RES-01", "shuts down"),
            // also through a static import of currentThread, and a Thread subclass interrupting itself
            new Release(Pattern.compile("^\\s*()(?:(?:Thread\\.)?currentThread\\(\\)\\.|this\\.)?interrupt\\(\\)\\s*;"),
                    null, "CONC-05", "restores"),
            // a no-argument remove() on a class or a static field (a thread-local or its holder): what an iterator,
            // a queue or a local collection does is left out by threadLocal(...) below
            new Release(Pattern.compile("^\\s*(?:[\\w.]+\\.)?([A-Za-z_]\\w*)\\.remove\\(\\)\\s*;"), null, "CONC-04",
                    "removes"),
            // a whole per-thread context cleared at once: MDC.clear(), ThreadContext.clearAll(), a framework's
            // RequestContext.getCurrentContext().unset(); a lower-case receiver (a cache, a list) is left out below
            new Release(Pattern.compile("^\\s*(?:[\\w.]+\\.)?([A-Za-z_]\\w*)(?:\\(\\))?\\.(?:clear|clearAll|clearMap|unset)"
                    + "\\(\\)\\s*;"), null, "CONC-04", "clears"));

    /** A Go {@code defer v.Close()} (or {@code defer v.Body.Close()}) statement alone on its line. */
    private static final Pattern DEFERRED_CLOSE = Pattern.compile(
            "^\\s*defer\\s+[A-Za-z_]\\w*(?:\\.Body)?\\.Close\\(\\)\\s*(?://.*)?$");

    private RemovedReleases() {
    }

    /** Lines that open a function or method: a deleted release inside a deleted method went with its method. */
    static final Pattern HEADER = Pattern.compile(
            "^\\s*(?:func\\b|@Override\\b|(?:(?:public|protected|private|static|final|synchronized|abstract)\\s+)+"
                    + "[\\w<>\\[\\],.? ]+\\(.*)");

    /**
     * @param allAdded every added line of the whole diff: a release moved to another file (a method moved to a
     *                 base class) is put back
     */
    static List<Finding> find(SourceFile file, List<Finding> others, Catalog catalog, List<String> allAdded) {
        // also a checkout's whole file (repo mode): the whole-file analysis follows most values there, but not a value
        // whose release it credits to a helper or a timer, a field's value, or a thread-local reset by a framework
        // call; the deletion is the change's act in either case. A whole file given as added (files mode) has no
        // deleted line.
        if (file.change().hunks().isEmpty()) {
            return List.of();
        }
        Language language = file.language();
        // a Go release names a local or a field of the function it stood in: only that file can put it back (a
        // `defer rows.Close()` added in another file's function closes another `rows`)
        List<String> added = language == Language.GO ? addedIn(file) : allAdded;
        List<RemovedLine> deletions = RemovedLine.of(file);
        List<String> removed = deletions.stream().map(d -> d.line().text()).toList();
        List<Finding> out = new ArrayList<>();
        for (RemovedLine deleted : deletions) {
            Hunk h = deleted.hunk();
            List<DiffLine> lines = h.lines();
            int i = deleted.index();
            DiffLine l = deleted.line();
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
                if (r.pattern() == TxHelperReleases.DEFERRED && !TxHelperReleases.deletedEnd(value, lines, i, added)) {
                    continue;
                }
                if (r.pattern() == GoReleases.BODY && language == Language.GO
                        && GoReleases.serverRequest(value, file.text())) {
                    break; // a handler's request body is the server's to close (HTTP-01), not a response's
                }
                int next = nextNewLine(lines, i);
                if (next > 0 && !value.isEmpty() && others.stream().noneMatch(f -> f.item().equals(item)
                        && Math.abs(f.line() - next) <= 15) && !opensBlockBefore(lines, i)
                        && !pairedInBlock(lines, i, r, value) && !acquiredInChange(value, removed, added)) {
                    Finding moved = MovedPastExits.find(file, h, i, value, r, next, item, catalog);
                    if (moved != null) {
                        out.add(moved);
                        break;
                    }
                }
                int acquired = DeletedReleaseAcquisitions.acquisitionAbove(file, h, i, value, item);
                // a checkout's whole file shows the acquisition however far above the hunk it is
                int above = acquired > 0 ? 0
                        : DeletedReleaseAcquisitions.acquisitionInFile(file, next, value, item);
                int checked = acquired > 0 || above > 0 || language != Language.GO ? 0
                        : GoReleases.checkAbove(lines, i, h);
                // Go: the value is overwritten right below the deleted close; only the same close puts it back
                int overwritten = language == Language.GO ? GoReleases.overwriteBelow(lines, i, value) : 0;
                int at = overwritten > 0 ? overwritten : acquired > 0 ? acquired : above > 0 ? above
                        : checked > 0 ? checked : next;
                boolean unwrapped = language == Language.JAVA && UnwrappedHandOffs.unwrapped(lines, i, value);
                boolean kept = overwritten > 0 ? GoReleases.releasedAgain(r.pattern(), value, added)
                        : putBack(value, r, added, language == Language.JAVA, unwrapped) || rewrittenInHunk(r, lines)
                        || language == Language.GO && GoReleases.endedOtherwise(value, added)
                        || language == Language.GO && renamedInBlock(lines, i, r, value);
                boolean owned = language == Language.GO && acquired == 0 && above == 0 && overwritten == 0
                        && ReceiverOwnedFields.ownedByReceiver(h, lines, i, value);
                // a Java HTTP response's close: RES-02, sure when a retry loop overwrites the response
                DeletedResponseCloses.Verdict response = language == Language.JAVA && "RES-01".equals(item)
                        ? DeletedResponseCloses.judge(file, lines, i, acquired, value) : null;
                if (at > 0 && !kept && !owned && !acquiredInChange(value, removed, added)
                        && (response == null || others.stream().noneMatch(f -> f.item().equals(response.item())
                                && Math.abs(f.line() - at) <= 15 && !DeletedResponseCloses.surer(response, f)))
                        && !(r.pattern() == SHUTDOWN && acquired == 0 && above == 0)
                        && !(insideDeletedMethod(lines, i) && !(acquired > 0 && callbackClearing(lines, i, item)))
                        && (unwrapped || !DeletedExitBranches.inside(lines, i))
                        && !(value.isEmpty() && insideDeletedInterruptCatch(lines, i))
                        && others.stream().noneMatch(f -> f.item().equals(item) && Math.abs(f.line() - at) <= 15)
                        // two deleted releases of one value (one in each catch) are one finding at its acquisition
                        && out.stream().noneMatch(f -> f.item().equals(item) && f.line() == at)) {
                    Severity severity = catalog.item(item).map(Catalog.Item::severity).orElse(Severity.WARNING);
                    String message = value.isEmpty()
                            ? "The change deletes `" + l.text().strip() + "` and restores the interrupt nowhere "
                                    + "else in the change: the callers can no longer tell the thread was interrupted."
                            : overwritten > 0 ? "The change deletes `" + l.text().strip() + "`, and line "
                                    + overwritten + " then overwrites `" + value + "`: the value it held can no "
                                    + "longer be closed by anything."
                            : "The change deletes `" + l.text().strip() + "` and nothing else in the change "
                                    + r.what() + " `" + value + "` (" + (acquired > 0 || above > 0 ? "acquired here"
                                    : checked > 0 ? "acquired just above this error check"
                                    : "acquired outside the hunks") + "): unless that moved where the change does "
                                    + "not show, `" + value + "` is no longer released on this path.";
                    // Go: the deleted release is the `defer v.Close()` written right under the acquisition and its
                    // error check, both shown in the hunk: Go code closes such a value nowhere else, so what the diff
                    // leaves unseen below cannot hold its release (round 22, go-07)
                    boolean paired = language == Language.GO && acquired > 0 && next > acquired
                            && next - acquired <= 5 && DEFERRED_CLOSE.matcher(l.text()).find();
                    if (response != null) {
                        severity = catalog.item(response.item()).map(Catalog.Item::severity).orElse(severity);
                        paired = response.confidence() == Finding.Confidence.HIGH;
                    }
                    out.add(new Finding(RULE, response != null ? response.item() : item, severity, file.path(), at, 1,
                            file.line(at).strip(), message, paired ? Finding.Confidence.HIGH : Finding.Confidence.LOW,
                            paired ? null
                            : acquired > 0 ? "the diff shows only part of the function"
                            : above > 0 ? "the change deletes the release at line " + next + "; the review follows "
                                    + "the deleted release, not the value"
                            : "the acquisition is outside the diff's hunks", "kb", null));
                }
                break;
            }
        }
        return out;
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
    private static boolean insideDeletedInterruptCatch(List<DiffLine> lines, int i) {
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
    private static boolean opensBlockBefore(List<DiffLine> lines, int at) {
        for (int j = at - 1; j >= 0 && lines.get(j).kind() == DiffLine.Kind.REMOVED; j--) {
            if (lines.get(j).text().strip().endsWith("{")) {
                return true;
            }
        }
        return false;
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

    /** The width of a line's indentation, a tab counted as four columns. */
    static int indent(String line) {
        int width = 0;
        for (int i = 0; i < line.length() && Character.isWhitespace(line.charAt(i)); i++) {
            width += line.charAt(i) == '\t' ? 4 : 1;
        }
        return width;
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

    /** A Go function or method declaration. */
    static final Pattern GO_DECLARATION = Pattern.compile("^func\\b");

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

    /**
     * The deleted method that held the release is a framework callback ({@code @Override} on the deleted run) that
     * cleared a per-thread value the kept code still sets: the interceptor's {@code afterCompletion} after its
     * {@code preHandle}. Deleting the callback deletes the only clearing; the framework calls nothing else.
     */
    private static boolean callbackClearing(List<DiffLine> lines, int at, String item) {
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

    /** The added lines of one file's hunks. */
    private static List<String> addedIn(SourceFile file) {
        List<String> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.ADDED) {
                    out.add(l.text());
                }
            }
        }
        return out;
    }

    /** The change adds a release of the same value (in a defer, a finally or a helper), or hands it on (unless unwrapped). */
    private static boolean putBack(String value, Release r, List<String> added, boolean java, boolean unwrapped) {
        // compiled once per deleted release, not once per added line: a large diff has thousands of them
        Pattern named = value.isEmpty() ? null
                : Pattern.compile("(?<![\\w.])" + Pattern.quote(value) + "(?![\\w])");
        // Java: a stream given to a method whose result is returned (`return DigestUtils.md5Hex(in)`) is read there,
        // not handed to the caller; only the value itself, or a wrapper built around it, is
        Pattern returned = value.isEmpty() ? null : Pattern.compile("\\breturn\\s+(?:new\\s+[\\w.<>]+\\s*\\(\\s*)?"
                + Pattern.quote(value) + "(?![\\w.(])");
        // a per-thread context now reset another way (MDC.clear() replaced by MDC.remove(key), unset() by remove())
        Pattern reset = value.isEmpty() || !"CONC-04".equals(r.javaItem()) ? null : Pattern.compile("(?<![\\w])"
                + Pattern.quote(value) + "(?:\\(\\))?\\s*\\.\\s*(?:remove|clear\\w*|unset|putCloseable)\\s*\\(");
        for (String a : added) {
            if (r.pattern().matcher(a).find() && (value.isEmpty() || a.contains(value))
                    || reset != null && reset.matcher(a).find()) {
                return true;
            }
            if (named != null && named.matcher(a).find()
                    && (a.contains("try (") || a.contains("defer ") || a.contains("close") || a.contains("Close")
                    || a.contains("return ") && !unwrapped && (!java || returned.matcher(a).find()))) {
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
        // the value may stand anywhere in a tuple assignment: a CLI's helper hands back its context, client,
        // connection and cancel in one (`ctx, client, conn, cancel, err := newClient()`; precision set 19, BU)
        Pattern assigned = Pattern.compile("(?<![\\w.])" + Pattern.quote(value) + "\\s*(?:,\\s*\\w+\\s*)*(?::=|=[^=])");
        // a line deleted and added back with only its comment or spacing changed is not a rewritten acquisition
        Set<String> removedCode = removed.stream().map(DeletedReleaseAcquisitions::code).collect(Collectors.toSet());
        Set<String> addedCode = added.stream().map(DeletedReleaseAcquisitions::code).collect(Collectors.toSet());
        // an acquisition given other arguments only (`group = new NioEventLoopGroup()` becoming `new
        // NioEventLoopGroup(2)`) is the same acquisition: the same value is still made by the same call
        Set<String> removedCalls = removed.stream().filter(t -> assigned.matcher(t).find())
                .map(RemovedReleases::callHead).filter(c -> c != null).collect(Collectors.toSet());
        Set<String> addedCalls = added.stream().filter(t -> assigned.matcher(t).find())
                .map(RemovedReleases::callHead).filter(c -> c != null).collect(Collectors.toSet());
        return removed.stream().anyMatch(t -> assigned.matcher(t).find()
                && !addedCode.contains(DeletedReleaseAcquisitions.code(t)) && !reArgued(t, addedCalls))
                || added.stream().anyMatch(t -> assigned.matcher(t).find()
                && !removedCode.contains(DeletedReleaseAcquisitions.code(t)) && !reArgued(t, removedCalls));
    }

    /** The line's code up to its first call's opening parenthesis, without white space; null without a call. */
    static String callHead(String line) {
        String code = DeletedReleaseAcquisitions.code(line);
        int open = code.indexOf('(');
        return open <= 0 ? null : code.substring(0, open).replaceAll("\\s+", "");
    }

    /** The other side of the change makes the same assignment by the same call, with other arguments. */
    private static boolean reArgued(String line, Set<String> otherSide) {
        String head = callHead(line);
        return head != null && head.contains("=") && otherSide.contains(head);
    }
}
