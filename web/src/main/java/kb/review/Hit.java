package kb.review;

/** A detector's raw match, before it becomes a {@link Finding}. */
record Hit(Rule rule, int line, int column, Finding.Confidence confidence, String note) {

    static final String PARTIAL_FUNCTION = "the diff shows only part of the enclosing function";
    static final String PARTIAL_FILE = "the diff shows only part of the file";
}
