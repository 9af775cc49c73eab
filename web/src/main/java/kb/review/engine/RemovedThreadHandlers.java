package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Java change that deletes the uncaught-exception handler of a thread it keeps: {@code t.setUncaughtExceptionHandler(h)}
 * on a thread the hunk still creates or starts (a watcher {@code new Thread(loop, name)}, the thread a
 * {@code ThreadFactory} returns), or {@code .setUncaughtExceptionHandler(h)} / {@code .uncaughtExceptionHandler(h)} on
 * a thread builder or a factory builder ({@code ThreadFactoryBuilder}, {@code Thread.ofPlatform()}). The thread is
 * built out of the line the thread rule reads (a named {@code Runnable}, a factory's parameter), and the thread rule
 * only reads added lines: taking the handler away is the change's own act, and the thread it leaves dies silently on
 * its first exception (CONC-01). Reported at the thread's creation (or its chain's first line) when the hunk shows
 * it, else at the line that follows the deletion. Silent when the diff adds a handler anywhere (moved to a helper),
 * when the deleted line comes back re-indented, and in test code. Session 54: when the handler went with the thread
 * or factory that carried it, the first platform thread the change itself creates in the file is reported instead
 * (the work moved onto a bare thread), unless it is a shutdown hook.
 */
final class RemovedThreadHandlers {

    static final String RULE = "thread-handler-removed";

    private static final Pattern SET_ON = Pattern.compile("(?:^|[^\\w.])(\\w+)\\s*\\.\\s*setUncaughtExceptionHandler\\s*\\(");
    private static final Pattern CHAINED = Pattern.compile("^\\s*\\.\\s*(?:set)?[uU]ncaughtExceptionHandler\\s*\\(");
    private static final Pattern HANDLER = Pattern.compile("[uU]ncaughtExceptionHandler\\s*\\(");
    /** The start of a thread builder's chain, or a thread created or handed out. */
    private static final Pattern CHAIN_START = Pattern.compile("\\bnew\\s+ThreadFactoryBuilder\\b|\\bThread\\s*\\.\\s*"
            + "of(?:Platform|Virtual)\\s*\\(|\\bnew\\s+\\w*Thread\\w*Builder\\b");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int REACH = 25;

