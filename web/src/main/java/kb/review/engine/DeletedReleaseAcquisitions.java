package kb.review.engine;

import java.util.List;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;

/**
 * For {@link RemovedReleases}: where the value of a deleted release was acquired, in the same function above the
 * deletion: in the hunk, or in a checkout's whole file. The finding then stands where the lifecycle starts.
 */
final class DeletedReleaseAcquisitions {

    private static final Pattern HEADER = RemovedReleases.HEADER;
    private static final Pattern GO_DECLARATION = RemovedReleases.GO_DECLARATION;

    private DeletedReleaseAcquisitions() {
    }

    /**
     * The new-file line, in the same hunk and function above the deleted release, where its value is acquired: an
     * assignment to it ({@code resp, err := c.Get(u)}, {@code InputStream in = new FileInputStream(f)}), or for a
     * thread-local a set on it or a setter named after one ({@code ctx.setThreadLocalInfo()}); 0 when the hunk does
     * not show it. The finding then stands where the lifecycle starts, as every other leak finding does, rather than
     * where the release used to be.
     */
    static int acquisitionInHunk(List<DiffLine> lines, int removed, String value, String item) {
        if (value.isEmpty()) {
            return 0;
        }
        Pattern acquires = acquires(value, item);
        for (int j = removed - 1; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            if (acquires.matcher(l.text()).find()) {
                return l.newLine();
            }
            if (HEADER.matcher(l.text()).find()) {
                return 0;
            }
        }
        return 0;
    }

    /**
     * A line that acquires {@code value}: an assignment to it, for a thread-local a set on it, and for a transaction
     * the call that begins it, JDBC's {@code setAutoCommit(false)} or a {@code begin()} on the value itself (JTA's
     * {@code UserTransaction}, JPA's {@code EntityTransaction}): nearer the rollback than the value's assignment, and
     * the line a transaction finding stands on. Session 52: a value an owner holds ({@code snmp.Conn}) is also acquired
     * by the owner's opening verb ({@code snmp.Connect()}, {@link VerbPairs#ownerOpens}), the first half of its close.
     */
    private static Pattern acquires(String value, String item) {
        String v = Pattern.quote(value);
        String assigned = "(?<![\\w.])" + v + "\\s*(?:,\\s*\\w+\\s*)*:?=(?!=)";
        return item.equals("CONC-04")
                ? Pattern.compile("(?<![\\w.])" + v + "\\s*\\.\\s*(?:set\\w*|put|putAll)\\s*\\((?!\\s*null\\s*\\))"
                        + "|\\.set\\w*ThreadLocal\\w*\\s*\\(|\\w*ThreadLocal\\w*\\.set\\s*\\(")
                : item.equals("TX-01")
                ? Pattern.compile("(?<![\\w.])" + v + "\\.setAutoCommit\\(\\s*false\\s*\\)|(?<![\\w.])" + v
                        + "\\s*\\.\\s*begin\\w*\\s*\\(|" + assigned)
                : value.indexOf('.') > 0 && item.startsWith("RES-")
                ? Pattern.compile(assigned + "|" + VerbPairs.ownerOpens(value.substring(0, value.lastIndexOf('.'))))
                : Pattern.compile(assigned);
    }

    /** How many unseen lines between two hunks still read as one function's body (no method fits in fewer). */
    private static final int GAP_LINES = 20;

    /**
     * The acquisition of a deleted release's value in the same function, above the deletion: in its hunk, or when
     * the hunk does not show the function's header, in an earlier hunk of the same function (a diff that edits the
     * acquisition's line apart from the deleted release shows them in two hunks). An earlier hunk belongs to the same
     * function when it shows that function's header and git names it as the section of the deletion's hunk (Go, whose
     * declarations start at the margin), or for Java (whose sections name the class) when it shows a method header
     * indented less than the deletion and fewer than {@link #GAP_LINES} unseen lines separate the hunks. 0 otherwise.
     */
    static int acquisitionAbove(SourceFile file, Hunk hunk, int removed, String value, String item) {
        List<DiffLine> lines = hunk.lines();
        int inHunk = acquisitionInHunk(lines, removed, value, item);
        if (inHunk > 0 || value.isEmpty() || headerAbove(lines, removed)) {
            return inHunk;
        }
        Pattern acquires = acquires(value, item);
        List<Hunk> hunks = file.change().hunks();
        int index = hunks.indexOf(hunk);
        for (int k = index - 1, next = index; k >= 0; next = k, k--) {
            Hunk h = hunks.get(k);
            if (hunks.get(next).newStart() - (h.newStart() + h.newCount()) > GAP_LINES) {
                return 0;
            }
            int found = 0;
            for (int j = h.lines().size() - 1; j >= 0; j--) {
                DiffLine l = h.lines().get(j);
                if (l.kind() == DiffLine.Kind.REMOVED) {
                    continue;
                }
                if (found == 0 && acquires.matcher(l.text()).find()) {
                    found = l.newLine();
                }
                if (header(file, l.text())) {
                    boolean same = file.language() == Language.GO ? l.text().strip().equals(hunk.section())
                            : RemovedReleases.indent(l.text()) < RemovedReleases.indent(lines.get(removed).text());
                    return same ? found : 0;
                }
            }
            if (found > 0 && file.language() == Language.JAVA
                    && hunks.get(next).newStart() - (h.newStart() + h.newCount()) <= SAME_BLOCK_GAP
                    && nestedBetween(file, found, lines.get(removed).newLine() > 0 ? lines.get(removed).newLine()
                    : nextKnown(lines, removed))) {
                return found;
            }
        }
        return 0;
    }

