package kb.format;

/**
 * One {@code ##} section of the body, in file order.
 *
 * @param kind     the known section it is, or {@code null} for a free-text section
 * @param heading  the heading text exactly as written
 * @param markdown the section's body (without its heading line), as written
 * @param line     1-based line of the heading in the whole file
 */
public record Section(SectionKind kind, String heading, String markdown, int line) {
}
