package kb.review.engine;

import java.util.regex.Pattern;
import kb.review.diff.SourceFile;

/**
 * A per-thread set (a thread-local's {@code set}, {@code MDC.put}) made inside a {@code try} block, or right before
 * one, whose {@code catch} and {@code finally} clauses the diff does not show: the hunk stops inside the try, or
 * after its closing brace before any handler. Whether the value is removed or put back on every path is decided by
 * that {@code finally}, which is out of the diff's sight; the analysis, which follows the path to the cut, would
 * report a leak the file may not have (set 18's guacamole facade: {@code try { MDC.put(KEY, ctx); return
 * delegate.call(); }} with the {@code finally} that puts the root label back in a later hunk). A try whose end and
 * handlers are shown is judged by what they show (noise34, session 34).
 */
final class CutTryHandlers {

    // a try-with-resources whose resource comes from a call has parentheses inside its own (session 37)
    private static final Pattern TRY = Pattern.compile("^\\s*(?:\\}\\s*)?try\\s*(?:\\(.*\\)\\s*)?\\{\\s*$");
    private static final Pattern HANDLER = Pattern.compile("^\\s*(?:\\}\\s*)?(catch|finally)\\b");
    private static final Pattern QUIET = Pattern.compile("^\\s*(?://.*|/?\\*.*|)$");
    /** How far above the set the try may open, in lines of its block. */
    private static final int ABOVE = 12;

    private CutTryHandlers() {
    }

    /** True when the set on {@code line} is in a try (or right before one) whose handlers the diff leaves out. */
    static boolean cut(SourceFile file, int line) {
        if (file.complete()) {
            return false;
        }
        int open = tryAbove(file, line);
        if (open < 0) {
            int next = line + 1;
            while (next <= file.lineCount() && file.known(next) && QUIET.matcher(file.line(next)).matches()) {
                next++;
            }
            if (next > file.lineCount() || !file.known(next) || !TRY.matcher(file.line(next)).matches()) {
                return false;
            }
            open = next;
        }
        int depth = 0;
        int l = open;
        for (; l <= file.lineCount(); l++) {
            if (!file.known(l)) {
                return true; // the hunk stops inside the try block
            }
            if (l > open && depth == 1 && HANDLER.matcher(file.line(l)).find()) {
                return false; // `} catch (...) {` or `} finally {`: the handlers are shown
            }
            depth += DeletedExitBranches.braces(file.line(l));
            if (depth <= 0 && l > open) {
                break;
            }
        }
        if (l > file.lineCount()) {
            return true;
        }
        if (HANDLER.matcher(file.line(l)).find()) {
            return false; // `} finally {` on the closing line: shown
        }
        for (l++; l <= file.lineCount(); l++) {
            if (!file.known(l)) {
                return true; // the try closes, and the hunk stops before its handlers
            }
            if (!QUIET.matcher(file.line(l)).matches()) {
                return false; // a handler shown, or a statement after a try with none
            }
        }
        return true;
    }

    /** The line of the {@code try {} whose block holds {@code line} directly, or -1. */
    private static int tryAbove(SourceFile file, int line) {
        int balance = 0;
        for (int l = line - 1; l >= Math.max(1, line - ABOVE) && file.known(l); l--) {
            String text = file.line(l);
            int b = DeletedExitBranches.braces(text);
            if (TRY.matcher(text).matches() && balance == 0) {
                return l;
            }
            balance += b;
            if (balance > 0) {
                return -1; // another block opens between the try and the set
            }
        }
        return -1;
    }
}
