package kb.cli;

import kb.format.ChecklistParser;
import kb.format.MarkdownFiles;
import kb.format.Parsed;
import kb.format.Postmortem;
import kb.format.PostmortemParser;
import kb.format.Problem;
import kb.system.Utf8;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code validate FILE...}: checks postmortem and checklist files against the format and prints
 * {@code file:line: message} for every problem, then a summary. Exit code 0 when every file is
 * valid, 1 when any is not (or a path does not exist), 2 for a usage error.
 *
 * <p>A file whose folder is named {@code checklist} is a checklist item; any other file is a
 * postmortem. The checklist ids a postmortem may point at are the {@code *.md} file names in
 * {@code --checklist DIR}, by default in the {@code checklist} folder next to the postmortem's folder
 * ({@code content/incidents/x.md} looks in {@code content/checklist}); without such a folder that
 * check is skipped with a note on standard error.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check postmortem and checklist Markdown files against the format; "
                + "prints file:line: message for every problem.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file is valid", "1:a file is invalid or missing", "2:wrong usage"})
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Markdown files, or folders searched for *.md files recursively.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--checklist", paramLabel = "DIR",
            description = "Folder of checklist items whose ids postmortems may use "
                    + "(default: the 'checklist' folder next to each postmortem's folder).")
    Path checklistDir;

    @Spec
    CommandSpec spec;

    private final PostmortemParser postmortems = new PostmortemParser();
    private final ChecklistParser checklist = new ChecklistParser();
    private final Map<Path, Set<String>> knownIds = new HashMap<>();
    private final Map<String, String> seenIds = new HashMap<>();
    private final Set<Path> warnedNoChecklist = new HashSet<>();

    public ValidateCommand() {
    }

    @Override
    public Integer call() {
        if (checklistDir != null && !Files.isDirectory(checklistDir)) {
            throw new ParameterException(spec.commandLine(), "--checklist " + checklistDir + " is not a folder");
        }
        PrintWriter out = spec.commandLine().getOut();
        int files = 0;
        int invalid = 0;
        int problemCount = 0;
        for (Path path : paths) {
            List<Path> found = expand(path);
            if (found == null) {
                out.println(path + ": no such file or folder");
                invalid++;
                problemCount++;
                continue;
            }
            for (Path file : found) {
                List<Problem> problems = check(file);
                files++;
                problemCount += problems.size();
                if (!problems.isEmpty()) {
                    invalid++;
                    problems.forEach(p -> out.println(p.format(file.toString())));
                }
            }
        }
        out.println("checked " + files + (files == 1 ? " file: " : " files: ") + (files - Math.min(invalid, files))
                + " valid, " + invalid + " invalid, " + problemCount + (problemCount == 1 ? " problem" : " problems"));
        out.flush();
        return invalid == 0 ? 0 : 1;
    }

    /** The Markdown files at {@code path}, sorted; {@code null} when it does not exist. */
    private static List<Path> expand(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            return null;
        }
        return MarkdownFiles.under(path);
    }

    private List<Problem> check(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return List.of(Problem.at(1, "cannot read the file: " + e.getMessage()));
        }
        String text = Utf8.decode(bytes).orElse(null);
        if (text == null) {
            return List.of(Problem.at(1, "the file is not valid UTF-8"));
        }
        if (MarkdownFiles.isChecklist(file)) {
            return checklist.parse(text, file.getFileName().toString()).problems();
        }
        Parsed<Postmortem> parsed = postmortems.parse(text, known(file));
        List<Problem> problems = new ArrayList<>(parsed.problems());
        parsed.value().ifPresent(p -> {
            String other = seenIds.putIfAbsent(p.id(), file.toString());
            if (other != null) {
                problems.add(Problem.at(MarkdownFiles.idLine(text), "id '" + p.id() + "' is already used by " + other));
            }
        });
        return problems;
    }

    /** Checklist ids for {@code file}'s existence check; {@code null} when no checklist folder is known. */
    private Set<String> known(Path file) {
        Path dir = checklistDir;
        if (dir == null) {
            Path folder = file.toAbsolutePath().normalize().getParent();
            dir = folder.getParent() == null ? null : folder.getParent().resolve("checklist");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            if (warnedNoChecklist.add(file.toAbsolutePath().normalize().getParent())) {
                spec.commandLine().getErr().println("note: no checklist folder next to " + file.toAbsolutePath().getParent()
                        + "; checklist ids there are not checked for existence (use --checklist DIR)");
            }
            return null;
        }
        return knownIds.computeIfAbsent(dir, ValidateCommand::idsIn);
    }

    private static Set<String> idsIn(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            Set<String> ids = new TreeSet<>();
            list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(ChecklistParser::baseName).forEach(ids::add);
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
