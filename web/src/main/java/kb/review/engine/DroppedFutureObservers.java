package kb.review.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Java change that keeps an asynchronous call but drops what observed its future: {@code publisher.send(msg)
 * .orTimeout(...).whenComplete((r, failure) -> ...)} rewritten as the bare statement {@code publisher.send(msg);}.
 * The deleted chain is the code's own word that the call returns a {@code CompletableFuture} (or another
 * {@code CompletionStage}): only those have {@code whenComplete}, {@code exceptionally}, {@code orTimeout} and the
 * {@code then...} stages. The call's declaration is usually out of sight (a domain method of another class), so the
 * rule for dropped futures, which knows futures by the name of the call ({@code submit}, {@code supplyAsync}), cannot
 * tell; the edit can. CONC-06: "A CompletableFuture that completes exceptionally without a handler is just as
 * silent." Reported at the bare call the change adds; silent when the call's result is still used (assigned,
 * returned, chained: that is no bare statement) and when the deleted call was a bare statement itself.
 */
final class DroppedFutureObservers {

    static final String RULE = "dropped-future-observer";

    /** An argument list, two levels of nested parentheses deep. */
    private static final String ARGS = "\\((?:[^()]|\\((?:[^()]|\\([^()]*\\))*\\))*\\)";
    /**
     * A call, on a receiver or of the class's own method ({@code run(task).whenComplete(...)}), with its arguments
     * (two levels of nested parentheses), followed by a method only a completion stage has. Group 1 is the call,
     * with the calls of the chain it ends (the shortest chain an observer follows: {@code publish(a).orTimeout(..)
     * .whenComplete(..)} names {@code publish(a)}) (session 44: {@code client.newCompleteCommand(key).send()}, a builder that
     * sends, round 72's java-09 and the command clients of Zeebe, gRPC stubs and HTTP builders), and the observers
     * of the other future types (Netty's and Guava's {@code addListener}, Spring's {@code addCallback}, Vert.x's
     * {@code onComplete} and {@code onFailure}).
     */
    private static final Pattern OBSERVED = Pattern.compile(
            "((?<![\\w$.])(?:[A-Za-z_$][\\w$]*\\s*(?:" + ARGS + ")?\\s*\\.\\s*)*?[A-Za-z_$][\\w$]*\\s*" + ARGS
                    + ")\\s*\\.\\s*(?:whenComplete\\w*|exceptionally\\w*"
                    + "|orTimeout|completeOnTimeout|then(?:Accept|Apply|Run|Compose|Combine)\\w*"
                    + "|toCompletableFuture|addListener|addCallback|onComplete|onFailure)\\s*\\(");

    /** A call on a receiver: group 1 the receiver and the method (up to the parenthesis), 2 the method. */
    private static final Pattern RECEIVER_CALL = Pattern.compile(
            "(?<![\\w$.])((?:[A-Za-z_$][\\w$]*\\s*\\.\\s*)+([A-Za-z_$][\\w$]*))\\s*\\(");
    /** A method asynchronous by its name: it returns a future. */
    private static final Pattern ASYNC_NAME = Pattern.compile(
            "\\w+Async|submit|schedule(?:AtFixedRate|WithFixedDelay)?|supplyAsync|runAsync");
    /** The text before a call whose result is kept where futures are kept: a pending or futures name, assigned to or
     * added to. */
    private static final Pattern KEPT_AS_FUTURE = Pattern.compile(
            "(?i)\\b(\\w*(?:pending|futures?|inflight|in_flight|outstanding)\\w*)\\s*(?:=|\\.\\s*(?:add|put|offer|push)"
                    + "\\s*\\((?:[^(),]*,\\s*)?)\\s*$");
    /** A name of a number kept about pending work ({@code pendingCount}, {@code outstandingBytes}), not of futures. */
    private static final Pattern NUMBER_NAME = Pattern.compile("(?i).*(?:count|size|total|bytes|number|num)s?");
    /** A cheap test on the deleted text: something in it may name a future. */
    private static final Pattern MAY_KEEP = Pattern.compile(
            "(?i)async|submit|schedule|pending|future|inflight|in_flight|outstanding");

