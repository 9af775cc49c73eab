package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SourceFile;

/**
 * The import paths of a Go file as far as the change shows them: the single-line imports and the lines of an
 * {@code import (...)} block, when the whole block is in view (else the imports count as not shown). Read by {@link TestCode} to tell a test-support
 * package from a product's package whose name merely ends in {@code test}.
 */
record ShownImports(boolean shown, List<String> paths) {

    private static final Pattern SINGLE = Pattern.compile("^\\s*import\\s+(?:[\\w.]+\\s+)?\"([^\"]+)\"");
    private static final Pattern BLOCK_OPEN = Pattern.compile("^\\s*import\\s*\\(\\s*$");
    private static final Pattern BLOCK_LINE = Pattern.compile("^\\s*(?:[\\w.]+\\s+)?\"([^\"]+)\"");
    /** What test code imports: the standard {@code testing} packages and the common assertion and mock libraries. */
    private static final Pattern TEST_SUPPORT = Pattern.compile(
            "^(?:testing(?:/.*)?|net/http/httptest|.*/httptest|github\\.com/stretchr/testify(?:/.*)?"
                    + "|(?:github\\.com/golang|go\\.uber\\.org)/mock/.*|github\\.com/onsi/(?:ginkgo|gomega)(?:/.*)?)$");

    static ShownImports of(SourceFile file) {
        List<String> paths = new ArrayList<>();
        boolean shown = false;
        boolean inBlock = false;
        boolean cut = false; // a block whose end the change does not show: some of its imports are out of view
        for (int n = 1; n <= file.lineCount(); n++) {
            if (!file.known(n)) {
                cut |= inBlock;
                inBlock = false;
                continue;
            }
            String line = file.written(n);
            if (inBlock) {
                if (line.strip().startsWith(")")) {
                    inBlock = false;
                    continue;
                }
                Matcher m = BLOCK_LINE.matcher(line);
                if (m.find()) {
                    paths.add(m.group(1));
                }
            } else if (BLOCK_OPEN.matcher(line).find()) {
                shown = true;
                inBlock = true;
            } else {
                Matcher m = SINGLE.matcher(line);
                if (m.find()) {
                    shown = true;
                    paths.add(m.group(1));
                }
            }
        }
        return new ShownImports(shown && !cut && !inBlock, List.copyOf(paths));
    }

    /** True when the imports are in view and none of them is a test package or library. */
    boolean withoutTestSupport() {
        return shown && paths.stream().noneMatch(p -> TEST_SUPPORT.matcher(p).matches());
    }
}
