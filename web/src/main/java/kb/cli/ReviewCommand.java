package kb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import kb.format.ChecklistItem.Severity;
import kb.review.Reviews;
import kb.system.Config;
import kb.system.SiteUrl;
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

    @Option(names = "--baseline", paramLabel = "FILE.sarif",
            description = "An earlier run's SARIF output: findings it already holds are not reported.")
    Path baseline;

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
    int maxAnnotations = Reviews.DEFAULT_MAX_ANNOTATIONS;

    @Option(names = "--go-peers", description = "Also run go vet and staticcheck (when installed) on the changed Go "
            + "packages of the checkout and map their results onto checklist items; never fetches modules.")
    boolean goPeers;

    @Option(names = "--include-tests", description = "Also review test code (_test.go, testdata/, src/test/, "
            + "*Test.java, ...), which is left out by default: the checklist is about production code.")
    boolean includeTests;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            Reviews.Format fmt = choice(Reviews.Format.class, format, "--format");
            Severity level = choice(Severity.class, failLevel, "--fail-level");
            String mode = choice(Reviews.filters(), filter, "--filter");
            int sources = (diff != null ? 1 : 0) + (base != null ? 1 : 0) + (files.isEmpty() ? 0 : 1);
            if (sources != 1) {
                throw new UsageException("give exactly one of --base REV, --diff FILE or --files PATH...");
            }
            Reviews.Change change = diff != null ? new Reviews.DiffText(this::readDiff)
                    : base != null ? new Reviews.GitRange(repo, base, head) : new Reviews.WholeFiles(repo, files);
            Reviews.Result result = Reviews.run(new Reviews.Request(contentDir(err), change, repo, mode, imports,
                    baseline, level, fmt, site(), maxAnnotations, goPeers, includeTests));
            result.notes().forEach(n -> err.println("review: " + n));
            if (baseline != null) {
                err.println("review: " + result.baselineHidden() + " finding(s) already in the baseline " + baseline
                        + " hidden");
            }
            write(result.text());
            return result.fails() ? 1 : 0;
        } catch (UsageException | Reviews.UnreadableInputException | IOException e) {
            err.println("review: " + e.getMessage());
            return 2;
        }
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

    private Path contentDir(PrintWriter err) throws IOException {
        return contentDir(content, System.getenv(), Path.of("").toAbsolutePath(), err);
    }

    /**
     * {@code --content}, else {@code KB_CONTENT_DIR}, else {@code ./content} when it holds {@code rules/}; else the
     * content packed into the jar, said on {@code err}: a CI job of another repository has no content folder (and
     * a {@code content/} of its own, say a static site's, is not a knowledge base). A folder the user named is used
     * as named, so that a wrong path is an error rather than a silent fallback.
     */
    static Path contentDir(Path option, Map<String, String> env, Path workingDir, PrintWriter err)
            throws IOException {
        if (option != null) {
            return option;
        }
        if (env.containsKey("KB_CONTENT_DIR")) {
            return Config.fromEnv(env).contentDir();
        }
        Path local = workingDir.resolve("content");
        if (Files.isDirectory(local.resolve("rules"))) {
            return local;
        }
        Path bundled = BundledContent.dir();
        err.println("review: no rules in " + local + "; using the checklist and rules packed in this jar "
                + "(--content DIR or KB_CONTENT_DIR to use your knowledge base's own)");
        return bundled;
    }

    private String site() throws UsageException {
        if (siteUrl != null) {
            return siteUrl;
        }
        try {
            return SiteUrl.of(System.getenv());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String option) throws UsageException {
        List<String> names = new ArrayList<>();
        for (E c : type.getEnumConstants()) {
            names.add(c.name().toLowerCase(Locale.ROOT));
        }
        return Enum.valueOf(type, choice(names, value, option).toUpperCase(Locale.ROOT));
    }

    /** {@code value} (trimmed, any case) as one of the lower-case {@code names}. */
    private static String choice(List<String> names, String value, String option) throws UsageException {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (!names.contains(v)) {
            throw new UsageException(option + " must be one of " + String.join(", ", names) + ", got '" + value
                    + "'");
        }
        return v;
    }

    /** Wrong options; reported like picocli's own usage errors, with exit code 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
