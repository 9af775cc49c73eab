package kb.review.engine;

import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.SourceFile;

/**
 * Acquisitions a pasted diff brings in: on an added line, held by a name that no removed line of the file mentions.
 * Code the change left alone cannot release such a value (it was not there to release), so a function whose end is
 * below the hunk may not be taken to release it out of sight: the review says it does not see the release, at low
 * confidence, instead of guessing that one exists. A changed acquisition (its old form removed, a release of the same
 * name perhaps further down) is not one of these.
 */
final class AddedAcquisitions {

    private AddedAcquisitions() {
    }

    /** (line, variable) to true when the change added that acquisition fresh; always false in a whole file. */
    static BiPredicate<Integer, String> of(SourceFile file) {
        if (file.complete()) {
            return (line, var) -> false;
        }
        String old = removedLines(file);
        return (line, var) -> file.added(line) && !var.isEmpty()
                && !Pattern.compile("\\b" + Pattern.quote(var) + "\\b").matcher(old).find();
    }

    /** The lines the change deletes from the file, one per line; empty for a whole file. */
    static String removedLines(SourceFile file) {
        return String.join("", removedByLine(file).values());
    }

    /**
     * The lines the change deletes, keyed by the new file's line they stood before (the next line the new side
     * shows), each entry one or more lines; empty for a whole file.
     */
    static java.util.NavigableMap<Integer, String> removedByLine(SourceFile file) {
        java.util.TreeMap<Integer, String> out = new java.util.TreeMap<>();
        if (file.complete()) {
            return out;
        }
        for (Hunk h : file.change().hunks()) {
            int next = h.newStart();
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.REMOVED) {
                    out.merge(next, l.text() + "\n", String::concat);
                } else {
                    next = l.newLine() + 1;
                }
            }
        }
        return out;
    }
}
