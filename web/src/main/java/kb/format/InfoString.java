package kb.format;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The info string of a fenced code block read the way the format defines it: the first word is the
 * language; a Java block with the word {@code run} is runnable; {@code before} / {@code after} give
 * its role. Shared by the parser (which reports misuse) and the renderer (which marks the HTML).
 *
 * @param language first word, lower case; empty when the fence has no info string
 * @param words    the words after the language, lower case
 */
record InfoString(String language, List<String> words) {

    static final String RUN = "run";
    static final List<String> JAVA_RUN_WORDS = List.of("run", "before", "after");

    static InfoString of(String info) {
        String trimmed = info == null ? "" : info.strip();
        if (trimmed.isEmpty()) {
            return new InfoString("", List.of());
        }
        List<String> all = Arrays.stream(trimmed.split("\\s+")).map(w -> w.toLowerCase(Locale.ROOT)).toList();
        return new InfoString(all.get(0), all.subList(1, all.size()));
    }

    boolean runnable() {
        return language.equals("java") && words.contains(RUN);
    }

    /** The role the block states; {@code null} when it states none or both. */
    CodeBlock.Role role() {
        boolean before = words.contains("before");
        boolean after = words.contains("after");
        if (before == after) {
            return null;
        }
        return before ? CodeBlock.Role.BEFORE : CodeBlock.Role.AFTER;
    }
}
