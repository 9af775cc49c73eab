package kb.review.diff;

import java.util.Locale;

/** Which findings a review keeps, by where they are relative to the diff (the filter modes reviewdog uses). */
public enum DiffFilter {
    /** Only findings on added or changed lines. */
    ADDED,
    /** Findings on any line the diff shows, context included. */
    DIFF_CONTEXT,
    /** Findings anywhere in a changed file. */
    FILE,
    /** Every finding, even in files the diff does not touch (imported results). */
    NOFILTER;

    public static DiffFilter parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    public boolean keeps(SourceFile file, int line) {
        return switch (this) {
            case ADDED -> file != null && file.added(line);
            case DIFF_CONTEXT -> file != null && file.inDiff(line);
            case FILE -> file != null;
            case NOFILTER -> true;
        };
    }
}
