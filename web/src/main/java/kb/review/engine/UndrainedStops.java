package kb.review.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A stop path that no longer drains in-flight work (OPS-01): in a function whose name says it stops something
 * ({@code Stop}, {@code Close}, {@code Shutdown}, {@code MustStop}, {@code stop()}; or a Go {@code main} that waits
 * for a signal), the change deletes the wait that let running work finish (Go {@code srv.Shutdown(ctx)},
 * {@code GracefulStop()}, {@code wg.Wait()}, a bare receive {@code <-done}, a {@code Flush}; Java
 * {@code awaitTermination}, {@code shutdownGracefully}, a {@code join()}, a {@code flush()}, a drain call) and writes
 * no wait in its place: what was in flight (requests, batches read from a queue, the last period's metrics) is cut
 * off or lost when the process exits. Real fixes of the class go the other way (buildbuddy#336, web-researcher-mcp#185:
 * {@code Close()} back to {@code Shutdown(ctx)}; swarmkit#1854, dht#50: the {@code wg.Wait()} back into
 * {@code Stop}; embrace-android-sdk#709, decaton#79: {@code shutdown} and a wait instead of {@code shutdownNow}).
 * The function's name is not needed when the change writes {@code shutdownNow()} in the deleted wait's place: that
 * call names the stop itself (a pool ended in a {@code finally}, a stop method whose header the hunk does not show).
 * A stop written whole as {@code shutdownNow()} is left to the manual prompt: projects choose it on purpose for
 * periodic work nobody needs finished (vespa#5063, hawkbit#1841), and only a deleted wait shows the drain mattered.
 * Silent when the change writes a wait elsewhere in the file (moved, or into a helper named for waiting or
 * draining), when the function header itself is deleted (the stop was rewritten), and in test code.
 */
final class UndrainedStops {

    static final String RULE = "stop-without-drain";

    /** A function or method name that says it stops a server, worker or pipeline. */
    private static final Pattern STOP_NAME = Pattern.compile(
            "(?i)stop|close|shutdown|terminate|destroy|dispose|halt|quit");
    private static final Pattern GO_FUNC = Pattern.compile("^func\\s*(?:\\([^)]*\\)\\s*)?(\\w+)\\s*\\(");
    private static final Pattern JAVA_METHOD = Pattern.compile(
            "^\\s*(?:@\\w+\\s+)*(?:(?:public|protected|private|static|final|synchronized|default)\\s+)*"
                    + "(?:<[^>]*>\\s*)?[\\w.<>\\[\\], ?]+\\s+(\\w+)\\s*\\([^;]*\\)"
                    + "\\s*(?:throws\\s+[\\w.,\\s]+)?\\{?\\s*$");
    /** A Java line that opens a type: a method header search stops there. */
    private static final Pattern JAVA_TYPE = Pattern.compile("\\b(?:class|interface|enum|record)\\s+\\w+");
    /**
     * The waits a stop path keeps, by form: a graceful stop ({@code Shutdown}, {@code GracefulStop}); any call named
     * for waiting, flushing or draining, the library's or a helper's ({@code wg.Wait()}, {@code mgr.waitForJobs(d)},
     * {@code s.flush(ctx)}, {@code e.drainShards(ctx)}); a receive that blocks, alone, assigned or returned
     * ({@code <-done}, {@code err := <-s.stopped}, {@code return <-done}), but not a ticker's channel.
     */
    private static final Pattern GO_DRAIN = Pattern.compile(
            "\\.(?:Shutdown|GracefulStop)\\s*\\(|\\b\\w*[Ww]ait\\w*\\s*\\(|\\b[Ff]lush\\w*\\s*\\(|\\b[Dd]rain\\w*\\s*\\("
                    + "|(?:^\\s*|:?=\\s*|\\breturn\\s+)<-\\s*[\\w.]+(?<!\\.C)(?:\\(\\))?\\s*$");
    /**
     * Java's: any {@code await...} call (an executor's {@code awaitTermination}, a client's {@code awaitClose} or
     * {@code awaitShutdown}, a latch, a helper {@code awaitQuietly(pool)}), Netty's {@code shutdownGracefully}, a
     * thread's or future's {@code join}, a {@code flush} or {@code drain} call.
     */
    private static final Pattern JAVA_DRAIN = Pattern.compile(
            "\\b(?:await|drain|flush)\\w*\\s*\\(|\\.shutdownGracefully\\s*\\("
                    + "|^\\s*(?:this\\.)?[a-z]\\w*\\.join\\s*\\([^()]*\\)\\s*;");
    /** A pause inside a loop: a deleted loop that sleeps until the work in flight is done is a wait too. */
    private static final Pattern SLEEP = Pattern.compile(
            "\\btime\\.Sleep\\s*\\(|\\bThread\\.sleep\\s*\\(|\\bLockSupport\\.park\\w*\\s*\\(|\\bTimeUnit\\.\\w+\\.sleep\\s*\\(");
    private static final Pattern LOOP_HEAD = Pattern.compile("^\\s*(?:for\\b|while\\s*\\()");
    /**
     * A Go select case that runs when the work is told to stop: the context's {@code Done()}, or a channel named for
     * stopping, quitting, a signal or termination ({@code case <-ctx.Done():}, {@code case sig := <-sigs:}); a bare
     * {@code case <-s.done:} too, but not {@code case err := <-done:}, which takes a worker's result.
     */
    private static final Pattern STOP_CASE = Pattern.compile(
            "^\\s*case\\s+(?:[\\w, ]+:?=\\s*)?<-\\s*(?:[\\w.]*\\.Done\\(\\)|(?:[\\w]+\\.)*\\w*(?i:stop|quit|shutdown|term|sig|interrupt|exit|kill|cancel)\\w*)\\s*:"
                    + "|^\\s*case\\s+<-\\s*(?:\\w+\\.)*(?i:done|closing)\\w*\\s*:");
    /**
     * A log line of the code shown that says the path stops: its message names stopping or shutting down
     * ({@code log.Info("shutdown signal received, stopping the updater")}, {@code logger.debug("crawler thread is now
     * stopped")}), the code's own word for where it is when the method's header is not in the hunk.
     */
    private static final Pattern SAYS_STOP = Pattern.compile(
            "(?i)\\b(?:log|logger|slog|klog|glog)\\w*(?:\\(\\w*\\))?\\.\\w+\\s*\\(.*\"[^\"]*\\b(?:stop(?:ping|ped|s)?|shut(?:ting)?\\s?down|terminat\\w*)\\b");
    /** A Go receive that blocks until the work is told to stop: what follows it at its level is the stop path. */
    private static final Pattern STOP_RECEIVE = Pattern.compile(
            "^\\s*(?:\\w+\\s*:?=\\s*)?<-\\s*(?:[\\w.]*\\.Done\\(\\)|(?:[\\w]+\\.)*\\w*(?i:stop|quit|shutdown|term|sig|interrupt|exit|kill)\\w*)\\s*$");
    /** A Java method run as the application stops, whatever its name. */
    private static final Pattern JAVA_STOP_HOOK = Pattern.compile(
            "@PreDestroy\\b|\\b(?:ContextClosed|Shutdown|Stop)Event\\b");
    /** An added line that ends the process or the work at once: written in a wait's place, it says this is a stop. */
    private static final Pattern EXIT = Pattern.compile(
            "\\bos\\.Exit\\s*\\(|\\blog\\.Fatal\\w*\\s*\\(|\\bSystem\\.exit\\s*\\(|\\.halt\\s*\\(");
    /** Go's graceful stops and the hard stops of the same receiver: {@code Shutdown} to {@code Close}, {@code GracefulStop} to {@code Stop}. */
    private static final Pattern GO_GRACEFUL = Pattern.compile("([\\w.]+)\\.(Shutdown|GracefulStop)\\s*\\(");
    /** Netty's {@code shutdownGracefully()} returns a future: without {@code sync}/{@code await}/{@code get} after it, it waits for nothing. */
    private static final Pattern GRACEFUL_AWAITED = Pattern.compile(
            "\\.shutdownGracefully\\s*\\(.*\\.(?:sync\\w*|await\\w*|get)\\s*\\(");
    /** An added call that waits or drains under another name: the change kept the drain, in a helper. */
    private static final Pattern ADDED_WAIT = Pattern.compile(
            "(?i)\\b\\w*(?:wait|drain|flush|await|join|graceful)\\w*\\s*\\(|(?-i:\\.Shutdown)\\s*\\(|^\\s*<-");
    /** A stop that does not wait: the added line the finding names when the change writes one. */
    private static final Pattern HARD_STOP = Pattern.compile(
            "\\.(?:Close|Stop|shutdownNow|stop|close|cancel)\\s*\\(|\\bcancel\\w*\\s*\\(|\\bos\\.Exit\\s*\\(|\\bSystem\\.exit\\s*\\(");
    /** A component's own stop: deleted where the change writes an exit, it is the ordered stop the exit skips. */
    private static final Pattern OWN_STOP = Pattern.compile("\\.(?:Stop|Close|Shutdown|stop|close|shutdown)\\w*\\s*\\(");
    private static final Pattern SHUTDOWN_NOW = Pattern.compile("\\.shutdownNow\\s*\\(\\s*\\)\\s*;");
    private static final Pattern SIGNAL_WAIT = Pattern.compile("\\bsignal\\.Notify(?:Context)?\\s*\\(");

    /** The most lines a deletion run may have and still be an edit of a stop path rather than a region replaced. */
    private static final int WHOLESALE = 40;

    private UndrainedStops() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        Language lang = file.language();
        if (lang != Language.GO && lang != Language.JAVA || file.complete() || TestCode.isTest(file)) {
            return List.of();
        }
        Pattern drain = lang == Language.GO ? GO_DRAIN : JAVA_DRAIN;
        Severity severity = catalog.item("OPS-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        Set<Integer> reported = new HashSet<>();
        for (RemovedLine removed : RemovedLine.of(file)) {
            String text = removed.line().text();
            if (text.strip().startsWith("//")) {
                continue;
            }
            if (wholesale(removed)) {
                continue; // a file or a region deleted or rewritten whole: code moved, not a wait dropped from a stop
            }
            boolean exits = writesExit(removed);
            boolean waited = drain.matcher(text).find() || pollWait(removed);
            // a component's own stop deleted for an exit: reported on a stop path only (a command's error exit is not)
            boolean ownStop = !waited && exits && OWN_STOP.matcher(text).find();
            if (!waited && !ownStop) {
                continue;
            }
            String name = enclosingName(removed.hunk(), removed.index(), lang);
            boolean hardStop = !ownStop && (exits || lang == Language.JAVA && writesShutdownNow(removed)
                    || lang == Language.GO && writesHardCounterpart(removed));
            if (!hardStop && !stopPath(name, removed, file, lang) || waitWritten(removed, drain, allAdded)) {
                continue;
            }
            name = name == null ? "this method" : name;
            int line = anchor(removed);
            if (line <= 0 || !reported.add(line)) {
                continue;
            }
            out.add(new Finding(RULE, "OPS-01", severity, file.path(), line, 1, file.line(line).strip(),
                    "The change deletes `" + text.strip() + "` from `" + name + "`, the path that stops this "
                            + "work, and writes no wait in its place: what is in flight when it is called (requests, "
                            + "batches or items taken from a queue) is cut off or lost as the process exits. Stop "
                            + "taking new work, then wait (bounded) for the running work to finish or be flushed.",
                    Finding.Confidence.HIGH, null, "kb", null));
        }
        return out;
    }

    /**
     * True when the deletion's changed block adds a {@code shutdownNow()}: the call says this is where the pool is
     * stopped, whatever the method is named (a {@code finally} after the last job, a header the hunk does not show),
     * and it interrupts what the deleted wait let finish.
     */
    private static boolean writesShutdownNow(RemovedLine removed) {
        for (DiffLine l : RemovedLine.changedBlock(removed.lines(), removed.index())) {
            if (l.kind() == DiffLine.Kind.ADDED && SHUTDOWN_NOW.matcher(l.text()).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the deletion lies in a run of more than {@value #WHOLESALE} deleted lines: a file or a region taken
     * out or rewritten whole (a class moved, a module replaced), where a wait that goes with it says nothing about a
     * stop path that kept running.
     */
    private static boolean wholesale(RemovedLine removed) {
        long deleted = RemovedLine.changedBlock(removed.lines(), removed.index()).stream()
                .filter(l -> l.kind() == DiffLine.Kind.REMOVED).count();
        return deleted > WHOLESALE;
    }

    /** The changed block adds a line that ends the process ({@code os.Exit}, {@code log.Fatal}, {@code System.exit}). */
    private static boolean writesExit(RemovedLine removed) {
        for (DiffLine l : RemovedLine.changedBlock(removed.lines(), removed.index())) {
            if (l.kind() == DiffLine.Kind.ADDED && EXIT.matcher(l.text()).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Go: the deleted line stops a value gracefully ({@code srv.Shutdown(ctx)}, {@code s.GracefulStop()}) and the
     * changed block stops the same value at once ({@code srv.Close()}, {@code s.Stop()}): the pair says this is the
     * stop, wherever it is written (a closure handed to a run group, a signal branch).
     */
    private static boolean writesHardCounterpart(RemovedLine removed) {
        Matcher m = GO_GRACEFUL.matcher(removed.line().text());
        if (!m.find()) {
            return false;
        }
        Pattern hard = Pattern.compile("(?<![\\w.])" + Pattern.quote(m.group(1)) + "\\.(?:Close|Stop)\\s*\\(");
        for (DiffLine l : RemovedLine.changedBlock(removed.lines(), removed.index())) {
            if (l.kind() == DiffLine.Kind.ADDED && hard.matcher(l.text()).find()) {
                return true;
            }
        }
        return false;
    }

    /** A deleted pause inside a loop the same deletion opens: the loop waited, polling, for the work to end. */
    private static boolean pollWait(RemovedLine removed) {
        if (!SLEEP.matcher(removed.line().text()).find()) {
            return false;
        }
        List<DiffLine> lines = removed.lines();
        for (int j = removed.index() - 1; j >= 0 && lines.get(j).kind() == DiffLine.Kind.REMOVED; j--) {
            if (LOOP_HEAD.matcher(lines.get(j).text()).find()) {
                return true;
            }
        }
        return false;
    }

    /** A stop-named function, or a Go {@code main} that waits for a signal before it stops the server. */
    private static boolean stopPath(String name, RemovedLine removed, SourceFile file, Language lang) {
        if (name != null && (STOP_NAME.matcher(name).find()
                || lang == Language.GO && name.equals("main") && SIGNAL_WAIT.matcher(file.text()).find())) {
            return true;
        }
        return (lang == Language.GO ? inStopCase(removed) : stopHook(removed.hunk(), removed.index()))
                || saysStop(removed);
    }

    /** A line of the hunk, not added by the change, whose log message says this path stops. */
    private static boolean saysStop(RemovedLine removed) {
        for (DiffLine l : removed.lines()) {
            if (l.kind() != DiffLine.Kind.ADDED && SAYS_STOP.matcher(l.text()).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Go: the deleted line's own block is a select case that runs when the work is told to stop ({@code case
     * <-ctx.Done():}, a quit or signal channel): the nearest line above it, on the old side, that is indented less;
     * or a line above it at its own level blocks on such a channel ({@code <-ctx.Done()}, {@code sig := <-sigs}).
     */
    private static boolean inStopCase(RemovedLine removed) {
        List<DiffLine> lines = removed.lines();
        int indent = RemovedReleases.indent(removed.line().text());
        for (int j = removed.index() - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.ADDED || l.text().isBlank()) {
                continue;
            }
            int at = RemovedReleases.indent(l.text());
            if (at < indent) {
                return STOP_CASE.matcher(l.text()).find();
            }
            if (at == indent && STOP_RECEIVE.matcher(l.text()).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Java: the method holding the line runs as the application stops, whatever its name: annotated
     * {@code @PreDestroy}, or listening for a context-closed or shutdown event.
     */
    private static boolean stopHook(Hunk hunk, int at) {
        List<DiffLine> lines = hunk.lines();
        for (int j = at - 1; j >= 0; j--) {
            String text = lines.get(j).text();
            if (JAVA_METHOD.matcher(text).find() || JAVA_TYPE.matcher(text).find()) {
                for (int k = j; k >= Math.max(0, j - 3); k--) {
                    if (JAVA_STOP_HOOK.matcher(lines.get(k).text()).find()) {
                        return true;
                    }
                }
                return false;
            }
        }
        return JAVA_STOP_HOOK.matcher(hunk.section()).find();
    }

    /**
     * The name of the function that holds the line at {@code at}: the nearest header above it on the hunk's new side
     * (a deleted header means the function was rewritten: null), else the hunk's section line.
     */
    private static String enclosingName(Hunk hunk, int at, Language lang) {
        Pattern header = lang == Language.GO ? GO_FUNC : JAVA_METHOD;
        List<DiffLine> lines = hunk.lines();
        for (int j = at - 1; j >= 0; j--) {
            String text = lines.get(j).text();
            Matcher m = header.matcher(text);
            if (m.find() && !isKeyword(m.group(1))) {
                return lines.get(j).kind() == DiffLine.Kind.REMOVED ? null : m.group(1);
            }
            if (lang == Language.GO ? text.startsWith("}") : JAVA_TYPE.matcher(text).find()) {
                return null;
            }
        }
        Matcher m = header.matcher(hunk.section());
        return m.find() && !isKeyword(m.group(1)) ? m.group(1) : null;
    }

    private static boolean isKeyword(String name) {
        return switch (name) {
            case "if", "for", "while", "switch", "catch", "synchronized", "return", "new", "else", "try" -> true;
            default -> false;
        };
    }

    /**
     * The change still waits: the deleted drain's text, or a call named for waiting or draining, is written on an
     * added line of the file, or the drain stays on the hunk's new side.
     */
    private static boolean waitWritten(RemovedLine removed, Pattern drain, AddedLines allAdded) {
        String gone = removed.line().text().strip();
        for (DiffLine l : removed.lines()) {
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            if (l.text().strip().equals(gone) || l.kind() == DiffLine.Kind.ADDED && !unawaitedGraceful(l.text())
                    && (drain.matcher(l.text()).find() || ADDED_WAIT.matcher(l.text()).find())) {
                return true;
            }
        }
        Matcher call = drain.matcher(gone);
        String moved = null;
        if (call.find()) {
            int from = call.start();
            while (from > 0 && (Character.isJavaIdentifierPart(gone.charAt(from - 1)) || gone.charAt(from - 1) == '.')) {
                from--;
            }
            moved = gone.substring(from, call.end()); // the receiver and the wait: written again elsewhere, it moved
        }
        final String key = moved != null && moved.contains(".") ? moved : null;
        return allAdded.all().stream().anyMatch(a -> a.strip().equals(gone)
                || key != null && a.contains(key) && !unawaitedGraceful(a));
    }

    /** Netty's {@code shutdownGracefully()} with nothing awaiting the future it returns: it starts the stop only. */
    private static boolean unawaitedGraceful(String text) {
        return text.contains(".shutdownGracefully(") && !GRACEFUL_AWAITED.matcher(text).find();
    }

    /**
     * Where the finding goes: the added stop that does not wait in the deletion's changed block, else its first added
     * line, else the new-side line after the deletion (or before it, at the end of a hunk).
     */
    private static int anchor(RemovedLine removed) {
        List<DiffLine> block = RemovedLine.changedBlock(removed.lines(), removed.index());
        int firstAdded = 0;
        for (DiffLine l : block) {
            if (l.kind() == DiffLine.Kind.ADDED) {
                if (HARD_STOP.matcher(l.text()).find()) {
                    return l.newLine();
                }
                firstAdded = firstAdded == 0 ? l.newLine() : firstAdded;
            }
        }
        if (firstAdded > 0) {
            return firstAdded;
        }
        List<DiffLine> lines = removed.lines();
        for (int j = removed.index() + 1; j < lines.size(); j++) {
            if (lines.get(j).kind() != DiffLine.Kind.REMOVED) {
                return lines.get(j).newLine();
            }
        }
        for (int j = removed.index() - 1; j >= 0; j--) {
            if (lines.get(j).kind() != DiffLine.Kind.REMOVED) {
                return lines.get(j).newLine();
            }
        }
        return 0;
    }
}
