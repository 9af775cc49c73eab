/**
 * The postmortem Markdown format (version 1, {@code POSTMORTEM_FORMAT.md}): parsing with every
 * problem located by line, safe rendering, and writing back.
 *
 * <ul>
 *   <li>{@link kb.format.PostmortemParser#parse} and {@link kb.format.ChecklistParser#parse} turn a
 *       file into a {@link kb.format.Parsed} value: the record, or every {@link kb.format.Problem}
 *       (line numbers are lines of the whole file, front matter included).</li>
 *   <li>{@link kb.format.MarkdownRenderer} turns section Markdown into HTML safe to embed.</li>
 *   <li>{@link kb.format.PostmortemWriter} gives the file text back (export) or regenerates it.</li>
 *   <li>{@code kb.cli.ValidateCommand} is the {@code validate} CLI subcommand.</li>
 * </ul>
 *
 * <p>Decisions the format leaves open, taken here: {@code ###} headings are free text in any
 * section; a {@code #} heading in the body is an error; the Timeline section holds only its list
 * (plus diagrams, {@code ###} headings and link definitions) so an entry missing its {@code -} is
 * not lost silently; Action items may have introductory text, but every list item there must be a
 * task; timeline entries and action items are one paragraph each; before/after reproduction blocks
 * are not paired by the parser (any number, any order); {@code // Output:} is read from runnable
 * blocks only; list keys need list syntax even for one value ({@code tags: [go]}); a missing
 * required section is reported on the last line of the file.
 */
package kb.format;
