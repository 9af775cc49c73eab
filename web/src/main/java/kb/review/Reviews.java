package kb.review;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffFilter;
import kb.review.diff.DiffFormatException;
import kb.review.diff.DiffParser;
import kb.review.diff.RepoChange;
import kb.review.diff.SourceFile;
import kb.review.engine.Review;
import kb.review.engine.Reviewer;
import kb.review.engine.SarifImport;
import kb.review.report.Baseline;
import kb.review.report.GithubReport;
import kb.review.report.JsonReport;
import kb.review.report.JunitReport;
import kb.review.report.MarkdownReport;
import kb.review.report.RdjsonReport;
import kb.review.report.ReportContext;
import kb.review.report.SarifReport;
import kb.review.rules.RuleBook;
import kb.review.rules.RuleFileException;

/**
 * The review feature's door for the rest of the app: review one change (a diff, a Git range or whole files)
 * against the content folder's rules and render it in a CI format. The web pages and API are mounted through
 * {@link ReviewRoutes}; the engine's rooms ({@code diff}, {@code rules}, {@code engine}, {@code analysis},
 * {@code report}) stay behind this class.
 */
public final class Reviews {

    /** At most this many annotations in the {@code github} format unless the caller says otherwise. */
    public static final int DEFAULT_MAX_ANNOTATIONS = GithubReport.DEFAULT_CAP;

    /** The report formats. */
    public enum Format { MARKDOWN, SARIF, JSON, RDJSON, GITHUB, JUNIT }

    /** Where the change comes from. */
    public sealed interface Change permits DiffText, GitRange, WholeFiles {
    }

    /** A unified diff, read only when the review starts (after the rules loaded), e.g. from a file or stdin. */
    public record DiffText(DiffSource source) implements Change {
    }

    /** What {@code head} adds since its merge base with {@code base} in the checkout {@code repo}. */
    public record GitRange(Path repo, String base, String head) implements Change {
    }

    /** Whole Go/Java files or folders under {@code repo}, every line counted as added. */
    public record WholeFiles(Path repo, List<Path> files) implements Change {
        public WholeFiles {
            files = List.copyOf(files);
        }
    }

    /** Reads the diff's bytes. */
    @FunctionalInterface
    public interface DiffSource {
        byte[] read() throws IOException;
    }

    /**
     * One review as the command line asks for it.
     *
     * @param contentDir the knowledge base's content folder (rules/, checklist/, incidents/)
     * @param repo       the checkout that imported SARIF paths are relative to
     * @param filter     one of {@link #filters()}
     * @param imports    SARIF logs of other analysers to map onto checklist items
     * @param baseline   an earlier run's SARIF output whose findings are hidden, or null
     * @param siteUrl    base URL of the links in the report
     */
    public record Request(Path contentDir, Change change, Path repo, String filter, List<Path> imports,
                          Path baseline, Severity failLevel, Format format, String siteUrl, int maxAnnotations) {
        public Request {
            imports = List.copyOf(imports);
        }
    }

    /**
     * @param text           the report in the requested format
     * @param fails          an unsuppressed finding reaches the fail level
     * @param baselineHidden findings hidden because the baseline already holds them (0 without a baseline)
     */
    public record Result(String text, boolean fails, int baselineHidden) {
    }

    /** A diff, rule file or revision that cannot be read; the message says what and where. */
    public static final class UnreadableInputException extends Exception {
        UnreadableInputException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    private Reviews() {
    }

    /** The names {@link Request#filter()} accepts, lower case: which findings a review keeps. */
    public static List<String> filters() {
        return Arrays.stream(DiffFilter.values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * Reviews the change and renders the report.
     *
     * @throws IllegalArgumentException when the filter is not one of {@link #filters()}
     * @throws IOException              when a file cannot be read (the message names it)
     */
    public static Result run(Request request) throws UnreadableInputException, IOException {
        DiffFilter filter = DiffFilter.valueOf(request.filter().toUpperCase(Locale.ROOT));
        try {
            RuleBook book = RuleBook.load(request.contentDir());
            String mode;
            List<SourceFile> files;
            if (request.change() instanceof DiffText d) {
                mode = "diff";
                files = DiffParser.parse(d.source().read()).stream().map(SourceFile::fromDiff).toList();
            } else if (request.change() instanceof GitRange g) {
                mode = "repo";
                files = RepoChange.fromGit(g.repo(), g.base(), g.head());
            } else {
                WholeFiles w = (WholeFiles) request.change();
                mode = "files";
                files = RepoChange.fromFiles(w.repo(), w.files());
            }
            SarifImport.Result imported = SarifImport.read(request.imports(), book,
                    request.repo().toAbsolutePath().normalize());
            Review review = new Reviewer(book).review(mode, files, imported, filter);
            int[] hidden = {0};
            if (request.baseline() != null) {
                review = Baseline.read(request.baseline()).apply(review, hidden);
            }
            ReportContext ctx = new ReportContext(review, book.catalog(), request.siteUrl(), request.failLevel());
            return new Result(render(request, ctx), review.fails(request.failLevel()), hidden[0]);
        } catch (DiffFormatException | RuleFileException e) {
            throw new UnreadableInputException(e);
        }
    }

    private static String render(Request request, ReportContext ctx) {
        return switch (request.format()) {
            case MARKDOWN -> MarkdownReport.render(ctx);
            case SARIF -> SarifReport.render(ctx);
            case JSON -> JsonReport.render(ctx);
            case RDJSON -> RdjsonReport.render(ctx);
            case GITHUB -> GithubReport.render(ctx, request.maxAnnotations());
            case JUNIT -> JunitReport.render(ctx);
        };
    }
}
