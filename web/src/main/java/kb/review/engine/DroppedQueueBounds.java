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
 * A Java edit that keeps a statement but builds its blocking queue without the bound it had: {@code new
 * LinkedBlockingQueue<>(queueLimit)} becoming {@code new LinkedBlockingQueue<>()}, an {@code ArrayBlockingQueue(n)} a
 * {@code LinkedBlockingQueue()} or a {@code ConcurrentLinkedQueue}, a capacity becoming {@code Integer.MAX_VALUE}. A
 * pool's work queue or the hand-off between a producer and its consumer threads then grows with the backlog: under
 * load tasks pile up in memory, nothing pushes back on the producer, and a pool never starts more than its core
 * threads (CONC-02: "every pool has a fixed maximum of workers and a bounded queue"). Real fixes restore the bound
 * (an analytics client's executor deque, a search tool's line queue, a thread library's starter queue, an import
 * tool's completion queue); the deleted capacity is the code's own word that the queue had one. Reported at the added
 * line, at high confidence: the swap itself is the defect, whoever feeds the queue.
 *
 * <p>Silent when the added line differs from the deleted one in anything but the queue's construction, when the new
 * queue has a bound too, and when the change's added lines in the file bound the queue another way (a queue capacity
 * setting, a semaphore, a {@code remainingCapacity} or {@code size()} check before offering).
 */
final class DroppedQueueBounds {

    static final String RULE = "queue-bound-dropped";

    /** A blocking queue built with a capacity (not Integer.MAX_VALUE): group 1 the construction. */
    private static final Pattern BOUNDED = Pattern.compile(
            "(new\\s+(?:java\\.util\\.concurrent\\.)?(?:ArrayBlockingQueue|LinkedBlockingQueue|LinkedBlockingDeque)"
                    + "\\s*(?:<[^()]*>)?\\s*\\(\\s*(?!\\)|Integer\\s*\\.\\s*MAX_VALUE)[^()]*(?:\\([^()]*\\)[^()]*)*\\))");
    /** A queue built without a bound: group 1 the construction. */
    private static final Pattern UNBOUNDED = Pattern.compile(
            "(new\\s+(?:java\\.util\\.concurrent\\.)?(?:(?:LinkedBlockingQueue|LinkedBlockingDeque)\\s*(?:<[^()]*>)?\\s*"
                    + "\\(\\s*(?:Integer\\s*\\.\\s*MAX_VALUE\\s*)?\\)|(?:LinkedTransferQueue|PriorityBlockingQueue"
                    + "|ConcurrentLinkedQueue|ConcurrentLinkedDeque)\\s*(?:<[^()]*>)?\\s*\\([^()]*\\)))");
    /** Another bound the change may bring instead. */
    private static final Pattern OTHER_BOUND = Pattern.compile(
            "[Qq]ueueCapacity|\\bSemaphore\\b|\\.\\s*remainingCapacity\\s*\\(|\\.\\s*size\\s*\\(\\s*\\)\\s*>=?|"
                    + "\\bArrayBlockingQueue\\b");

    private static final Pattern KIND = Pattern.compile("\\b(?:Array|Linked)Blocking(Queue|Deque)\\b");

    private DroppedQueueBounds() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.JAVA || file.change().hunks().isEmpty()) {
            return List.of();
        }
        List<RemovedLine> removed = RemovedLine.of(file);
        if (removed.stream().noneMatch(r -> r.line().text().contains("BlockingQueue(")
                || r.line().text().contains("BlockingQueue<") || r.line().text().contains("BlockingDeque"))) {
            return List.of(); // the constant pre-check: every bounded queue's name has one of these
        }
        List<Finding> out = new ArrayList<>();
        for (RemovedLine r : removed) {
            String old = r.line().text();
            Matcher b = BOUNDED.matcher(old);
            if (!b.find()) {
                continue;
            }
            String before = sameKind(squeeze(old.substring(0, b.start()) + "#" + old.substring(b.end())));
            for (DiffLine l : RemovedLine.changedBlock(r.lines(), r.index())) {
                if (l.kind() != DiffLine.Kind.ADDED || l.newLine() <= 0) {
                    continue;
                }
                Matcher u = UNBOUNDED.matcher(l.text());
                if (!u.find() || !sameKind(squeeze(l.text().substring(0, u.start()) + "#"
                        + l.text().substring(u.end()))).equals(before)) {
                    continue;
                }
                if (boundedElsewhere(file, l)) {
                    return out;
                }
                Severity severity = catalog.item("CONC-02").map(Catalog.Item::severity).orElse(Severity.WARNING);
                out.add(new Finding(RULE, "CONC-02", severity, file.path(), l.newLine(), 1, l.text().strip(),
                        "The change builds this queue without the capacity it had: under load the backlog grows in "
                                + "memory with nothing pushing back on the producer, and a pool fed by it never "
                                + "starts more than its core threads. Keep a small bound and decide what happens "
                                + "when the queue is full (block, reject, or shed).",
                        Finding.Confidence.HIGH, "the deleted capacity is the code's own bound", "kb", null));
                break;
            }
        }
        return out;
    }

    /** Whether an added line of the file, other than the swap itself, bounds the queue another way. */
    private static boolean boundedElsewhere(SourceFile file, DiffLine swap) {
        return file.change().hunks().stream().flatMap(h -> h.lines().stream()).anyMatch(l -> l != swap
                && l.kind() == DiffLine.Kind.ADDED && OTHER_BOUND.matcher(l.text()).find());
    }

    /** A declared queue type read as its interface ({@code ArrayBlockingQueue<T> q} as {@code BlockingQueue<T> q}). */
    private static String sameKind(String s) {
        return KIND.matcher(s).replaceAll("Blocking$1");
    }

    /** The text without white space. */
    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
