package kb.review.engine;

import java.util.List;
import kb.review.analysis.Checkout;
import kb.review.analysis.Declarations;
import kb.review.analysis.Models;
import kb.review.analysis.Summaries;
import kb.review.diff.ChangedFile;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;

/**
 * The functions and methods visible to a review (every changed file; the whole files in repo mode), with their
 * parameter names and bodies, so the analysis can tell what a helper does with what it is given. Helpers elsewhere
 * in the checkout are found on demand by {@link Summaries}.
 */
final class HelperIndex {

    private HelperIndex() {
    }

    /** @param trees where each file's tree is parsed, once for this index and the detectors that follow it */
    static Summaries of(List<SourceFile> files, Models models, Checkout checkout, Trees trees) {
        // files are independent: index them in parallel on FileWork's threads, in the files' order
        List<SourceFile> readable = files.stream().filter(f -> f.language() != Language.OTHER
                && !f.change().binary() && f.change().change() != ChangedFile.Change.DELETED).toList();
        List<Summaries.Function> out = FileWork.map(readable, f -> declarations(f, trees)).stream()
                .flatMap(List::stream).toList();
        return new Summaries(out, models, checkout);
    }

    /** A file's functions; none from a file nested too deeply to walk (its own review says it was not analysed). */
    private static List<Summaries.Function> declarations(SourceFile f, Trees trees) {
        if (FileWork.nestsTooDeeply(f.text())) {
            return List.of();
        }
        try {
            List<Summaries.Function> declared = Declarations.of(f.language(), f.path(), f.text(), () -> trees.of(f));
            trees.indexed(f);
            return declared;
        } catch (StackOverflowError tooDeep) {
            return List.of();
        } catch (RuntimeException failed) {
            // the file's own detection meets the same failure and reports it as not analysed
            StageFailures.absorb(failed, f.path());
            return List.of();
        }
    }
}
