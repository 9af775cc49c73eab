package kb.review.diff;

import java.util.BitSet;
import java.util.List;

/**
 * One file of a diff.
 *
 * @param path    the file's path after the change (its old path when it was deleted)
 * @param oldPath the path before the change (equal to {@code path} unless renamed or copied)
 * @param binary  true for binary patches, which carry no reviewable lines
 */
public record ChangedFile(String path, String oldPath, Change change, boolean binary, List<Hunk> hunks) {

    public enum Change { ADDED, MODIFIED, DELETED, RENAMED, COPIED }

    public ChangedFile {
        hunks = List.copyOf(hunks);
    }

    public Language language() {
        return Language.of(path);
    }

    /** New-file line numbers of added lines. */
    public BitSet addedLines() {
        BitSet set = new BitSet();
        for (Hunk h : hunks) {
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.ADDED) {
                    set.set(l.newLine());
                }
            }
        }
        return set;
    }

    /**
     * New-file line numbers of the added lines that bring new code: the added lines less those that only lay out again
     * code the same block removes ({@link Reformatting}: the same tokens in the same order, re-indented or wrapped).
     * The review reads the others as context; counts shown to the user stay {@link #addedLines()}.
     */
    public BitSet newCodeLines() {
        BitSet set = addedLines();
        reformatted().keySet().forEach(set::clear);
        return set;
    }

    /**
     * The added lines that only reformat removed code ({@link Reformatting}), each with the old-side line where its
     * code starts: a finding there is the old code's, found again.
     */
    public java.util.Map<Integer, Integer> reformatted() {
        return Reformatting.lines(hunks);
    }

    /** New-file line numbers shown in the diff: added lines and context lines. */
    public BitSet diffLines() {
        BitSet set = new BitSet();
        for (Hunk h : hunks) {
            for (DiffLine l : h.lines()) {
                if (l.kind() != DiffLine.Kind.REMOVED) {
                    set.set(l.newLine());
                }
            }
        }
        return set;
    }

    /** True when the change deletes lines of the file (not only adds them). */
    public boolean removesLines() {
        return hunks.stream().anyMatch(h -> h.lines().stream().anyMatch(l -> l.kind() == DiffLine.Kind.REMOVED));
    }

    /**
     * The same change seen backwards, from the new file to the old one: its "added" lines are the lines this change
     * removed. A file read from it with {@link SourceFile#fromDiff} is the old side of the hunks.
     */
    public ChangedFile reversed() {
        List<Hunk> back = hunks.stream().map(h -> new Hunk(h.newStart(), h.newCount(), h.oldStart(), h.oldCount(),
                h.lines().stream().map(l -> new DiffLine(switch (l.kind()) {
                    case ADDED -> DiffLine.Kind.REMOVED;
                    case REMOVED -> DiffLine.Kind.ADDED;
                    case CONTEXT -> DiffLine.Kind.CONTEXT;
                }, l.newLine(), l.oldLine(), l.text())).toList(), h.section())).toList();
        return new ChangedFile(oldPath == null ? path : oldPath, path, Change.MODIFIED, binary, back);
    }

    public int addedLineCount() {
        return addedLines().cardinality();
    }
}
