package kb.review.analysis;

import java.util.regex.Pattern;

/**
 * The one rethrow a catch-all guard is meant to keep: CONC-07's guard "catches everything ... only
 * {@code VirtualMachineError} (e.g. {@code OutOfMemoryError}) goes through". A guard written as one catch of
 * {@code RuntimeException | Error} (all that a {@code Runnable} can throw) or {@code Throwable} lets the fatal errors
 * out with {@code if (e instanceof VirtualMachineError fatal) { throw fatal; }}; that throw is not the run's failure
 * escaping, so the guard still swallows every other failure.
 */
final class FatalRethrows {

    private static final String FATAL =
            "(?:java\\.lang\\.)?(?:VirtualMachineError|OutOfMemoryError|StackOverflowError|InternalError|UnknownError)";
    private static final String TEST = "\\w+\\s+instanceof\\s+" + FATAL + "(?:\\s+\\w+)?\\s*";
    /** {@code if (e instanceof F [x] (|| e instanceof G)*) throw ...;}, with or without braces. */
    private static final Pattern RETHROW = Pattern.compile("\\bif\\s*\\(\\s*" + TEST + "(?:\\|\\|\\s*" + TEST + ")*\\)\\s*"
            + "(?:\\{\\s*throw\\s+[^;{}]*;\\s*\\}|throw\\s+[^;{}]*;)");

    private FatalRethrows() {
    }

    /** The block without its rethrows of fatal VM errors; the block as it is when it has none. */
    static String without(String block) {
        return RETHROW.matcher(block).replaceAll(" ");
    }
}
