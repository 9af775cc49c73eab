package kb.sandbox.child;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * How a run ended, as the child saw it.
 *
 * @param outcome     what happened
 * @param message     one line for people, e.g. the exception or the limit; empty when none
 * @param diagnostics compile errors or denials, positioned in the user's text
 */
public record ChildReport(Outcome outcome, String message, List<Problem> diagnostics) {

    public enum Outcome {
        /** Every snippet evaluated without an exception. */
        COMPLETED,
        /** A snippet did not compile; nothing after it ran. */
        COMPILE_ERROR,
        /** A snippet referenced an API outside the allowlist; its classes were never defined. */
        DENIED,
        /** A snippet threw; the stack trace went to the snippet's stderr. */
        EXCEPTION,
        /** The child stopped the run itself: too many threads or too much CPU. */
        LIMIT,
        /** The snippets printed more than the cap; the output was cut there. */
        OUTPUT_LIMIT,
        /** The runner itself failed. */
        INTERNAL
    }

    /**
     * A problem at a place in the user's text.
     *
     * @param line    1-based line, 0 when unknown
     * @param column  1-based column, 0 when unknown
     * @param message what is wrong
     */
    public record Problem(int line, int column, String message) {
    }

    /** Characters kept of a message: a report must stay far below the frame limit whatever user code throws. */
    public static final int MAX_MESSAGE = 4000;
    /** Diagnostics kept in a report. */
    public static final int MAX_PROBLEMS = 50;

    public ChildReport {
        message = shorten(message);
        // A loop, not a stream: the run child builds reports, and its first lambda would cost tens of ms to link.
        var kept = new ArrayList<Problem>(Math.min(diagnostics.size(), MAX_PROBLEMS));
        for (Problem p : diagnostics) {
            if (kept.size() == MAX_PROBLEMS) {
                break;
            }
            kept.add(new Problem(p.line(), p.column(), shorten(p.message())));
        }
        diagnostics = java.util.Collections.unmodifiableList(kept);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + " [...]";
    }

    public static ChildReport of(Outcome outcome, String message) {
        return new ChildReport(outcome, message, List.of());
    }

    public byte[] encode() {
        var w = new Wire.Writer().string(outcome.name()).string(message).integer(diagnostics.size());
        for (Problem p : diagnostics) {
            w.integer(p.line()).integer(p.column()).string(p.message());
        }
        return w.bytes();
    }

    public static ChildReport decode(byte[] payload) throws IOException {
        var in = new Wire.Reader(payload);
        // Not Outcome.valueOf: it finds the constants reflectively, which the run child need not load.
        String name = in.string();
        Outcome outcome = null;
        for (Outcome o : Outcome.values()) {
            if (o.name().equals(name)) {
                outcome = o;
            }
        }
        if (outcome == null) {
            throw new IOException("unknown outcome in report");
        }
        String message = in.string();
        int n = in.integer();
        if (n < 0 || n > 10_000) {
            throw new IOException("diagnostic count out of range: " + n);
        }
        var problems = new ArrayList<Problem>(n);
        for (int i = 0; i < n; i++) {
            problems.add(new Problem(in.integer(), in.integer(), in.string()));
        }
        return new ChildReport(outcome, message, problems);
    }
}
