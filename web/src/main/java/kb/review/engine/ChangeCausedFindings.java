package kb.review.engine;

import kb.review.analysis.Summaries;
import kb.review.diff.DiffFilter;
import kb.review.diff.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Findings on lines the added-lines filter would drop although the change made them: a defect on an unchanged line
 * that a deletion caused, and a leak whose exit the change adds between unchanged lines.
 */
final class ChangeCausedFindings {

    private final FileDetector detector;

    ChangeCausedFindings(FileDetector detector) {
        this.detector = detector;
    }

    /**
     * Findings on unchanged lines that the change itself caused by what it deleted: a pull request that only removes
     * {@code defer f.Close()}, {@code cancel()} or {@code Thread.currentThread().interrupt()} leaves the acquisition
     * or the catch untouched, so the added-lines filter would drop the very finding the change creates. The file
     * before the change (the whole base file in a checkout, the old side of the hunks in a pasted diff) is reviewed
     * too, and a finding on an unchanged line is kept when the old file had fewer findings of that rule on that same
     * code. A finding that was already there before the change stays out, as before.
     */
    List<Finding> brokenByRemovals(List<Finding> unchanged, Map<String, SourceFile> byPath,
                                           Summaries helpers, Trees trees) {
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        // only the built-in detectors' findings: the old file is not run through other analysers
        unchanged.stream().filter(f -> "kb".equals(f.origin()) && !f.rule().equals(Suppressions.NO_REASON_RULE))
                .forEach(f -> byFile.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f));
        List<Finding> out = new ArrayList<>();
        byFile.forEach((path, candidates) -> {
            SourceFile after = byPath.get(path);
            SourceFile before = after == null ? null : after.before();
            if (before == null) {
                return;
            }
            // per rule and code: the findings on unchanged lines now, less those the old file had; what is left is
            // what the change made (findings on added lines are kept already and are not counted on either side)
            Map<String, Integer> budget = new java.util.HashMap<>();
            for (Finding f : candidates) {
                budget.merge(key(f), 1, Integer::sum);
            }
            Set<String> old = new HashSet<>();
            for (Finding f : detector.detect(before, helpers, trees).findings()) {
                budget.merge(key(f), -1, Integer::sum);
                old.add(f.rule() + '@' + f.line());
            }
            // a line the change only lays out again (re-wrapped, re-indented) is the old line's code: a finding there
            // that the old file had on the line the code came from is not the change's
            Map<Integer, Integer> origin = after.change().reformatted();
            for (Finding f : candidates) {
                if (OpenedTries.keeps(after, f.item(), f.line())) {
                    out.add(f); // re-indented into a try the change wrote without the rollback
                    continue;
                }
                if (UnwrappedCleanups.keeps(after, f)) {
                    out.add(f); // the clean-up taken out of its finally: every exception of the call now leaks
                    continue;
                }
                if (ExitsBeforeTry.keeps(after, f)) {
                    out.add(f); // a new exit above the try that releases: the old side's leak is the cut's artefact
                    continue;
                }
                Integer from = origin.get(f.line());
                if (from != null && old.contains(f.rule() + '@' + from)) {
                    continue;
                }
                if (budget.getOrDefault(key(f), 0) > 0) {
                    budget.merge(key(f), -1, Integer::sum);
                    out.add(f);
                }
            }
        });
        return out;
    }

    /**
     * A finding's identity across the change: its rule and the code of its line without white space, not the line's
     * number (a line the change only re-indents or re-spaces is the same code).
     */
    private static String key(Finding f) {
        return f.rule() + '\u0000' + (f.code() == null ? "" : WHITE.matcher(f.code()).replaceAll(""));
    }

    private static final java.util.regex.Pattern WHITE = java.util.regex.Pattern.compile("\\s+");

    /**
     * A leak whose acquisition the diff only shows as context, but whose leaking exit the change adds: an early
     * return written between an unchanged open and its unchanged deferred close. The change made the defect, so the
     * finding stays, at the acquisition the path starts from.
     */
    static boolean leaksThroughAddedLine(DiffFilter filter, SourceFile file, Finding f) {
        if (filter != DiffFilter.ADDED || file == null || f.flow().isEmpty() || !file.inDiff(f.line())) {
            return false;
        }
        return file.added(f.flow().get(f.flow().size() - 1).line()) || AddedBranchExits.through(file, f);
    }
}
