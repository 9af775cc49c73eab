package kb.review.engine;

import kb.review.analysis.Summaries;
import kb.review.diff.SourceFile;
import kb.review.rules.Rule;
import kb.review.rules.RuleBook;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.treesitter.TSTree;

/**
 * Runs the rule book's detectors over one file: its line rules, then its syntax queries, Java visitors and analyses
 * on one parse, and turns their hits into findings (one per rule and line). Thread-safe, like {@link Reviewer}.
 */
final class FileDetector {

    private final RuleBook book;

    FileDetector(RuleBook book) {
        this.book = book;
    }

    /**
     * One file's findings, and whether its syntax rules and analyses ran to the end: a file nested deeper than the
     * review's stack carries (hostile input; see {@link FileWork}) keeps its line rules' findings and those of the
     * stages that finished, and is reported as not analysed rather than ending the review; so is a file one of the
     * parsers or analyses fails on (see {@link StageFailures}).
     */
    record Detected(List<Finding> findings, boolean analysed) {
    }

    Detected detect(SourceFile file, Summaries helpers, Trees trees) {
        List<Rule> regex = new ArrayList<>();
        List<Rule> query = new ArrayList<>();
        List<Rule> visitor = new ArrayList<>();
        List<Rule> analysis = new ArrayList<>();
        java.util.Map<String, Boolean> globs = new java.util.HashMap<>();
        for (Rule r : book.rules()) {
            if (r.appliesTo(file.path(), globs)) {
                List<Rule> bucket = r.matcher() instanceof Rule.RegexMatcher ? regex
                        : r.matcher() instanceof Rule.QueryMatcher ? query
                        : r.matcher() instanceof Rule.AnalysisMatcher ? analysis : visitor;
                bucket.add(r);
            }
        }
        List<Hit> hits = new ArrayList<>(RegexDetector.run(file, regex, helpers));
        boolean analysed = true;
        if ((!query.isEmpty() || !visitor.isEmpty() || !analysis.isEmpty()) && FileWork.nestsTooDeeply(file.text())) {
            analysed = false;
        } else if (!query.isEmpty() || !visitor.isEmpty() || !analysis.isEmpty()) {
            try {
                TSTree tree = trees.of(file);
                // the Java visitors and the analysis read the same JavaParser units: parse them once per file
                JavaVisitors.Units units = new JavaVisitors.Units(file, tree);
                if (!query.isEmpty()) {
                    hits.addAll(TreeSitterDetector.run(file, tree, book.queries(file.language()), helpers));
                }
                if (!visitor.isEmpty()) {
                    hits.addAll(JavaVisitors.run(file, units, visitor));
                }
                if (!analysis.isEmpty()) {
                    hits.addAll(AnalysisDetector.run(file, tree, units, analysis, book.models(), helpers));
                }
            } catch (StackOverflowError tooDeep) {
                analysed = false;
            } catch (RuntimeException failed) {
                StageFailures.absorb(failed, file.path());
                analysed = false;
            } finally {
                trees.done(file);
            }
        }
        AnalysisDetector.dropDismantledTwins(hits);
        List<Finding> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Hit raw : hits) {
            Hit h = raw.calibrated(file.language());
            if (seen.add(h.rule().id() + ":" + h.line())) {
                out.add(new Finding(h.rule().id(), h.rule().item(), h.rule().severity(), file.path(), h.line(),
                        h.column(), file.written(h.line()).strip(), h.rule().message(), h.confidence(), h.note(), "kb",
                        null, h.flow()));
            }
        }
        return new Detected(out, analysed);
    }
}
