package kb.review.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an unexpected failure inside one file's parse or analysis does. A review reads many files with several
 * libraries (tree-sitter, JavaParser, the symbol solver) and code of our own; one file none of them was built for
 * must not end the review of the others, so by default the file keeps the findings of the stages that finished, is
 * reported as not analysed (as a file nested too deeply is), and the failure is logged with the file's path. Under
 * the system property {@value #STRICT} (the test suite sets it) the failure is rethrown instead, so a defect in the
 * review's own code fails a test rather than hiding as a skipped file.
 */
final class StageFailures {

    /** The system property that turns absorbed failures back into exceptions. */
    static final String STRICT = "kb.review.strict";

    private static final Logger log = LoggerFactory.getLogger(StageFailures.class);

    private StageFailures() {
    }

    /** Rethrows {@code failure} under {@value #STRICT}; otherwise logs it against {@code path} and returns. */
    static void absorb(RuntimeException failure, String path) {
        if (Boolean.getBoolean(STRICT)) {
            throw failure;
        }
        log.warn("review: {} was not analysed: {}", path, failure.toString(), failure);
    }
}
