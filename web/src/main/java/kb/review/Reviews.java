package kb.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kb.format.ChecklistItem.Severity;
import kb.review.analysis.Callers;
import kb.review.analysis.Checkout;
import kb.review.analysis.CheckoutTypes;
import kb.review.diff.DiffFilter;
import kb.review.diff.DiffFormatException;
import kb.review.diff.DiffParser;
import kb.review.diff.Language;
import kb.review.diff.HeadTree;
import kb.review.diff.RepoChange;
import kb.review.diff.SourceFile;
import kb.review.engine.Review;
import kb.review.engine.Reviewer;
import kb.review.engine.SarifImport;
import kb.review.peers.GoPeers;
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
     * @param goPeers    also run go vet and staticcheck (when on the PATH) on the changed Go packages of a
     *                   checkout and fold their results in through the import mapping
     */
    public record Request(Path contentDir, Change change, Path repo, String filter, List<Path> imports,
                          Path baseline, Severity failLevel, Format format, String siteUrl, int maxAnnotations,
                          boolean goPeers, boolean includeTests) {
        public Request {
            imports = List.copyOf(imports);
        }

        /** A review without the Go peers, leaving test code out. */
        public Request(Path contentDir, Change change, Path repo, String filter, List<Path> imports,
                       Path baseline, Severity failLevel, Format format, String siteUrl, int maxAnnotations) {
            this(contentDir, change, repo, filter, imports, baseline, failLevel, format, siteUrl, maxAnnotations, false,
                    false);
        }

        /** A review leaving test code out. */
        public Request(Path contentDir, Change change, Path repo, String filter, List<Path> imports,
                       Path baseline, Severity failLevel, Format format, String siteUrl, int maxAnnotations,
                       boolean goPeers) {
            this(contentDir, change, repo, filter, imports, baseline, failLevel, format, siteUrl, maxAnnotations,
                    goPeers, false);
        }
    }

    /**
     * @param text           the report in the requested format
     * @param fails          an unsuppressed finding reaches the fail level
     * @param baselineHidden findings hidden because the baseline already holds them (0 without a baseline)
     * @param notes          what the Go peers did or why they did not run (empty when not asked for)
     */
    public record Result(String text, boolean fails, int baselineHidden, List<String> notes) {
    }

    /** A diff, rule file or revision that cannot be read; the message says what and where. */
    public static final class UnreadableInputException extends Exception {
        UnreadableInputException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** How long go vet or staticcheck may take on one module. */
    private static final Duration PEER_LIMIT = Duration.ofMinutes(3);

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
            List<SourceFile> context;
            if (request.change() instanceof DiffText d) {
                mode = "diff";
                files = DiffParser.parse(d.source().read()).stream().map(SourceFile::fromDiff).toList();
                context = List.of();
            } else if (request.change() instanceof GitRange g) {
                mode = "repo";
                files = RepoChange.fromGit(g.repo(), g.base(), g.head());
                context = RepoChange.packageContext(g.repo(), g.head(), files);
            } else {
                WholeFiles w = (WholeFiles) request.change();
                mode = "files";
                files = RepoChange.fromFiles(w.repo(), w.files());
                context = RepoChange.folderContext(w.repo(), files);
            }
            List<String> notes = new ArrayList<>();
            List<Path> imports = new ArrayList<>(request.imports());
            Path scratch = null;
            if (request.goPeers() && mode.equals("diff")) {
                notes.add("go vet and staticcheck need a checkout: use --base or --files, not --diff");
            } else if (request.goPeers()) {
                scratch = Files.createTempDirectory("kb-review-peers");
                GoPeers.Outcome peers = new GoPeers(System.getenv(), PEER_LIMIT)
                        .run(request.repo(), files.stream().map(SourceFile::path).toList(), scratch);
                imports.addAll(peers.sarif());
                notes.addAll(peers.notes());
            }
            SarifImport.Result imported;
            try {
                imported = SarifImport.read(imports, book, request.repo().toAbsolutePath().normalize());
            } finally {
                deleteScratch(scratch);
            }
            Review review;
            // in repo and files mode Java types declared anywhere in the checkout resolve, and callers are looked for
            // in all of it; a pasted diff has no checkout
            try (Checkout checkout = checkout(request, files)) {
                review = new Reviewer(book, request.includeTests())
                        .review(mode, files, context, checkout, imported, filter);
            }
            int[] hidden = {0};
            if (request.baseline() != null) {
                review = Baseline.read(request.baseline()).apply(review, hidden);
            }
            ReportContext ctx = new ReportContext(review, book.catalog(), request.siteUrl(), request.failLevel());
            return new Result(render(request, ctx), review.fails(request.failLevel()), hidden[0], notes);
        } catch (DiffFormatException | RuleFileException e) {
            throw new UnreadableInputException(e);
        }
    }

    private static Checkout checkout(Request request, List<SourceFile> files) throws IOException {
        if (request.change() instanceof GitRange g) {
            // the symbol solver reads the commit under review, not the working tree (which may hold other code)
            Map<String, String> java = javaTexts(files);
            CheckoutTypes types = CheckoutTypes.NONE;
            if (!java.isEmpty()) {
                HeadTree tree = HeadTree.write(g.repo(), g.head());
                types = CheckoutTypes.of(tree.dir(), java, tree);
            }
            return new Checkout(types, Callers.of(() -> RepoChange.checkoutSources(g.repo(), g.head(), files)));
        }
        if (request.change() instanceof WholeFiles w) {
            return new Checkout(CheckoutTypes.of(w.repo(), javaTexts(files)),
                    Callers.of(() -> RepoChange.diskSources(w.repo(), files)));
        }
        return Checkout.NONE;
    }

    private static Map<String, String> javaTexts(List<SourceFile> files) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SourceFile f : files) {
            if (f.language() == Language.JAVA && f.complete()) {
                out.putIfAbsent(f.path(), f.text());
            }
        }
        return out;
    }

    private static void deleteScratch(Path scratch) throws IOException {
        if (scratch == null) {
            return;
        }
        try (var paths = Files.walk(scratch)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
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
