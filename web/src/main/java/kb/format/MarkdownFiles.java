package kb.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where postmortem and checklist files are and where their id is written: the one rule shared by the
 * importer, {@code import}, {@code validate} and the editor.
 */
public final class MarkdownFiles {

    private MarkdownFiles() {
    }

    /**
     * The {@code .md} files under {@code dir} (recursively), sorted, without {@code README.md} files
     * (a folder's description, not a postmortem); empty when {@code dir} is not a folder.
     *
     * @throws UncheckedIOException when the folder cannot be listed
     */
    public static List<Path> under(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** A checklist item is a file in a folder named {@code checklist}, as in {@code content/checklist/}. */
    public static boolean isChecklist(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("checklist");
    }

    /**
     * The 1-based line of the {@code id:} key in the front matter of {@code text} (any line breaks, an
     * optional byte-order mark, spaces before the colon allowed), or 1 when there is none.
     */
    public static int idLine(String text) {
        String[] lines = FrontMatter.normalize(text).split("\n", -1);
        if (!FrontMatter.isDelimiter(lines[0])) {
            return 1;
        }
        for (int i = 1; i < lines.length && !FrontMatter.isDelimiter(lines[i]); i++) {
            if (lines[i].matches("id\\s*:.*")) {
                return i + 1;
            }
        }
        return 1;
    }
}