    private DroppedFutureObservers() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.JAVA) {
            return List.of();
        }
        Severity severity = catalog.item("CONC-06").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        Set<Integer> reported = new LinkedHashSet<>();
        for (RemovedLine removed : RemovedLine.of(file)) {
            List<DiffLine> block = RemovedLine.changedBlock(removed.lines(), removed.index());
            // one pass per block: at its first deleted line
            if (block.stream().filter(l -> l.kind() == DiffLine.Kind.REMOVED).findFirst().orElse(null)
                    != removed.line()) {
                continue;
            }
            StringBuilder old = new StringBuilder();
            for (DiffLine l : block) {
                if (l.kind() == DiffLine.Kind.REMOVED) {
                    old.append(l.text().strip()).append(' ');
                }
            }
            keptFutures(block, old.toString(), file, severity, reported, out);
            droppedCallbacks(block, old.toString(), file, severity, reported, out);
            Matcher m = OBSERVED.matcher(old);
            while (m.find()) {
                int bare = bareCall(block, m.group(1));
                if (bare > 0 && reported.add(bare)) {
                    out.add(new Finding(RULE, "CONC-06", severity, file.path(), bare, 1, file.line(bare).strip(),
                            "The change keeps `" + m.group(1).replaceAll("\\s+", " ").strip() + "` but drops what "
                                    + "observed the future it returns: if the call fails, the exception stays in "
                                    + "the future and nobody sees it. Keep a handler (whenComplete or exceptionally "
                                    + "that logs and counts), or return the future to a caller that does.",
                            Finding.Confidence.HIGH, null, "kb", null));
                }
            }
        }
        return out;
    }

    /**
     * A send whose last argument is its completion callback: a method reference or a two-parameter lambda (the
     * result and the failure) handed to {@code send}, {@code publish}, {@code write} or an {@code ...Async} call.
     * Group 1 the call up to its name, 2 the arguments before the callback.
     */
    private static final Pattern SENT_WITH_CALLBACK = Pattern.compile(
            "((?<![\\w$.])(?:[A-Za-z_$][\\w$]*\\s*\\.\\s*)+(?:send|publish|produce|write|deliver)\\w*|(?<![\\w$.])"
                    + "(?:[A-Za-z_$][\\w$]*\\s*\\.\\s*)+\\w+Async)\\s*\\(((?:[^()]|\\((?:[^()]|\\([^()]*\\))*\\))*),\\s*"
                    + "(?:(?:this|[A-Za-z_$][\\w$]*)\\s*::\\s*\\w+|\\(\\s*\\w+\\s*,\\s*\\w+\\s*\\)\\s*->)");

    /**
     * Session 44: a send that keeps its arguments but loses its completion callback ({@code producer.send(record,
     * this::onCompletion)} becoming {@code producer.send(record)}, round 76's java-19): the callback was the only
     * observer of the send's outcome, and the future the bare call returns is dropped too, so a rejected record is
     * lost without a count or a log line. Reported at the added line that makes the call without the callback and
     * without using its result (a statement, or a lambda's expression body).
     */
    private static void droppedCallbacks(List<DiffLine> block, String old, SourceFile file, Severity severity,
                                         Set<Integer> reported, List<Finding> out) {
        Matcher m = SENT_WITH_CALLBACK.matcher(old);
        while (m.find()) {
            String wanted = (m.group(1) + "(" + m.group(2) + ")").replaceAll("\\s+", "");
            for (DiffLine l : block) {
                if (l.kind() != DiffLine.Kind.ADDED || l.newLine() <= 0) {
                    continue;
                }
                String squeezed = l.text().replaceAll("\\s+", "");
                int at = squeezed.indexOf(wanted);
                int end = at + wanted.length();
                if (at < 0 || end >= squeezed.length() || squeezed.charAt(end) != ';' && squeezed.charAt(end) != ')'
                        || at > 0 && !squeezed.startsWith("->", at - 2)) {
                    continue; // not the call, or its result is used: kept, chained or returned
                }
                if (reported.add(l.newLine())) {
                    out.add(new Finding(RULE, "CONC-06", severity, file.path(), l.newLine(), 1, l.text().strip(),
                            "The change keeps `" + m.group(1).replaceAll("\\s+", "") + "(...)` but drops the callback "
                                    + "that observed its outcome, and the future the call returns is not kept "
                                    + "either: a send that fails is now lost without a log line or a count. Keep "
                                    + "the callback, or handle the returned future.",
                            Finding.Confidence.HIGH, null, "kb", null));
                }
                break;
            }
        }
    }

    /** The added line of the block that runs {@code call} as a bare statement; 0 when there is none. */
    private static int bareCall(List<DiffLine> block, String call) {
        String wanted = call.replaceAll("\\s+", "") + ";";
        for (DiffLine l : block) {
            if (l.kind() == DiffLine.Kind.ADDED && l.text().replaceAll("\\s+", "").equals(wanted)) {
                return l.newLine();
            }
        }
        return 0;
    }

    /**
     * The session-43 shape: each call of the deleted text whose result was used (not a statement of its own) and that
     * the block's added lines make a bare statement, reported when the deleted text kept it as a future.
     */
    private static void keptFutures(List<DiffLine> block, String old, SourceFile file, Severity severity,
                                    Set<Integer> reported, List<Finding> out) {
        if (!MAY_KEEP.matcher(old).find()) {
            return;
        }
        Matcher m = RECEIVER_CALL.matcher(old);
        int from = 0;
        while (from < old.length() && m.find(from)) {
            from = m.start(2);
            String before = old.substring(0, m.start()).stripTrailing();
            if (before.isEmpty() || before.endsWith(";") || before.endsWith("{") || before.endsWith("}")) {
                continue; // a statement of its own: its result was never kept
            }
            boolean async = ASYNC_NAME.matcher(m.group(2)).matches();
            Matcher kept = KEPT_AS_FUTURE.matcher(before);
            if (!async && !(kept.find() && !NUMBER_NAME.matcher(kept.group(1)).matches())) {
                continue;
            }
            int bare = bareStatement(block, m.group(1).replaceAll("\\s+", "") + "(");
            if (bare > 0 && !continues(file, bare) && reported.add(bare)) {
                out.add(new Finding(RULE, "CONC-06", severity, file.path(), bare, 1, file.line(bare).strip(),
                        "The change makes `" + m.group(1).replaceAll("\\s+", "") + "(...)` a bare statement: the "
                                + "deleted line kept the future it returns, and that was how a flush, a check or a "
                                + "cancel learned the call failed. Now the failure stays in a future nobody holds. "
                                + "Keep the future and wait for it (or handle it) before the work counts as done.",
                        Finding.Confidence.LOW, "the review reads the kept future, not the call's declaration", "kb",
                        null));
            }
        }
    }

    /** The end of a line whose statement goes on below it: an assignment, a lambda's arrow, an open argument list. */
    private static final Pattern CONTINUED = Pattern.compile("(?:[=(,+?.]|->|&&|\\|\\|)\\s*$");

    /**
     * True when the line above {@code line} (past blanks and comments) leaves its statement open, so the call on
     * {@code line} is the value of that statement (qpid's {@code CompletableFuture<Void> result =} broken before its
     * {@code runAsync(...)}, a lambda {@code () ->} returning the future), not a statement of its own.
     */
    private static boolean continues(SourceFile file, int line) {
        for (int at = line - 1; at > 0 && file.known(at); at--) {
            String text = file.line(at).strip();
            if (text.isEmpty() || text.startsWith("//") || text.startsWith("*") || text.startsWith("/*")) {
                continue;
            }
            return CONTINUED.matcher(text.replaceFirst("\\s*//.*$", "")).find();
        }
        return false;
    }

    /** The added line of the block that is a bare statement calling {@code head} ({@code recv.method(}); 0 if none. */
    private static int bareStatement(List<DiffLine> block, String head) {
        for (DiffLine l : block) {
            String squeezed = l.text().replaceAll("\\s+", "");
            if (l.kind() == DiffLine.Kind.ADDED && squeezed.startsWith(head) && squeezed.endsWith(");")) {
                return l.newLine();
            }
        }
        return 0;
    }
}