    private RemovedThreadHandlers() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        String path = file.path().toLowerCase(Locale.ROOT);
        if (file.language() != Language.JAVA || path.contains("/test/") || path.contains("/androidtest/")) {
            return List.of();
        }
        Severity severity = catalog.item("CONC-01").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        for (RemovedLine removed : RemovedLine.of(file)) {
            List<DiffLine> lines = removed.hunk().lines();
            int at = removed.index();
            String t = lines.get(at).text();
            if (!t.contains("ncaughtExceptionHandler") || t.contains("setDefaultUncaughtExceptionHandler")) {
                continue;
            }
            Matcher on = SET_ON.matcher(t);
            boolean chained = CHAINED.matcher(t).find();
            if (!on.find() && !chained || readded(lines, at) || allAdded.anyFinds(HANDLER)) {
                continue;
            }
            int made = chained ? chainStart(lines, at) : creation(lines, at, on.group(1));
            if (made <= 0 && !chained && !stillUsed(lines, at, on.group(1))) {
                // the thread went with its handler; the work it ran now runs on a thread the change makes bare
                int bare = bareThread(file);
                if (bare > 0 && out.stream().noneMatch(o -> o.line() == bare)) {
                    out.add(new Finding(RULE, "CONC-01", severity, file.path(), bare, 1, file.line(bare).strip(),
                            "The change deletes the thread (or factory) that carried an uncaught-exception handler and "
                                    + "starts this thread without one: an exception now kills it silently and its "
                                    + "work stops with nobody told. Give it a handler that logs (or catch and log in "
                                    + "the task's body).",
                            Finding.Confidence.HIGH, null, "kb", null));
                }
                continue;
            }
            int report = made > 0 ? made : nextKept(lines, at);
            if (report <= 0 || !file.known(report) || out.stream().anyMatch(o -> o.line() == report)) {
                continue;
            }
            out.add(new Finding(RULE, "CONC-01", severity, file.path(), report, 1, file.line(report).strip(),
                    "The change deletes this thread's uncaught-exception handler and keeps the thread: an exception "
                            + "now kills it silently and its work stops with nobody told. Keep a handler that logs "
                            + "(or catch and log in the task's body).",
                    Finding.Confidence.HIGH, null, "kb", null));
        }
        return out;
    }

    /**
     * Session 54: a handler the change deleted stands beside the thread rule's CONC-01 finding on the same line, which
     * a per-task launch's CONC-02 finding takes the place of (see the Reviewer); the deletion is the change's own act.
     */
    static boolean besideThreadRule(Finding drop, Finding held) {
        return drop.rule().equals(RULE) && held.item().equals("CONC-01");
    }

    /** A platform thread the change creates: {@code new Thread(...)} or a {@code Thread.ofPlatform()} builder. */
    private static final Pattern NEW_THREAD = Pattern.compile("\\bnew\\s+Thread\\s*\\(|\\bThread\\s*\\.\\s*ofPlatform\\s*\\(");

    /**
     * Session 54: the new line of the first added line of {@code file} that creates a platform thread, or -1. Read when
     * the deleted handler went with the thread that carried it (a {@code ThreadFactory} lambda, a pool's factory): the
     * change then makes its own thread for the same work (round 122's queue consumer, an executor replaced by
     * {@code new Thread(this::runLoop)}), and no handler is added anywhere (the caller checks).
     */
    private static int bareThread(SourceFile file) {
        for (int n = 1; n <= file.lineCount(); n++) {
            if (file.known(n) && file.added(n) && NEW_THREAD.matcher(file.line(n)).find()
                    && !file.line(n).contains("ShutdownHook")) {
                return n;
            }
        }
        return -1;
    }

    /** True when the deleted line comes back in the same changed block (re-indented or moved a line). */
    private static boolean readded(List<DiffLine> lines, int at) {
        String same = WHITESPACE.matcher(lines.get(at).text()).replaceAll("");
        for (DiffLine l : RemovedLine.changedBlock(lines, at)) {
            if (l.kind() == DiffLine.Kind.ADDED && WHITESPACE.matcher(l.text()).replaceAll("").equals(same)) {
                return true;
            }
        }
        return false;
    }

    /** The new line number of the kept line above that creates or assigns {@code var}, or -1. */
    private static int creation(List<DiffLine> lines, int at, String var) {
        Pattern made = Pattern.compile("(?<![\\w.])" + Pattern.quote(var) + "\\s*=\\s*(?!null\\b)[^=]");
        for (int j = at - 1; j >= 0 && j >= at - REACH; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && l.text().contains(var) && made.matcher(l.text()).find()) {
                return l.newLine();
            }
        }
        return -1;
    }

    /** The first line of the builder chain the deleted call was part of, or -1. */
    private static int chainStart(List<DiffLine> lines, int at) {
        for (int j = at - 1; j >= 0 && j >= at - REACH; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && CHAIN_START.matcher(l.text()).find()) {
                return l.newLine();
            }
            if (l.kind() != DiffLine.Kind.REMOVED && l.text().strip().endsWith(";")) {
                return -1;
            }
        }
        return -1;
    }

    /** True when a kept line below still starts or uses the thread {@code var}. */
    private static boolean stillUsed(List<DiffLine> lines, int at, String var) {
        Pattern use = Pattern.compile("(?<![\\w.])" + Pattern.quote(var) + "\\s*\\.\\s*(?:start|setDaemon|setName)\\s*\\(|"
                + "return\\s+" + Pattern.quote(var) + "\\s*;");
        for (int j = at + 1; j < lines.size() && j <= at + REACH; j++) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && use.matcher(l.text()).find()) {
                return true;
            }
        }
        return false;
    }

    private static int nextKept(List<DiffLine> lines, int at) {
        for (int j = at + 1; j < lines.size(); j++) {
            if (lines.get(j).kind() != DiffLine.Kind.REMOVED) {
                return lines.get(j).newLine();
            }
        }
        return -1;
    }
}
