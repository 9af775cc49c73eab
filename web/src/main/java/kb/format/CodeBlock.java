package kb.format;

/**
 * A fenced code block anywhere in the body.
 *
 * @param language       first word of the info string, lower case; empty when none
 * @param info           the whole info string
 * @param runnable       a Java block whose info string has the word {@code run}
 * @param role           {@code before}, {@code after}, or {@code null}
 * @param code           the block's text exactly as written (the Output comment included)
 * @param expectedOutput the stdout stated by a trailing {@code // Output:} comment, each line ending
 *                       in {@code \n}; {@code null} when the block states none (only runnable blocks
 *                       are read for it)
 * @param section        the section the block is in
 * @param line           1-based line of the opening fence in the whole file
 */
public record CodeBlock(String language, String info, boolean runnable, Role role, String code,
                        String expectedOutput, SectionKind section, int line) {

    public enum Role {
        BEFORE, AFTER;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean mermaid() {
        return "mermaid".equals(language);
    }
}
