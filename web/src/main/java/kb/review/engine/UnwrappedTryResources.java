package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A Java edit that takes a resource out of its try-with-resources and keeps everything else: the header {@code try
 * (ZipFile zip = new ZipFile(f)) {} is deleted and the same declaration is added as a plain local, {@code ZipFile zip =
 * new ZipFile(f);}, with the statements that used it kept as they were (only their indentation changes). The header was
 * the close, and RES-01 asks for exactly it ("acquire every AutoCloseable in a try-with-resources header"): those
 * statements borrowed the value before the change (the try closed it after them), so they borrow it now, and nothing
 * closes it any more. The lifecycle pass cannot tell this when a statement hands the value to a helper the hunk does not
 * show ({@code names(zip)}), which it must take as a hand-over; the deleted header can.
 *
 * <p>Silent when an added statement does anything new with the value (closes it, returns it, stores it, passes it to
 * a new call: the change moved the duty on purpose), and for in-memory closeables whose close does nothing
 * ({@code ByteArrayOutputStream}, {@code StringWriter}).
 */
final class UnwrappedTryResources {

    /** A one-resource try header: group 1 the type, 2 the variable, 3 the initialiser. */
    private static final Pattern HEADER = Pattern.compile(
            "^\\s*try\\s*\\(\\s*(?:final\\s+)?([\\w.$<>\\[\\], ?]+?)\\s+(\\w+)\\s*=\\s*(.+?)\\s*\\)\\s*\\{\\s*$");
    private static final Pattern IN_MEMORY = Pattern.compile(
            "\\b(?:ByteArray(?:Input|Output)Stream|String(?:Reader|Writer)|CharArray(?:Reader|Writer)|StringBuilderWriter)\\b");

    /**
     * A decorator over a stream the method holds in a variable ({@code new BufferedReader(isr)}): closing it only
     * closes that stream, whose own owner (the method that opened it, or a loan such as {@code openStream(callback)}
     * that hands it in) is followed where it is acquired. Compression streams are not here: they own a native codec.
     */
    private static final Pattern DECORATOR = Pattern.compile("^new\\s+(?:Buffered|InputStream|OutputStream|Data|Object"
            + "|Print|Pushback|LineNumber|Filter|Checked|Digest|Cipher)\\w*(?:Reader|Writer|Stream)\\s*\\(\\s*"
            + "[A-Za-z_]\\w*\\s*[,)]");

    private UnwrappedTryResources() {
    }

    /** A response whose body holds the connection: RES-02's, the item for HTTP response bodies. */
    private static final Pattern RESPONSE = Pattern.compile("(?:^|\\.)\\w*Response(?:<.*>)?$");

    /**
     * @param others the findings already kept for the file: a leak another rule reports within two lines of the
     *               declaration is that rule's to report
     */
    static List<Finding> find(SourceFile file, Catalog catalog, List<Finding> others) {
        if (file.language() != Language.JAVA || file.change().hunks().isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Hunk h : file.change().hunks()) {
            List<DiffLine> lines = h.lines();
            for (DiffLine removed : lines) {
                Matcher m = removed.kind() == DiffLine.Kind.REMOVED ? HEADER.matcher(removed.text()) : null;
                if (m == null || !m.find() || IN_MEMORY.matcher(m.group(1) + " " + m.group(3)).find()
                        || DECORATOR.matcher(m.group(3)).find()) {
                    continue;
                }
                String var = m.group(2);
                Pattern declared = Pattern.compile("^\\s*(?:final\\s+)?(?:" + Pattern.quote(m.group(1))
                        + "|var)\\s+" + Pattern.quote(var) + "\\s*=\\s*" + Pattern.quote(m.group(3)) + "\\s*;\\s*$");
                DiffLine declaration = lines.stream().filter(l -> l.kind() == DiffLine.Kind.ADDED
                        && declared.matcher(l.text()).find()).findFirst().orElse(null);
                String item = RESPONSE.matcher(m.group(1)).find() ? "RES-02" : "RES-01";
                if (declaration != null && usesUnchanged(file, var, declaration) && others.stream().noneMatch(f ->
                        f.path().equals(file.path()) && f.item().startsWith("RES-0")
                                && Math.abs(f.line() - declaration.newLine()) <= 2)) {
                    Severity severity = catalog.item(item).map(Catalog.Item::severity).orElse(Severity.WARNING);
                    out.add(new Finding(RemovedReleases.RULE, item, severity, file.path(),
                            declaration.newLine(), 1, declaration.text().strip(),
                            "The change takes `" + var + "` out of its try-with-resources and keeps the statements "
                                    + "that use it: they only borrowed it before (the try closed it after them), and "
                                    + "now nothing closes it, on any path. Keep it in the try (...) header.",
                            Finding.Confidence.LOW, "the review follows the deleted try-with-resources header", "kb",
                            null));
                }
            }
        }
        return out;
    }

    /**
     * True when every added line of the file that names {@code var}, except its declaration, is a deleted line of the
     * file re-added with the same code (re-indented): the change does nothing new with the value.
     */
    private static boolean usesUnchanged(SourceFile file, String var, DiffLine declaration) {
        Pattern named = Pattern.compile("(?<![\\w.$])" + Pattern.quote(var) + "(?![\\w$])");
        List<String> removed = file.change().hunks().stream().flatMap(h -> h.lines().stream())
                .filter(l -> l.kind() == DiffLine.Kind.REMOVED).map(l -> l.text().strip()).toList();
        return file.change().hunks().stream().flatMap(h -> h.lines().stream())
                .filter(l -> l.kind() == DiffLine.Kind.ADDED && l != declaration && named.matcher(l.text()).find())
                .allMatch(l -> removed.contains(l.text().strip()));
    }
}
