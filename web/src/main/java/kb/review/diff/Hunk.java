package kb.review.diff;

import java.util.List;

/**
 * One {@code @@ -a,b +c,d @@} block of a file's diff.
 *
 * @param newStart 1-based first line of the hunk in the new file (0 when the new file is empty)
 * @param newCount number of new-file lines the hunk spans (context and added)
 * @param section  what git prints after the second {@code @@}: the line that opens the function or class the hunk
 *                 starts in (empty when the diff has none)
 */
public record Hunk(int oldStart, int oldCount, int newStart, int newCount, List<DiffLine> lines, String section) {

    public Hunk {
        lines = List.copyOf(lines);
        section = section == null ? "" : section.strip();
    }

    public Hunk(int oldStart, int oldCount, int newStart, int newCount, List<DiffLine> lines) {
        this(oldStart, oldCount, newStart, newCount, lines, "");
    }
}
