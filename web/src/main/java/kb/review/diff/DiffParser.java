package kb.review.diff;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.patch.CombinedFileHeader;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.patch.FormatError;
import org.eclipse.jgit.patch.HunkHeader;
import org.eclipse.jgit.patch.Patch;

/**
 * Reads unified diffs ({@code git diff}, {@code git format-patch} mails, GitHub {@code .diff} files, plain
 * {@code diff -u}) with JGit's patch parser and turns them into {@link ChangedFile}s with exact new-file line
 * numbers.
 */
public final class DiffParser {

    private static final Pattern HUNK_HEADER = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@(.*)");
    private static final String DEV_NULL = "/dev/null";

    private DiffParser() {
    }

    /**
     * Parses a diff. An empty or blank diff gives an empty list.
     *
     * @throws DiffFormatException naming the first line that is not valid diff syntax, or line 1 when the text holds
     *                             no file header at all
     */
    public static List<ChangedFile> parse(byte[] diff) throws DiffFormatException {
        byte[] buf = TerminalColours.strip(normaliseLineEnds(stripBom(diff)));
        if (new String(buf, StandardCharsets.UTF_8).isBlank()) {
            return List.of();
        }
        Patch patch = new Patch();
        patch.parse(buf, 0, buf.length);
        LineNumbers lineOf = new LineNumbers(buf);
        for (FormatError e : patch.getErrors()) {
            // JGit only warns about a line after a complete hunk (a blank line at the end of a paste, a Markdown
            // fence, the next commit's header in git log -p): readHunk holds each hunk to its own counts
            if (e.getSeverity() == FormatError.Severity.ERROR) {
                throw new DiffFormatException(lineOf.at(e.getOffset()), errorText(e));
            }
        }
        if (patch.getFiles().isEmpty()) {
            throw new DiffFormatException(firstNonBlankLine(buf),
                    "not a unified diff: no 'diff --git' or '---'/'+++' file header found");
        }
        List<FileNames.Paths> names = FileNames.of(buf, patch.getFiles());
        List<ChangedFile> files = new ArrayList<>();
        for (int i = 0; i < patch.getFiles().size(); i++) {
            files.add(toChangedFile(buf, lineOf, patch.getFiles().get(i), names.get(i)));
        }
        PatchSeries.refuseRepeatedFiles(files, patch.getFiles().stream().map(f -> lineOf.at(f.getStartOffset()))
                .toList());
        return files;
    }

    /** JGit's message, or what a cut-off paste means in the user's words. */
    private static String errorText(FormatError e) {
        String line = e.getLineText().strip();
        if (e.getMessage().startsWith("Truncated hunk")) {
            return "the hunk '" + line + "' ends before the lines its @@ line counts (" + e.getMessage()
                    .replaceFirst("^Truncated hunk, ", "").replace(" is missing", " missing") + "): was the diff cut off when it was copied?";
        }
        return e.getMessage() + ": " + line;
    }

    public static List<ChangedFile> parse(String diff) throws DiffFormatException {
        return parse(diff.getBytes(StandardCharsets.UTF_8));
    }

    private static ChangedFile toChangedFile(byte[] buf, LineNumbers lineOf, FileHeader f, FileNames.Paths names)
            throws DiffFormatException {
        if (f instanceof CombinedFileHeader) {
            // git show of a merge commit: each line carries one column per parent, so no single "added" side exists
            throw new DiffFormatException(lineOf.at(f.getStartOffset()), "a combined diff of a merge commit "
                    + "('diff --cc') has no single old side to review against; review the merge against one parent "
                    + "instead (git diff <merge>^1 <merge>)");
        }
        ChangedFile.Change change = switch (f.getChangeType()) {
            case ADD -> ChangedFile.Change.ADDED;
            case DELETE -> ChangedFile.Change.DELETED;
            case RENAME -> ChangedFile.Change.RENAMED;
            case COPY -> ChangedFile.Change.COPIED;
            case MODIFY -> ChangedFile.Change.MODIFIED;
        };
        String newPath = cleanPath(names.newPath());
        String oldPath = cleanPath(names.oldPath());
        String path = change == ChangedFile.Change.DELETED || newPath == null ? oldPath : newPath;
        if (path == null) {
            throw new DiffFormatException(lineOf.at(f.getStartOffset()), "file header names no path");
        }
        boolean binary = f.getPatchType() != FileHeader.PatchType.UNIFIED;
        List<Hunk> hunks = new ArrayList<>();
        if (!binary) {
            for (HunkHeader h : f.getHunks()) {
                hunks.add(readHunk(buf, lineOf, h));
            }
        }
        return new ChangedFile(path, oldPath == null ? path : oldPath, change, binary, hunks);
    }

