package kb.review.engine;

import kb.review.diff.ChangedFile;
import kb.review.diff.Language;
import java.util.List;
import kb.format.ChecklistItem.Severity;

/**
 * The outcome of reviewing one change: every finding (suppressed ones included, marked), the checklist items left to
 * the reviewer, and what was looked at.
 *
 * @param mode      how much code the detectors saw: {@code repo} (whole files), {@code diff} (hunks only) or
 *                  {@code files} (whole files, every line counted as added)
 * @param testFiles changed test files that were not reviewed (see {@link TestCode})
 * @param foreignFiles changed files nobody edits by hand in this repository, which were not reviewed: written by a
 *                  code generator or vendored from another module (see {@link GeneratedCode})
 */
public record Review(String mode, List<ReviewedFile> files, List<Finding> findings, List<ManualCheck> manual,
                     int unmappedImports, List<String> testFiles, List<String> foreignFiles) {

    /**
     * A file of the change as the review saw it.
     *
     * @param analysed false when the file nests too deeply for the syntax rules and analyses to walk it (generated or
     *                 hostile code): only its line rules ran
     */
    public record ReviewedFile(String path, String oldPath, ChangedFile.Change change, Language language,
                               int addedLines, boolean binary, boolean complete, boolean analysed) {

        /** A file every detector ran on. */
        public ReviewedFile(String path, String oldPath, ChangedFile.Change change, Language language,
                            int addedLines, boolean binary, boolean complete) {
            this(path, oldPath, change, language, addedLines, binary, complete, true);
        }
    }

    public enum Verdict { PASS, CHANGES_REQUESTED }

    public Review {
        files = List.copyOf(files);
        findings = List.copyOf(findings);
        manual = List.copyOf(manual);
        testFiles = List.copyOf(testFiles);
        foreignFiles = List.copyOf(foreignFiles);
    }

    /** A review of a change with no generated or vendored file. */
    public Review(String mode, List<ReviewedFile> files, List<Finding> findings, List<ManualCheck> manual,
                  int unmappedImports, List<String> testFiles) {
        this(mode, files, findings, manual, unmappedImports, testFiles, List.of());
    }

    /** A review in which every changed file was reviewed. */
    public Review(String mode, List<ReviewedFile> files, List<Finding> findings, List<ManualCheck> manual,
                  int unmappedImports) {
        this(mode, files, findings, manual, unmappedImports, List.of(), List.of());
    }

    /**
     * What a report says of a file the syntax rules and analyses could not walk (see {@link ReviewedFile}): one
     * nested deeper than the review's stack carries, or one a parser or analysis failed on (logged with its cause).
     */
    public static final String NOT_ANALYSED = "could not be walked by the syntax rules and analyses (nested too "
            + "deeply, or a parser failed on it): only its line rules ran";

    /** The reviewed files that only the line rules ran on. */
    public List<String> notAnalysed() {
        return files.stream().filter(f -> !f.analysed()).map(ReviewedFile::path).toList();
    }

    /** Findings that are not suppressed. */
    public List<Finding> active() {
        return findings.stream().filter(f -> !f.suppressed()).toList();
    }

    /** True when some unsuppressed finding is at or above {@code threshold}: the CI gate of {@code --fail-level}. */
    public boolean fails(Severity threshold) {
        return findings.stream().anyMatch(f -> f.atLeast(threshold));
    }

    /** PASS when no unsuppressed finding reaches {@code threshold}; manual marks are judged by the caller. */
    public Verdict verdict(Severity threshold) {
        return fails(threshold) ? Verdict.CHANGES_REQUESTED : Verdict.PASS;
    }

    public long count(Severity s) {
        return findings.stream().filter(f -> !f.suppressed() && f.severity() == s).count();
    }

    public int addedLines() {
        return files.stream().mapToInt(ReviewedFile::addedLines).sum();
    }
}
