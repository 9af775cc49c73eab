package kb.review.engine;

import static kb.review.engine.DeletedReleaseBlocks.callbackClearing;
import static kb.review.engine.DeletedReleaseBlocks.insideDeletedInterruptCatch;
import static kb.review.engine.DeletedReleaseBlocks.insideDeletedMethod;
import static kb.review.engine.DeletedReleaseBlocks.nextNewLine;
import static kb.review.engine.DeletedReleaseBlocks.opensBlockBefore;
import static kb.review.engine.DeletedReleaseBlocks.pairedInBlock;
import static kb.review.engine.DeletedReleaseBlocks.renamedInBlock;
import static kb.review.engine.DeletedReleaseBlocks.unconditionalBlock;
import static kb.review.engine.ReleasesPutBack.acquiredInChange;
import static kb.review.engine.ReleasesPutBack.addedIn;
import static kb.review.engine.ReleasesPutBack.putBack;
import static kb.review.engine.ReleasesPutBack.rewrittenInHunk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.analysis.CutCancels;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A change that deletes a release whose value was acquired outside the hunks: from a pasted diff the analysis cannot
 * see the acquisition, so it cannot follow the value, but the deletion itself is the change's act. In a checkout's
 * whole file (repo mode) the finding stands on the acquisition, found above the deletion in the same function; in a
 * diff, on the acquisition when the hunk shows it, else on the hunk's first line when the function starts above the
 * hunk (the nearest line shown to an acquisition made above it), else on the first line after the deletion. Reported at
 * low confidence (it still counts toward the gate), naming the release, unless the
 * change puts the same release back elsewhere (a {@code defer}, a try-with-resources, a helper given the value),
 * deletes the value's acquisition too, or another finding already speaks for that value nearby. A release put back
 * further down the same function, below an exit, is reported as moved past that exit.
 */
final class RemovedReleases {

    static final String RULE = "removed-release";

    /** A release and the item it keeps. Group 1 is the released value (empty for the interrupt). */
    record Release(Pattern pattern, String goItem, String javaItem, String what) {
    }

    /** The names a catch gives its failure, as an argument of a rollback helper. */
    static final String FAILURE = "(?:e|ex|exc|t|th|err|error|cause|throwable|exception|failure)";

    /** A Go call of a cleanup function value, alone on its line: group 1 its name. */
    private static final Pattern GO_CLEANUP = Pattern.compile(
            "^\\s*(?:defer\\s+)?(cleanup\\w*|cleanUp\\w*|\\w+Cleanup|closer|close(?:Fn|Func))\\(\\)\\s*$");
    /**
     * A Java disconnect or release of a value: group 1 the value, {@code this} for an object's release of its own
     * connection ({@code this.disconnect()} in the catch of a failed connect).
     */
    private static final Pattern RELEASE_VERB = Pattern.compile(
            "^\\s*(?:this\\.)?([A-Za-z_]\\w*)\\.(?:disconnect|release)\\(\\)\\s*;");
    /**
     * A Java shutdown of a value. Reported only when the diff shows the value's acquisition: a shutdown is often a second,
     * hurrying call ({@code shutdownNow()} in an interrupt catch after a {@code shutdown()} above the hunk, round 24's
     * java-24), so a deletion without the acquisition in sight says less than a deleted close.
     */
    private static final Pattern SHUTDOWN = Pattern.compile("^\\s*(?:this\\.)?([a-z_]\\w*)\\.(?:shutdownGracefully"
            + "|shutdownNow|shutdown)\\(\\)\\s*(?:\\.\\s*\\w+\\(\\)\\s*)*;");

    /** A key of a logging context removed: group 1 the context class. */
    static final Pattern LOGGING_KEY_REMOVE = Pattern.compile("^\\s*(?:[a-z][\\w]*\\.)*(MDC|ThreadContext|NDC|LogContext)"
            + "\\s*\\.\\s*(?:remove|removeAll)\\s*\\((?!\\s*\\))[^;]*\\)\\s*;");
    /** A per-thread context holder reset by a verb of its own: group 1 the holder class. */
    static final Pattern HOLDER_RESET = Pattern.compile("^\\s*(?:[a-z][\\w]*\\.)*([A-Z]\\w*(?:ContextHolder|Holder))"
            + "\\s*\\.\\s*(?:reset|clear)\\w+\\s*\\(\\s*\\)\\s*;");