    /**
     * How many unseen lines between two Java hunks a method boundary needs at least (a closing brace, a blank line and
     * the next header): a gap shorter than that, with every shown line from the acquisition down to the deletion
     * indented at least as deep as the acquisition, keeps them in one block (round 23's java-29: the transaction begun
     * in one hunk and its rollback deleted in the next, three lines apart, no header in either).
     */
    private static final int SAME_BLOCK_GAP = 3;

    /** True when every known line from {@code from} to before {@code to} is blank or indented at least as deep. */
    private static boolean nestedBetween(SourceFile file, int from, int to) {
        int depth = RemovedReleases.indent(file.line(from));
        for (int n = from + 1; n < to; n++) {
            String t = file.line(n);
            if (file.known(n) && !t.isBlank() && RemovedReleases.indent(t) < depth) {
                return false;
            }
        }
        return to > from;
    }

    /** The new-file line of the first line at or after {@code i} that the new file has (0 when none). */
    private static int nextKnown(List<DiffLine> lines, int i) {
        for (int j = i; j < lines.size(); j++) {
            if (lines.get(j).newLine() > 0) {
                return lines.get(j).newLine();
            }
        }
        return 0;
    }

    private static boolean header(SourceFile file, String text) {
        return file.language() == Language.GO ? GO_DECLARATION.matcher(text).find() : HEADER.matcher(text).find();
    }

    /**
     * The hunk's first shown line, when the deleted release's function starts above the hunk and nothing the hunk
     * shows above the deletion acquires the value: the acquisition lies above the hunk, and the hunk's first line is
     * the nearest the diff shows to it. A finding stands where the lifecycle starts (the rounds' line convention, and
     * what a checkout's whole file gives); without the acquisition in view that is the top of the hunk, not the line
     * below the deletion. Only when the hunk opens for this deletion (git's lead-in context, no other change above
     * it): a top further up belongs to another change or a wider context, and says nothing of the acquisition. 0 when
     * a function's header shows above the deletion (the value is then a parameter or a field, acquired nowhere in
     * this function) or when nothing shows above it.
     */
    static int nearestShownAbove(Hunk hunk, int removed) {
        List<DiffLine> lines = hunk.lines();
        if (headerAbove(lines, removed)) {
            return 0;
        }
        int first = removed;
        while (first > 0 && lines.get(first - 1).kind() == DiffLine.Kind.REMOVED) {
            first--;
        }
        // the hunk opens for this deletion: only git's lead-in context above it, no other change
        if (first == 0 || first > LEAD_IN || lines.subList(0, first).stream()
                .anyMatch(l -> l.kind() != DiffLine.Kind.CONTEXT)) {
            return 0;
        }
        return lines.get(0).newLine();
    }

    /** Git's default context: the lines a hunk shows above its first change. */
    private static final int LEAD_IN = 3;

    /** A header of a function or method above the deletion in its own hunk: the function starts there. */
    private static boolean headerAbove(List<DiffLine> lines, int removed) {
        for (int j = removed - 1; j >= 0; j--) {
            if (lines.get(j).kind() != DiffLine.Kind.REMOVED && HEADER.matcher(lines.get(j).text()).find()) {
                return true;
            }
        }
        return false;
    }


    /** How far above a deletion a whole file is searched for its value's acquisition. */
    private static final int FUNCTION_LINES = 400;

    /**
     * In a checkout's whole file, the nearest line above the deleted release, in the same function, that acquires
     * its value (the function's header ends the search); 0 for a pasted diff, or when the function does not
     * acquire it (a field set elsewhere, a parameter).
     *
     * @param from the new-file line the deleted release stood before
     */
    static int acquisitionInFile(SourceFile file, int from, String value, String item) {
        if (!file.complete() || value.isEmpty() || from <= 1) {
            return 0;
        }
        Pattern acquires = acquires(value, item);
        for (int n = from - 1; n >= 1 && n >= from - FUNCTION_LINES; n--) {
            String text = file.line(n);
            if (acquires.matcher(text).find()) {
                return n;
            }
            // a Go declaration starts at the margin (gofmt); an indented `func(...) {` is a literal passed to a call,
            // such as the opener a reader's constructor takes, still inside the same function
            if (file.language() == Language.GO ? GO_DECLARATION.matcher(text).find() : HEADER.matcher(text).find()) {
                return 0;
            }
        }
        return 0;
    }

    /**
     * A line's code: without a trailing line comment (one not inside a string literal) or trailing spacing. The
     * indentation stays: a line moved into or out of a block is a rewritten control flow, not a comment edit.
     */
    static String code(String line) {
        int cut = line.lastIndexOf("//");
        if (cut >= 0 && line.substring(cut).indexOf('"') < 0 && line.substring(0, cut).chars().filter(c -> c == '"')
                .count() % 2 == 0) {
            line = line.substring(0, cut);
        }
        return line.stripTrailing();
    }
}
