package kb.review.engine;

import kb.review.diff.DiffFilter;
import kb.review.diff.DiffFormatException;
import kb.review.diff.DiffParser;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;
import kb.review.rules.RuleBook;
import kb.review.rules.RuleFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The project's real rule files ({@code content/rules}) against a fixed test catalog
 * ({@code review/catalog}: every checklist item of the content plan and two incidents), so the engine's tests do not
 * move when the checklist's prose is edited.
 */
public final class TestRules {

    public static final Path RULES = Path.of("content", "rules");
    public static final Path CATALOG = Path.of("web", "src", "test", "resources", "review", "catalog");
    private static RuleBook book;

    private TestRules() {
    }

    public static synchronized RuleBook book() {
        if (book == null) {
            try {
                book = RuleBook.load(RULES, Catalog.load(CATALOG));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuleFileException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        }
        return book;
    }

    static Reviewer reviewer() {
        return new Reviewer(book());
    }

    /** Reviews a diff in paste mode with the default filter. */
    public static Review reviewDiff(String diff) {
        try {
            List<SourceFile> files = DiffParser.parse(diff).stream().map(SourceFile::fromDiff).toList();
            return reviewer().review("diff", files, SarifImport.Result.none(), DiffFilter.ADDED);
        } catch (DiffFormatException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static String resource(String name) {
        try {
            return Files.readString(Path.of("web", "src", "test", "resources", "review").resolve(name),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
