package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Java change that deletes the cancel of timed-out work: in a {@code try} whose body waits with a bound
 * ({@code f.get(budget, unit)}), the {@code catch (TimeoutException e)} (or the {@code finally}) loses its
 * {@code f.cancel(true)}. TMO-02: "On timeout, cancel the underlying work ({@code future.cancel(true)}), do not just
 * stop waiting". The future's submission is usually above the hunk, out of sight, so the rules that follow the value
 * from its {@code submit} cannot see it; the try, the timed wait, the catch and the deletion are all in sight, and the
 * deleted line is the code's own word that the task held something worth stopping. Reported at the timed wait.
 * Silent when the change cancels the same future elsewhere (an added line, or a cancel left in the hunk's new side),
 * when the catch or the wait is deleted too (the code was rewritten, not the cancel dropped), and for a future the
 * file declares a {@code CompletableFuture}, whose cancel interrupts nothing.
 */
final class DeletedTimeoutCancels {

    static final String RULE = "deleted-timeout-cancel";

    /**
     * A cancel as a statement; group 1 is the future: a name, or an element read from where the futures are kept
     * ({@code e.getValue()} of a map entry, {@code futures.get(i)}, {@code pending.get(node)}), as the timed wait
     * reads it.
     */
    private static final Pattern CANCEL = Pattern.compile(
            "^\\s*(?:this\\.)?([A-Za-z_$][\\w$]*(?:\\s*\\.\\s*(?:getValue|get|getFuture|future)\\s*\\([^()]*\\))?)"
                    + "\\s*\\.\\s*cancel\\s*\\(\\s*(?:true|false)?\\s*\\)\\s*;");
    /** A catch that takes the timeout (alone, in a multi-catch, or qualified), or a finally. */
    private static final Pattern TIMEOUT_EXIT = Pattern.compile(
            "\\bcatch\\s*\\([^)]*\\bTimeoutException\\b|\\bfinally\\s*\\{");
    /** Parentheses two deep: {@code Math.max(0, left.toMillis())} as a timeout argument. */
    private static final String NESTED = "\\((?:[^()]|\\([^()]*\\))*\\)";
    private static final Pattern ANY_EXIT = Pattern.compile("\\bcatch\\s*\\(|\\bfinally\\s*\\{");
    private static final Pattern TRY = Pattern.compile("^\\s*(?:\\}\\s*)?try\\s*(?:\\([^;]*\\)\\s*)?\\{");

    private DeletedTimeoutCancels() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        if (file.language() != Language.JAVA) {
            return List.of();
        }
        Severity severity = catalog.item("TMO-02").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        for (RemovedLine removed : RemovedLine.of(file)) {
            Matcher m = CANCEL.matcher(removed.line().text());
            if (!m.find()) {
                continue;
            }
            String future = m.group(1).replaceAll("\\s+", "");
            List<DiffLine> lines = removed.lines();
            int exit = exitAbove(lines, removed.index());
            if (exit < 0 || lines.get(exit).kind() == DiffLine.Kind.REMOVED
                    || !TIMEOUT_EXIT.matcher(lines.get(exit).text()).find()) {
                continue;
            }
            int wait = timedWaitAbove(lines, exit, future);
            Pattern cancelled = Pattern.compile("(?<![\\w.$])" + spaced(future) + "\\s*\\.\\s*cancel\\s*\\(");
            Pattern completable = Pattern.compile("\\bCompletableFuture\\s*<[^;]*>\\s+" + Pattern.quote(future)
                    + "\\b");
            if (wait <= 0 || cancelledInNewSide(lines, cancelled)
                    || allAdded.all().stream().anyMatch(a -> cancelled.matcher(a).find())
                    || completable.matcher(file.text()).find()) {
                continue;
            }
            out.add(new Finding(RULE, "TMO-02", severity, file.path(), wait, 1, file.line(wait).strip(),
                    "The change deletes `" + removed.line().text().strip() + "` from the way out of this timed wait: "
                            + "when the wait times out the caller gives up, but the submitted work keeps running on "
                            + "its pool thread, holding whatever it opened. Cancel the future when get times out.",
                    Finding.Confidence.HIGH, null, "kb", null));
        }
        return out;
    }

    /** A pattern for the future's text (no blanks) that allows blanks around its dots and parentheses. */
    private static String spaced(String future) {
        StringBuilder out = new StringBuilder();
        for (String part : future.split("(?=[.()])|(?<=[.()])")) {
            out.append(part.isEmpty() ? "" : Pattern.quote(part)).append("\\s*");
        }
        return out.toString();
    }

    /** The index of the nearest catch or finally header above {@code at} in the hunk; -1 when there is none. */
    private static int exitAbove(List<DiffLine> lines, int at) {
        for (int j = at - 1; j >= 0; j--) {
            if (ANY_EXIT.matcher(lines.get(j).text()).find()) {
                return j;
            }
        }
        return -1;
    }

    /**
     * The new line of a bounded wait on {@code future} ({@code future.get(timeout, unit)}) in the try that the exit at
     * {@code exit} closes, found between that exit and the try's opening line above it; 0 when the hunk does not show
     * one, or the wait is deleted.
     */
    private static int timedWaitAbove(List<DiffLine> lines, int exit, String future) {
        Pattern timed = Pattern.compile("(?<![\\w.$])" + spaced(future)
                + "\\s*\\.\\s*get\\s*\\((?:[^(),]|" + NESTED + ")+,(?:[^()]|" + NESTED + ")+\\)");
        for (int j = exit - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() != DiffLine.Kind.REMOVED && timed.matcher(l.text()).find()) {
                return l.newLine();
            }
            if (TRY.matcher(l.text()).find()) {
                return 0;
            }
        }
        return 0;
    }

    /** The hunk's new side (context and added lines) still cancels the future. */
    private static boolean cancelledInNewSide(List<DiffLine> lines, Pattern cancelled) {
        return lines.stream().anyMatch(l -> l.kind() != DiffLine.Kind.REMOVED && cancelled.matcher(l.text()).find());
    }
}