    private static String cleanPath(String p) {
        if (p == null || p.equals(DEV_NULL) || p.equals(DiffEntry.DEV_NULL)) {
            return null;
        }
        return p.replace('\\', '/');
    }

    private static Hunk readHunk(byte[] buf, LineNumbers lineOf, HunkHeader h) throws DiffFormatException {
        List<String> raw = lines(buf, h.getStartOffset(), h.getEndOffset());
        int headerLine = lineOf.at(h.getStartOffset());
        Matcher m = HUNK_HEADER.matcher(raw.get(0));
        if (!m.matches()) {
            throw new DiffFormatException(headerLine, "malformed hunk header '" + raw.get(0) + "'");
        }
        int oldStart = Integer.parseInt(m.group(1));
        int oldCount = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        int newStart = Integer.parseInt(m.group(3));
        int newCount = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
        List<DiffLine> out = new ArrayList<>();
        int oldLine = oldStart;
        int newLine = newStart;
        int oldLeft = oldCount;
        int newLeft = newCount;
        for (int i = 1; i < raw.size(); i++) {
            String line = raw.get(i);
            char marker = line.isEmpty() ? ' ' : line.charAt(0);
            String text = line.isEmpty() ? "" : stripCr(line.substring(1));
            if (oldLeft == 0 && newLeft == 0 && (line.isBlank() || marker == '\\')) {
                continue; // blank lines after a complete hunk: the end of a paste, or between two files
            }
            boolean fits = switch (marker) {
                case '+' -> newLeft-- > 0;
                case '-' -> oldLeft-- > 0;
                case ' ' -> oldLeft-- > 0 & newLeft-- > 0;
                default -> true;
            };
            if (!fits) {
                throw new DiffFormatException(headerLine + i, "this line is one more than the hunk at line "
                        + headerLine + " counts ('" + raw.get(0).strip() + "'): was the diff edited by hand? Correct"
                        + " the counts in its @@ line");
            }
            switch (marker) {
                case '+' -> out.add(new DiffLine(DiffLine.Kind.ADDED, 0, newLine++, text));
                case '-' -> out.add(new DiffLine(DiffLine.Kind.REMOVED, oldLine++, 0, text));
                case ' ' -> out.add(new DiffLine(DiffLine.Kind.CONTEXT, oldLine++, newLine++, text));
                case '\\' -> { } // "\ No newline at end of file" belongs to the line before
                default -> throw new DiffFormatException(headerLine + i, "unexpected line in hunk: '" + line + "'");
            }
        }
        return new Hunk(oldStart, oldCount, newStart, newCount, out, m.group(5));
    }

    private static List<String> lines(byte[] buf, int start, int end) {
        List<String> out = new ArrayList<>(List.of(DiffEncoding.decode(buf, start, end).split("\n", -1)));
        if (out.size() > 1 && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1); // the hunk's last line ends in a newline
        }
        return out;
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * The line number (from 1) of a byte offset into the diff, from the offsets of its line breaks found once: every
     * hunk and file header asks, and counting from the start each time made a large diff quadratic.
     */
    static final class LineNumbers {
        private final int[] breaks;
        private final int size;

        LineNumbers(byte[] buf) {
            int[] found = new int[64];
            int n = 0;
            for (int i = 0; i < buf.length; i++) {
                if (buf[i] == '\n') {
                    if (n == found.length) {
                        found = java.util.Arrays.copyOf(found, n * 2);
                    }
                    found[n++] = i;
                }
            }
            this.breaks = found;
            this.size = n;
        }

        /** 1 plus the number of line breaks before {@code offset} (offsets past the end count them all). */
        int at(int offset) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (breaks[mid] < offset) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo + 1;
        }
    }

    private static int firstNonBlankLine(byte[] buf) {
        String[] lines = new String(buf, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                return i + 1;
            }
        }
        return 1;
    }

    private static byte[] stripBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return java.util.Arrays.copyOfRange(b, 3, b.length);
        }
        return b;
    }

    /**
     * A diff whose every line ends in CRLF was converted in transit (a browser form, a Windows clipboard): JGit would
     * read the CR into file names, so it is dropped. A diff with only some CRLF lines keeps them; the CR is then part
     * of the file's content and is stripped per line.
     */
    private static byte[] normaliseLineEnds(byte[] b) {
        int lf = 0;
        int crlf = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                lf++;
                if (i > 0 && b[i - 1] == '\r') {
                    crlf++;
                }
            }
        }
        if (lf == 0 || crlf != lf) {
            return b;
        }
        byte[] out = new byte[b.length - crlf];
        int j = 0;
        for (int i = 0; i < b.length; i++) {
            if (!(b[i] == '\r' && i + 1 < b.length && b[i + 1] == '\n')) {
                out[j++] = b[i];
            }
        }
        return out;
    }
}
