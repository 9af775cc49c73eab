package kb.review.engine;

import java.util.List;
import kb.review.rules.Rule;

/** A detector's raw match, before it becomes a {@link Finding}. */
record Hit(Rule rule, int line, int column, Finding.Confidence confidence, String note, List<Finding.Step> flow) {

    Hit(Rule rule, int line, int column, Finding.Confidence confidence, String note) {
        this(rule, line, column, confidence, note, List.of());
    }

    static final String BY_NAME = "the library model matched a name, not a declared type";

    static final String PARTIAL_FUNCTION = "the diff shows only part of the enclosing function";
    static final String PARTIAL_FILE = "the diff shows only part of the file";

    /** The note of a duty handed to a function the review could not see (it may end it there). */
    static String unseen(String callee) {
        return Finding.UNSEEN_NOTE + callee + "`, which the review could not see: whether it ends it there is unknown";
    }
}
