package kb.review.diff;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several commits pasted one after another ({@code git format-patch} of a branch, {@code git log -p}, a pull
 * request's {@code .patch} download) change a file once per commit, each against the file the commit before left.
 * Read as one change, the second commit's hunks were reviewed against the first's lines: a leak the next commit fixed
 * was still reported, and findings were kept or dropped by the wrong commit's added lines.
 */
final class PatchSeries {

    private PatchSeries() {
    }

    /**
     * Refuses a diff that changes one path twice, naming both header lines. A deletion followed by an addition of the
     * same path is one change (git shows a file turned into a symbolic link that way).
     *
     * @param headerLines the diff line of each file's header, in the order of {@code files}
     */
    static void refuseRepeatedFiles(List<ChangedFile> files, List<Integer> headerLines) throws DiffFormatException {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            ChangedFile f = files.get(i);
            Integer first = seen.putIfAbsent(f.path(), i);
            if (first == null || files.get(first).change() == ChangedFile.Change.DELETED
                    && f.change() == ChangedFile.Change.ADDED) {
                continue;
            }
            throw new DiffFormatException(headerLines.get(i), "'" + f.path() + "' is changed again here after line "
                    + headerLines.get(first) + ": this is several commits one after another (git format-patch, git log"
                    + " -p, a pull request's .patch), each against the file the one before left, so it cannot be"
                    + " reviewed as one change. Paste the whole change as one diff: git diff base...branch, or the pull"
                    + " request's .diff");
        }
    }
}
