package kb.review;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import kb.format.ChecklistItem.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code review}: checks a change against the defensive-coding checklist and prints the result in one of the CI
 * formats. Exit code 0 when no unsuppressed finding reaches {@code --fail-level}, 1 when one does, 2 for wrong
 * usage or input that cannot be read (a malformed diff, a bad rule file, an unknown revision).
 */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Review a change (a Git range, a diff file, or whole files) against the defensive-coding "
                + "checklist.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no finding at or above --fail-level", "1:findings at or above --fail-level",
                "2:wrong usage, or input that cannot be read"})
public final class ReviewCommand implements Callable<Integer> {

    enum Format { MARKDOWN, SARIF, JSON, RDJSON, GITHUB, JUNIT }

    @Option(names = "--repo", paramLabel = "DIR", description = "Git checkout to review (default: .).")
    Path repo = Path.of(".");

    @Option(names = "--base", paramLabel = "REV",
            description = "Review what HEAD adds since its merge base with REV (e.g. origin/main).")
    String base;

    @Option(names = "--head", paramLabel = "REV", description = "The change's last commit (default: HEAD).")
    String head = "HEAD";

    @Option(names = "--diff", paramLabel = "FILE",
            description = "Review a unified diff file instead of a checkout ('-' reads standard input).")
    String diff;

    @Option(names = "--files", paramLabel = "PATH", arity = "1..*",
            description = "Review whole Go/Java files or folders, every line counted as added.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "markdown, sarif, json, rdjson, github or junit (default: markdown).")
    String format = "markdown";

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report here instead of stdout.")
    Path output;

    @Option(names = "--fail-level", paramLabel = "LEVEL",
            description = "Exit 1 when a finding is this severe or worse: blocker, warning or advice "
                    + "(default: blocker).")
    String failLevel = "blocker";

    @Option(names = "--filter", paramLabel = "MODE",
            description = "Which findings to keep: added, diff_context, file or nofilter (default: added).")
    String filter = "added";

    @Option(names = "--import", paramLabel = "FILE.sarif", arity = "1..*",
            description = "SARIF logs of other analysers to map onto checklist items.")
    List<Path> imports = new ArrayList<>();

    @Option(names = "--content", paramLabel = "DIR",
            description = "The knowledge base's content folder with rules/, checklist/ and incidents/ "
                    + "(default: $KB_CONTENT_DIR or ./content).")
    Path content;

    @Option(names = "--site-url", paramLabel = "URL",
            description = "Base URL for links to checklist items and incidents (default: $KB_SITE_URL or "
                    + "http://localhost:7070).")
    String siteUrl;

    @Option(names = "--max-annotations", paramLabel = "N",
            description = "At most N annotations in the github format (default: 50).")
    int maxAnnotations = GithubReport.DEFAULT_CAP;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Format fmt = choice(Format.class, format, "--format");
            Severity level = choice(Severity.class, failLevel, "--fail-level");
            DiffFilter mode = choice(DiffFilter.class, filter, "--filter");
            int sources = (diff != null ? 1 : 0) + (base != null ? 1 : 0) + (files.isEmpty() ? 0 : 1);
            if (sources != 1) {
                throw new UsageException("give exactly one of --base REV, --diff FILE or --files PATH...");
            }
            RuleBook book = RuleBook.load(contentDir());
            String reviewMode = diff != null ? "diff" : base != null ? "repo" : "files";
            List<SourceFile> sourceFiles = switch (reviewMode) {
                case "diff" -> DiffParser.parse(readDiff()).stream().map(SourceFile::fromDiff).toList();
                case "repo" -> RepoChange.fromGit(repo, base, head);
                default -> RepoChange.fromFiles(repo, files);
            };
            SarifImport.Result imported = SarifImport.read(imports, book, repo.toAbsolutePath().normalize());
            Review review = new Reviewer(book).review(reviewMode, sourceFiles, imported, mode);
            ReportContext ctx = new ReportContext(review, book.catalog(), site(), level);
            write(render(fmt, ctx));
            return review.fails(level) ? 1 : 0;
        } catch (UsageException | DiffFormatException | RuleFileException | IOException e) {
            err.println("review: " + e.getMessage());
            return 2;
        }
    }

    private String render(Format fmt, ReportContext ctx) {
        return switch (fmt) {
            case MARKDOWN -> MarkdownReport.render(ctx);
            case SARIF -> SarifReport.render(ctx);
            case JSON -> JsonReport.render(ctx);
            case RDJSON -> RdjsonReport.render(ctx);
            case GITHUB -> GithubReport.render(ctx, maxAnnotations);
            case JUNIT -> JunitReport.render(ctx);
        };
    }

    private byte[] readDiff() throws IOException {
        if (diff.equals("-")) {
            return System.in.readAllBytes();
        }
        Path p = Path.of(diff);
        if (!Files.isRegularFile(p)) {
            throw new IOException(diff + ": no such file");
        }
        return Files.readAllBytes(p);
    }

    private void write(String report) throws IOException {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(report);
            out.flush();
        } else {
            Files.writeString(output, report, StandardCharsets.UTF_8);
        }
    }

    private Path contentDir() {
        if (content != null) {
            return content;
        }
        return kb.system.Config.fromEnv(System.getenv()).contentDir();
    }

    private String site() {
        if (siteUrl != null) {
            return siteUrl;
        }
        String env = System.getenv("KB_SITE_URL");
        return env == null || env.isBlank() ? "http://localhost:7070" : env;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String option) throws UsageException {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name().toLowerCase(Locale.ROOT));
            }
            throw new UsageException(option + " must be one of " + String.join(", ", names) + ", got '" + value
                    + "'");
        }
    }

    /** Wrong options; reported like picocli's own usage errors, with exit code 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
