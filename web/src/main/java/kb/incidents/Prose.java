package kb.incidents;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A section's Markdown without its runnable blocks: those are shown as Run panels (before and after
 * side by side) under the prose instead of inline.
 */
final class Prose {

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})\\s*(.*)$");

    private Prose() {
    }

    static String withoutRunnableBlocks(String markdown) {
        StringBuilder out = new StringBuilder();
        String open = null;
        boolean dropping = false;
        for (String line : markdown.split("\n", -1)) {
            Matcher m = FENCE.matcher(line);
            if (open == null && m.matches()) {
                open = m.group(1);
                dropping = runnable(m.group(2));
            } else if (open != null && m.matches() && m.group(1).charAt(0) == open.charAt(0)
                    && m.group(1).length() >= open.length() && m.group(2).isBlank()) {
                open = null;
                if (dropping) {
                    dropping = false;
                    continue;
                }
            }
            if (!dropping) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** Same rule as the format: a Java block whose info string has the word {@code run}. */
    private static boolean runnable(String info) {
        List<String> words = Arrays.asList(info.strip().toLowerCase(Locale.ROOT).split("\\s+"));
        return !words.isEmpty() && words.get(0).equals("java") && words.contains("run");
    }
}