    private static final List<Release> RELEASES = List.of(
            new Release(GoReleases.BODY, "RES-02", null, "closes the body of"),
            // Go: a close anywhere in a statement, not only as one: its error kept (`err := db.Close()`, `if err :=
            // f.Close(); ...`, `return f.Close()`) or joined into the function's (`errors.Join(err, m.dir.Close())`),
            // on a local or a field of one; a gRPC client stream's CloseSend ends it the same way
            new Release(GoReleases.CLOSE, "RES-01", null, "closes"),
            // Go: a helper handed the value (`defer googleapi.CloseBody(res)`, `defer drainAndClose(resp.Body)`,
            // `safeClose(conn)`), a response's or its body's RES-02 (session 42)
            new Release(HelperReleases.GO_BODY, "RES-02", null, "releases the body of"),
            new Release(HelperReleases.GO, "RES-01", null, "releases"),
            // Go: also `_ = tx.Rollback()`, and pgx's rollback that takes a context (`tx.Rollback(ctx)`)
            new Release(GoReleases.ROLLBACK, "TX-01", null, "rolls back"),
            // Go: a deferred helper handed a transaction begun above (`defer rollback.Tx(ctx, tx)`), TxHelperReleases
            new Release(TxHelperReleases.DEFERRED, "TX-01", null, "ends"),
            new Release(Pattern.compile("^\\s*(?:defer\\s+)?(cancel\\w*|\\w*[cC]ancel)\\(\\)\\s*$"), "TMO-03", null,
                    "calls"),
            // Go: the cleanup function an acquiring helper hands back with its resource (`f, cleanup, err :=
            // createTemp()`, `conn, closer := dial()`), called on a path: the file or connection is freed only by that
            // call (session 44); a cleanup handed on in an added line (`t.Cleanup(cleanup)`) is someone else's
            new Release(GO_CLEANUP, "RES-01", null, "calls"),
            new Release(Pattern.compile("^\\s*(?:this\\.)?([A-Za-z_]\\w*)\\.close\\(\\)\\s*;"), null, "RES-01", "closes"),
            new Release(Pattern.compile("^\\s*(?:this\\.)?([A-Za-z_]\\w*)\\.rollback\\(\\)\\s*;"), null, "TX-01",
                    "rolls back"),
            // Java: a rollback handed the transaction's holder as its first argument (session 38, res38): a helper
            // of the project or a library (`rollbackQuietly(conn, e)`, `JdbcUtils.rollback(conn)`,
            // `DbUtils.rollbackAndCloseQuietly(conn)`, `DatabaseUtils.rollBack(connection)`, `safeRollback(tx)`) or
            // a transaction manager given the status (`transactionManager.rollback(status)`); the value is the
            // argument. `setRollbackOnly()` takes none and is left out, and so is a helper handed only the failure
            // (`rollbackQuietly(e)`: a transaction object's own method, round 20's norm, whose value is not in view)
            // Only a helper handed one value (besides the failure or a message): `attemptRollback(typeDefs, mgmt)`
            // names two, and which is the transaction the text cannot tell (set 21's atlas, whose change moved the
            // rollback into the management object's close)
            new Release(Pattern.compile("^\\s*(?:[A-Za-z_][\\w.]*\\.)?(?:[a-z]\\w*R|r)oll[bB]ack\\w*\\(\\s*(?:this\\.)?"
                    + "(?!" + FAILURE + "\\s*[,)])([a-z_]\\w*)\\s*(?:,\\s*(?:" + FAILURE + "|\"[^\"]*\")\\s*)*\\)\\s*;"),
                    null, "TX-01", "rolls back"),
            // Java: a helper handed the value (`IOUtils.closeQuietly(in)`, `closeCursor(cursor)`), and an HTTP
            // entity consumed (`EntityUtils.consume(entity)`, RES-02's release in Apache HttpClient) (session 42)
            new Release(HelperReleases.JAVA_ENTITY, null, "RES-02", "consumes"),
            new Release(HelperReleases.JAVA, null, "RES-01", "closes"),
            // Java: the other release verbs of a value, read as a deleted close is (session 44): a connection
            // disconnected (`connection.disconnect()` of an HttpURLConnection, a JSch or D-Bus session), a pool's
            // lease or a Netty reference-counted message released (`session.release()`, `request.release()`)
            new Release(RELEASE_VERB, null, "RES-01", "releases"),
            // Java: an executor or a Netty event loop group shut down (its threads are the resource): deleted from the
            // catch of a failed start, the group's threads outlive the failure (round 24's java-40, a bind that fails)
            // (a value, lower-case: `SchedulerUtil.shutdown()` is a class's static call, no value the method holds)
            new Release(SHUTDOWN, null, "RES-01", "shuts down"),
            // Java: the object's own release of what it holds (`closeSocket()`, `disconnect()`), kept only where a new
            // one is acquired right below (OwnReleases.reacquired): a reconnect that no longer lets the old one go;
            // or in the catch of a failed connect that rethrows (OwnReleases.failedSetUp): the half-made one stays open
            new Release(OwnReleases.SELF_RELEASE, null, "RES-01", "calls"),
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
                    + "\\(\\)\\s*;"), null, "CONC-04", "clears"),
            // session 33 (conc33): one key of a logging context removed (`MDC.remove("computation")`, Log4j 2's
            // `ThreadContext.remove(KEY)` or `removeAll(keys)`), the per-key release of java-libraries.yaml's
            // logging-context; and a context holder reset by its own verb (Spring's
            // `SecurityContextHolder.clearContext()`, `LocaleContextHolder.resetLocaleContext()`,
            // `RequestContextHolder.resetRequestAttributes()`)
            new Release(LOGGING_KEY_REMOVE, null, "CONC-04", "removes a key of"),
            new Release(HOLDER_RESET, null, "CONC-04", "resets"));

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
        Set<String> reported = new HashSet<>();
        for (RemovedLine deleted : deletions) {
            Hunk h = deleted.hunk();
            List<DiffLine> lines = h.lines();
            int i = deleted.index();
            DiffLine l = deleted.line();
            for (Release r : RELEASES) {
                String declared = language == Language.GO ? r.goItem() : language == Language.JAVA ? r.javaItem() : null;
                Matcher m = r.pattern().matcher(l.text());
                if (declared == null || !m.find()) {
                    continue;
                }
                String value = m.group(1);
                // an HttpURLConnection's disconnect releases its response and socket: RES-02's
                String item = r.pattern() == RELEASE_VERB && urlConnection(value, file) ? "RES-02" : declared;
                if (item.equals("CONC-04") && (!threadLocal(value, file) || contextDropped(value, removed, added))) {
                    continue;
                }
                if (r.pattern() == TxHelperReleases.DEFERRED && !TxHelperReleases.deletedEnd(value, lines, i, added)) {
                    continue;
                }
                int reacquiredAt = r.pattern() == OwnReleases.SELF_RELEASE ? OwnReleases.reacquired(lines, i) : 0;
                if (r.pattern() == OwnReleases.SELF_RELEASE && reacquiredAt == 0) {
                    reacquiredAt = OwnReleases.failedSetUp(lines, i);
                }
                if (r.pattern() == OwnReleases.SELF_RELEASE && reacquiredAt == 0) {
                    break;
                }
                if ((r.pattern() == GoReleases.BODY || r.pattern() == HelperReleases.GO_BODY) && language == Language.GO
                        && GoReleases.serverRequest(value, file.text())) {
                    break; // a handler's request body is the server's to close (HTTP-01), not a response's
                }
                int next = nextNewLine(lines, i);
                if (next > 0 && !value.isEmpty() && others.stream().noneMatch(f -> f.item().equals(item)
                        && Math.abs(f.line() - next) <= 15)
                        && (!opensBlockBefore(lines, i) || unconditionalBlock(lines, i) >= 0)
                        && !pairedInBlock(lines, i, r, value) && !acquiredInChange(value, removed, added)) {
                    Finding moved = MovedPastExits.find(file, h, i, value, r, next, item, catalog);
                    if (moved == null && language == Language.JAVA) {
                        moved = MovedPastExits.outOfFinally(file, h, i, value, r, item, catalog);
                    }
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
                // the acquisition above the hunk: the finding stands at the hunk's top, the nearest line shown to it
                // (a local's: a field's value, `r.listener` or `this.pool`, was acquired in another method)
                int outside = acquired > 0 || above > 0 || checked > 0 || overwritten > 0 || file.complete()
                        || fieldReleased(value, l.text()) ? 0 : DeletedReleaseAcquisitions.nearestShownAbove(h, i);
                // Java: a try/finally unwrapped, the statement it guarded kept: the finding stands on that statement
                int bare = outside > 0 && language == Language.JAVA
                        ? UnwrappedHandOffs.unguardedBody(lines, i, value) : 0;
                int at = reacquiredAt > 0 ? reacquiredAt : overwritten > 0 ? overwritten : acquired > 0 ? acquired
                        : above > 0 ? above : checked > 0 ? checked : bare > 0 ? bare : outside > 0 ? outside : next;
                boolean unwrapped = language == Language.JAVA && UnwrappedHandOffs.unwrapped(lines, i, value);
                boolean kept = overwritten > 0 ? GoReleases.releasedAgain(r.pattern(), value, added)
                        : putBack(value, r, added, language == Language.JAVA, unwrapped) || rewrittenInHunk(r, lines)
                        || ReleaseAliases.putBack(value, r, added, file, language == Language.JAVA, unwrapped)
                        || language == Language.GO && GoReleases.endedOtherwise(value, added)
                        || language == Language.GO && renamedInBlock(lines, i, r, value)
                        || (r.pattern() == GO_CLEANUP || r.pattern() == RELEASE_VERB) && handedOn(value, added)
                        || r.pattern() == GO_CLEANUP && ReleasesPutBack.calledAgain(value, added)
                        || r.pattern() == RELEASE_VERB && ReleasesPutBack.handedToOwner(lines);
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
                        // Go: a release that ran only on a recovered panic, in a recover branch the change deletes
                        // with it (CONC-01's defect), when the release is a cancel (the other paths are as they
                        // were: round 40's go-06) or the branch was a goroutine's own (unrecovered, the panic ends
                        // the process: nothing stays open). A rollback or close of an ordinary function's recover is
                        // still lost: a panic a caller recovers leaves the transaction open (round 44's go-19)
                        && !(language == Language.GO && (item.equals("TMO-03") || DeletedRecovers.goroutineTop(lines, i))
                                && CutCancels.panicOnly(DeletedRecovers.deletedRunAbove(lines, i)))
                        && others.stream().noneMatch(f -> f.item().equals(item) && Math.abs(f.line() - at) <= 15)
                        // two deleted releases of one value (one in each catch) are one finding at its acquisition,
                        // and so are two in one hunk (a close deleted from each early return below one dial)
                        && out.stream().noneMatch(f -> f.item().equals(item) && f.line() == at)
                        && (value.isEmpty() || reported.add(h.newStart() + ":" + item + ":" + value))) {
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
                                    : outside > 0 ? "acquired above this hunk, whose first line this stands on"
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
     * True when the lines in view declare or cast {@code value} as an {@code HttpURLConnection} (or its HTTPS kind), or
     * call on it a method only a URL connection has (its declaration often stands above the hunk).
     */
    private static boolean urlConnection(String value, SourceFile file) {
        String v = Pattern.quote(value);
        return Pattern.compile("URLConnection\\s+" + v + "\\b|\\b" + v + "\\s*=\\s*\\(\\s*Https?URLConnection\\s*\\)"
                + "|(?<![\\w.])" + v + "\\.(?:setRequestProperty|setRequestMethod|getResponseCode|getErrorStream"
                + "|setDoOutput|setInstanceFollowRedirects)\\(").matcher(file.text()).find();
    }

    /**
     * An added line passes {@code name} on, as an argument or a result: a Go cleanup function handed to its new owner
     * uncalled ({@code t.Cleanup(cleanup)}), a Netty message fired down the pipeline ({@code ctx.fireChannelRead(msg)}),
     * whose release is the receiver's then.
     */
    private static boolean handedOn(String name, List<String> added) {
        Pattern on = Pattern.compile("(?:[(,]|\\breturn)\\s*" + Pattern.quote(name) + "\\s*[,)]|\\breturn\\b.*[\\s,]"
                + Pattern.quote(name) + "\\s*(?:,|$)");
        return added.stream().anyMatch(a -> a.contains(name) && on.matcher(a).find());
    }

    /** True when the release reaches its value through an owner ({@code c.conn.Close()}, {@code this.pool.close()}). */
    private static boolean fieldReleased(String value, String line) {
        return value.contains(".") || !value.isEmpty()
                && Pattern.compile("(?:\\bthis|\\w)\\s*\\.\\s*" + Pattern.quote(value) + "\\b").matcher(line).find();
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

    /**
     * The change deletes a put or set on the per-thread context and adds none: the code stopped using the context,
     * and its reset went with it (conc33's clean look-alike ok3).
     */
    private static boolean contextDropped(String value, List<String> removed, List<String> added) {
        Pattern sets = Pattern.compile("(?<![\\w.])" + Pattern.quote(value) + "\\s*\\.\\s*(?:put|set)\\w*\\s*\\(");
        return removed.stream().anyMatch(t -> sets.matcher(t).find())
                && added.stream().noneMatch(t -> sets.matcher(t).find());
    }

    /** The names the JDK thread-local model takes without a declared type (see java-jdk.yaml). */
    private static final Pattern THREAD_LOCAL_NAME = Pattern.compile("(?i)(threadlocal|holder|_tl|tl|current\\w*)$");

    /** A Go function or method declaration. */
    static final Pattern GO_DECLARATION = Pattern.compile("^func\\b");
}
