package kb.review.analysis;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * A Go log line in the body of a message loop whose header is above the hunk, known by what the block does with
 * each message: it takes one from a channel ({@code ev, ok := <-events}) or hands one on in a {@code select} that also
 * waits for cancellation ({@code select { case out <- msg: case <-ctx.Done(): ... }}), and the line names that
 * message. Moving one value per turn through a channel, with a way out when the context ends, is the shape of a
 * consumer or forwarding loop ({@code for { ... }}, {@code for msg := range ch}); a line there is written once per
 * message, LOG-01's "once per element of a loop". Git's three lines of context often start inside such a body, where
 * the log-in-loop pass finds no loop to walk up to ({@link ContinuedLoops} and {@link TalliedBlocks} read other
 * signs of the same hidden loop).
 *
 * <p>Not this: a block whose opening line the hunk shows (the pass judges it from its header), a line at a function's
 * top level, a line that names no value the channel moves, a select without a cancellation case, a line in a branch
 * of an {@code if}, in a callback, or behind a sample or debug test.
 */
final class GoChannelLoops {

    /** A receive into a variable: {@code v := <-ch}, {@code v, ok := <-ch}, {@code v, ok = <-ch}. */
    private static final Pattern RECEIVE = Pattern.compile("^\\s*(\\w+)(?:\\s*,\\s*\\w+)?\\s*:?=\\s*<-\\s*[\\w.()\\[\\]]+\\s*$");
    /** A select case that sends a value on ({@code case out <- msg:}) or receives one ({@code case v := <-ch:}). */
    private static final Pattern MOVES = Pattern.compile(
            "^\\s*case\\s+(?:[\\w.\\[\\]]+\\s*<-\\s*(\\w+)|(\\w+)(?:\\s*,\\s*\\w+)?\\s*:?=\\s*<-\\s*[\\w.()\\[\\]]+)\\s*:");
    /** A select case that waits for cancellation or shutdown: {@code case <-ctx.Done():}, {@code case <-stop:}. */
    private static final Pattern CANCEL = Pattern.compile("^\\s*case\\s+<-\\s*[\\w.()]+\\s*:");
    private static final Set<String> STOPS = Set.of("for_statement", "func_literal", "if_statement",
            "expression_case", "type_case", "communication_case", "default_case");

    private GoChannelLoops() {
    }

    /** True when the log call {@code log} is in such a block; {@code known} are the lines the diff shows. */
    static boolean inHiddenLoop(SyntaxNode log, byte[] src, BitSet known) {
        int row = log.getStartPoint().getRow();
        if (known == null || log.getStartPoint().getColumn() < 2 || !known.get(row + 1) || enclosed(log, src)) {
            return false;
        }
        String[] lines = new String(src, StandardCharsets.UTF_8).split("\n", -1);
        if (row >= lines.length || tabs(lines[row]) < 2) {
            return false;
        }
        int depth = tabs(lines[row]);
        Set<String> moved = new HashSet<>();
        boolean cancellable = false;
        int at = row - 1;
        for (; at >= 0 && known.get(at + 1); at--) {
            String text = lines[at];
            if (text.isBlank()) {
                continue;
            }
            if (tabs(text) < depth) {
                return false; // the block opens in sight: the pass has judged its header
            }
            Matcher r = RECEIVE.matcher(text);
            if (tabs(text) == depth && r.find()) {
                moved.add(r.group(1));
            }
        }
        // below, in the same block: a select that moves a value and can be cancelled
        for (int next = row + 1; next < lines.length && known.get(next + 1); next++) {
            String text = lines[next];
            if (text.isBlank()) {
                continue;
            }
            int d = tabs(text);
            if (d < depth) {
                break;
            }
            if (d == depth && text.strip().equals("select {")) {
                for (int c = next + 1; c < lines.length && known.get(c + 1) && tabs(lines[c]) >= depth; c++) {
                    if (tabs(lines[c]) != depth) {
                        continue;
                    }
                    Matcher m = MOVES.matcher(lines[c]);
                    if (m.find()) {
                        moved.add(m.group(1) != null ? m.group(1) : m.group(2));
                    } else if (CANCEL.matcher(lines[c]).find()) {
                        cancellable = true;
                    }
                }
            }
        }
        if (moved.isEmpty() || !cancellable && !receivedAbove(lines, row, depth, known)) {
            return false;
        }
        String call = lines[row].substring(Math.max(0, lines[row].indexOf('(')));
        return moved.stream().anyMatch(v -> names(call, v));
    }

    /** True when {@code text} holds {@code name} as a whole identifier, not as a field ({@code x.name}). */
    static boolean names(String text, String name) {
        for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
            int end = i + name.length();
            boolean before = i == 0 || !Character.isJavaIdentifierPart(text.charAt(i - 1)) && text.charAt(i - 1) != '.';
            boolean after = end == text.length() || !Character.isJavaIdentifierPart(text.charAt(end));
            if (before && after) {
                return true;
            }
        }
        return false;
    }

    /** A receive at the block's level above the line (its value is the message of this turn). */
    private static boolean receivedAbove(String[] lines, int row, int depth, BitSet known) {
        for (int at = row - 1; at >= 0 && known.get(at + 1); at--) {
            if (tabs(lines[at]) == depth && RECEIVE.matcher(lines[at]).find()) {
                return true;
            }
        }
        return false;
    }

    /** True when the tree shows the line in a loop, a callback or a branch: the pass has judged it, or it is rarer. */
    static boolean enclosed(SyntaxNode log, byte[] src) {
        SyntaxNode child = log;
        for (SyntaxNode p = log.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (STOPS.contains(p.getType()) || LoopGuards.sampled(p, child, src, true)
                    || RareBranches.underDebugGuard(p, child, src)) {
                return true;
            }
            if (p.getType().equals("function_declaration") || p.getType().equals("method_declaration")) {
                return false;
            }
            child = p;
        }
        return false;
    }

    static int tabs(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == '\t') {
            n++;
        }
        return n;
    }
}
