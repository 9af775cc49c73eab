package kb.review.analysis;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go {@code _ = X(...)} lines whose right side is no error at all (precision set 15, class BO; called from
 * {@link GoDiscards#describe}, whose words this joins). ERR-01 asks about calls "that return an error"; these are not:
 * <ul>
 * <li>a spec of a package-level {@code const ( ... )} group: a constant is never an error, and {@code _ = uint(a - b)}
 * there is a compile-time check (the build fails when two enumerations drift);</li>
 * <li>a conversion, not a call: to a predeclared type ({@code _ = uint(x)}, {@code _ = string(b)}), to a type the file
 * declares ({@code type Name ...}), or of a typed nil pointer ({@code _ = driver.Rows((*T)(nil))}, the interface
 * assertion that {@code *T} implements it; no function is written to take only a nil pointer and fail);</li>
 * <li>a method of the standard library's in-memory buffers and readers ({@code bytes.Buffer}, {@code strings.Builder},
 * {@code bytes.Reader}, {@code strings.Reader}) whose results hold no error ({@code Next}, {@code Len}, {@code Bytes},
 * ...), on a name the function or file makes or declares as one.</li>
 * </ul>
 * A {@code var ( ... )} group counts only for the conversion shapes: a package variable may be initialised by a call
 * whose error is dropped.
 */
final class GoValueDiscards {

    static final String NOT_AN_ERROR = "value-is-not-an-error";

    /** The callee and the text of its arguments: {@code pkg.Name(args)}; group 1 the qualifier, 2 the name, 3 the rest. */
    private static final Pattern CALL = Pattern.compile("^(?:([\\p{L}_]\\w*)\\.)?([\\p{L}_]\\w*)\\s*\\((.*)\\)$");
    /** A receiver chain and a method: group 1 the receiver's last name, group 2 the method. */
    private static final Pattern METHOD = Pattern.compile("^(?:[\\p{L}_][\\w.]*\\.)?([\\p{L}_]\\w*)\\.([\\p{L}_]\\w*)\\s*\\(");
    private static final Set<String> PREDECLARED = Set.of("bool", "string", "int", "int8", "int16", "int32", "int64",
            "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "byte", "rune", "float32", "float64", "complex64",
            "complex128", "any");
    /** The only argument is a typed nil pointer: {@code (*T)(nil)} or {@code (*pkg.T)(nil)}. */
    private static final Pattern NIL_POINTER = Pattern.compile("^\\(\\s*\\*\\s*[\\p{L}_][\\w.]*\\s*\\)\\s*\\(\\s*nil\\s*\\)$");
    /** Methods of the in-memory buffers and readers whose results hold no error. */
    private static final Set<String> BUFFER_METHODS = Set.of("Next", "Len", "Cap", "Bytes", "String", "Available",
            "AvailableBuffer", "Size");
    private static final String BUFFER_TYPE = "(?:bytes\\.(?:Buffer|Reader)|strings\\.(?:Builder|Reader))";
    private static final Pattern GROUP_OPEN = Pattern.compile("^(const|var)\\s*\\(\\s*(?://.*)?$");
    /** How far up a declaration group is looked for. */
    private static final int GROUP_REACH = 200;

    private GoValueDiscards() {
    }

    /**
     * {@value #NOT_AN_ERROR} when {@code call} (the text after {@code _ = }, comment removed) on line {@code lineNo}
     * is one of the shapes above; {@code lines} are the file's lines (line l at l - 1), {@code text} the file's text.
     */
    static List<String> describe(List<String> lines, int lineNo, String call, String text) {
        String group = group(lines, lineNo);
        if ("const".equals(group) || conversion(call, text) || bufferMethod(call, lines, lineNo, text)) {
            return List.of(NOT_AN_ERROR);
        }
        return List.of();
    }

    /** {@code const} or {@code var} when the line is a spec of a package-level group of that kind; null otherwise. */
    private static String group(List<String> lines, int lineNo) {
        if (lineNo < 1 || lineNo > lines.size() || !lines.get(lineNo - 1).startsWith("\t") && !lines.get(lineNo - 1).startsWith(" ")) {
            return null;
        }
        for (int l = lineNo - 1; l >= 1 && l >= lineNo - GROUP_REACH; l--) {
            String above = lines.get(l - 1);
            if (above.isEmpty() || Character.isWhitespace(above.charAt(0)) || above.startsWith("//")) {
                continue;
            }
            Matcher m = GROUP_OPEN.matcher(above);
            return m.find() ? m.group(1) : null;
        }
        return null;
    }

    private static boolean conversion(String call, String text) {
        Matcher c = CALL.matcher(call);
        if (!c.find()) {
            return false;
        }
        String qualifier = c.group(1);
        String name = c.group(2);
        if (qualifier == null && PREDECLARED.contains(name)) {
            return true;
        }
        if (NIL_POINTER.matcher(c.group(3).strip()).find()) {
            return true;
        }
        return qualifier == null && declaresType(text, name);
    }

    /** The file declares {@code type name ...} (alone or as the first spec after {@code type (}). */
    private static boolean declaresType(String text, String name) {
        String single = "type " + name;
        for (int at = text.indexOf(single); at >= 0; at = text.indexOf(single, at + 1)) {
            int end = at + single.length();
            boolean start = at == 0 || text.charAt(at - 1) == '\n';
            if (start && end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '[' || text.charAt(end) == '\t')) {
                return true;
            }
        }
        return false;
    }

    private static boolean bufferMethod(String call, List<String> lines, int lineNo, String text) {
        Matcher m = METHOD.matcher(call);
        if (!m.find() || !BUFFER_METHODS.contains(m.group(2))) {
            return false;
        }
        String q = Pattern.quote(m.group(1));
        return Pattern.compile("(?<![\\w.])" + q + "\\s*:?=\\s*(?:&\\s*" + BUFFER_TYPE + "\\s*\\{|new\\(\\s*" + BUFFER_TYPE
                + "\\s*\\)|(?:bytes|strings)\\.New(?:Buffer(?:String)?|Reader)\\s*\\()"
                + "|(?:\\bvar\\s+|[(,]\\s*|^\\s*)" + q + "\\s+\\*?\\s*" + BUFFER_TYPE + "\\b", Pattern.MULTILINE)
                .matcher(text).find();
    }
}
