package kb.sandbox;

/**
 * Reads the expected stdout from a reproduction's trailing {@code // Output:} comment, with the
 * same rules as the postmortem format: text after {@code Output:} on its line is the first line,
 * every following line must be a {@code //} comment, and one space after {@code //} is dropped.
 */
final class ExpectedOutput {
    private static final String MARKER = "// Output:";

    private ExpectedOutput() {
    }

    /** The expected output, each line ending in a newline; {@code null} when the source states none. */
    static String of(String source) {
        String[] lines = source.replace("\r\n", "\n").split("\n", -1);
        int start = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith(MARKER)) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            return null;
        }
        var out = new StringBuilder();
        String first = lines[start].strip().substring(MARKER.length()).strip();
        if (!first.isEmpty()) {
            out.append(first).append('\n');
        }
        int last = lines.length - 1;
        while (last > start && lines[last].isBlank()) {
            last--;
        }
        for (int i = start + 1; i <= last; i++) {
            String line = lines[i].stripLeading();
            if (!line.startsWith("//")) {
                return null;
            }
            String text = line.substring(2);
            out.append(text.startsWith(" ") ? text.substring(1) : text).append('\n');
        }
        return out.toString();
    }
}
