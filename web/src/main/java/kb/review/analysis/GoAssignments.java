package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a Go function gives one of its locals, read line by line from its text as gofmt lays it out, for
 * {@link GoRangeOrigins}. An append stored back ({@code plans = append(plans, p)}) stands for the collection of the
 * range loop that repeats it, or for a fixed number of elements when no loop encloses it.
 */
final class GoAssignments {

    /** The value an append outside any loop stands for: one more element the code writes out. */
    static final String APPENDED_ONCE = "<appended once>";
    /** The value of an append in a loop that does not range over a collection (for {}, a condition). */
    static final String UNKNOWN = "<unknown>";

    /** {@code x := E}, {@code x = E}, {@code var x = E}, {@code var x T = E}: group 1 the names, 2 the value. */
    private static final Pattern ASSIGN = Pattern.compile(
            "^\\s*(?:var\\s+)?(\\w+(?:\\s*,\\s*\\w+)*)(?:\\s+[^=:\\n]+?)?\\s*:?=(?!=)\\s*(.+?)\\s*$");
    private static final Pattern APPEND = Pattern.compile("\\Aappend\\(\\s*(\\w+)\\s*,");
    private static final Pattern EMPTY = Pattern.compile(
            "\\A(?:nil|make\\([^()]*\\)|(?:\\[\\]|map\\[[^\\]]*\\])[\\w.*\\[\\]]*\\{\\s*\\})\\z");
    private static final Pattern RANGE = Pattern.compile("^\\s*for\\s+(?:[\\w, ]+:?=\\s*)?range\\s+(.+?)\\s*\\{\\s*$");
    private static final Pattern LOOP = Pattern.compile("^\\s*for\\b");
    private static final Pattern TOP_VAR = Pattern.compile("(?m)^var\\s+(\\w+)(?:\\s+[^=\\n]+?)?\\s*=\\s*(.+)$");
    private static final Pattern VAR_BLOCK = Pattern.compile("(?m)^var\\s*\\(\\s*$([\\s\\S]*?)^\\)");
    private static final Pattern BLOCK_VAR = Pattern.compile("(?m)^\\t(\\w+)(?:\\s+[^=\\n]+?)?\\s*=\\s*(.+)$");

    private GoAssignments() {
    }

    /**
     * The values the function gives {@code name}, in order; an empty initial value (nil, make, an empty literal)
     * is left out. Null when the function never assigns it (a parameter, or a package-level name).
     */
    static List<String> values(String scope, String name) {
        List<String> lines = scope.lines().toList();
        List<String> out = null;
        for (int i = 1; i < lines.size(); i++) {
            Matcher m = ASSIGN.matcher(lines.get(i));
            if (!m.matches() || !List.of(m.group(1).split("\\s*,\\s*")).contains(name)) {
                continue;
            }
            out = out == null ? new ArrayList<>() : out;
            String value = m.group(2);
            Matcher a = APPEND.matcher(value);
            if (a.find() && a.group(1).equals(name)) {
                out.add(loopOf(lines, i));
            } else if (!EMPTY.matcher(value).matches()) {
                out.add(m.group(1).contains(",") ? UNKNOWN : value);
            }
        }
        return out;
    }

    /** The collection of the loop nearest around line {@code at}: its range's right side, or a marker. */
    private static String loopOf(List<String> lines, int at) {
        int indent = indent(lines.get(at));
        for (int i = at - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.isBlank() || indent(line) >= indent) {
                continue;
            }
            indent = indent(line);
            if (LOOP.matcher(line).find()) {
                Matcher r = RANGE.matcher(line);
                return r.matches() ? r.group(1) : UNKNOWN;
            }
        }
        return APPENDED_ONCE;
    }

    /** Whether the line at {@code offset} of a whole file sits in a {@code for} loop of its function. */
    static boolean inLoop(String file, int offset) {
        int start = file.lastIndexOf('\n', offset) + 1;
        int end = file.indexOf('\n', offset);
        List<String> above = file.substring(0, end < 0 ? file.length() : end).lines().toList();
        int indent = indent(file.substring(start));
        for (int i = above.size() - 2; i >= 0 && indent > 0; i--) {
            String line = above.get(i);
            if (line.isBlank() || indent(line) >= indent) {
                continue;
            }
            indent = indent(line);
            if (LOOP.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    /** The value a package-level {@code var} of the file is given, or null. */
    static String packageValue(String file, String name) {
        Matcher m = TOP_VAR.matcher(file);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        Matcher block = VAR_BLOCK.matcher(file);
        while (block.find()) {
            Matcher v = BLOCK_VAR.matcher(block.group(1));
            while (v.find()) {
                if (v.group(1).equals(name)) {
                    return v.group(2);
                }
            }
        }
        return null;
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == '\t') {
            n++;
        }
        return n;
    }
}
