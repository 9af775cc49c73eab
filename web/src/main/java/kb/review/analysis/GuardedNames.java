package kb.review.analysis;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;
import kb.review.diff.SourceFile;

/**
 * The text reading behind {@link RemovedGuards}: which shared names a line writes (Go and Java), whether a name is of
 * a thread-safe type, whether a hunk keeps a lock line it seems to remove, and brace depth of a line.
 */
public final class GuardedNames {

    /** Go: a write through a selector or a package-level name; group 1 the path, group 2 the name. */
    private static final Pattern GO_WRITE = Pattern.compile(
            "^\\s*((?:\\w+\\.)*)(\\w+)(?:\\[[^\\n]*\\])?\\s*(?:[-+*/|&^]?=(?!=)|\\+\\+|--)|\\bdelete\\(\\s*((?:\\w+\\.)*)(\\w+)\\s*,");
    /** Java: an assignment or increment of a name, or a mutating call on it; group 1 the name (or group 2). */
    private static final Pattern JAVA_WRITE = Pattern.compile(
            "^\\s*(?:this\\.)?(\\w+)(?:\\[[^\\]\\n]*\\])?\\s*(?:[-+*/|&^%]?=(?!=)|\\+\\+|--)|^\\s*(?:this\\.)?(\\w+)\\.(?:put"
                    + "|putAll|add|addAll|remove|removeAll|removeIf|clear|offer|push|computeIfAbsent|computeIfPresent"
                    + "|compute|merge|putIfAbsent|replace|retainAll|addFirst|addLast)\\(");
    /**
     * (session 41) Java: a mutating call whose result the line uses, returned or assigned ({@code return
     * CACHE.computeIfAbsent(k, f);}, {@code V old = map.put(k, v);}): the call writes the collection all the same.
     * Group 1 the collection's name.
     */
    private static final Pattern JAVA_RESULT_WRITE = Pattern.compile(
            "^\\s*(?:return\\s+|(?:final\\s+)?[\\w.]+(?:<[^;=()]*>)?(?:\\[\\])*\\s+\\w+\\s*=\\s*|\\w+\\s*=\\s*)(?:\\([\\w.<>?, ]+\\)\\s*)?"
                    + "(?:this\\.)?(\\w+)\\.(?:put|putAll|add|addAll|remove|removeAll|removeIf|computeIfAbsent|computeIfPresent"
                    + "|compute|merge|putIfAbsent|replace|offer|push|poll|pop)\\(");
    /** (session 41) A constant's name, all capitals: a static field (a cache, a registry), not a class. */
    private static final Pattern CONSTANT = Pattern.compile("^[A-Z][A-Z0-9]*_[A-Z0-9_]*$|^[A-Z]{2,}[0-9]*$");

    /** Opening minus closing braces of a line, string and char literals and line comments left out. */
    static int braces(String line) {
        int n = 0;
        boolean str = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (str) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    str = false;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                str = true;
                quote = c;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                break;
            } else if (c == '{') {
                n++;
            } else if (c == '}') {
                n--;
            }
        }
        return n;
    }

    private static final Pattern HEAD_NAME = Pattern.compile("(\\w+)\\s*\\(");

    /**
     * Whether the hunk adds the removed lock line back (re-indented, or a head rewritten with its synchronized
     * modifier kept): the lock is not taken away.
     */
    static boolean kept(List<DiffLine> lines, String removed) {
        String lock = removed.strip();
        Matcher name = HEAD_NAME.matcher(lock);
        String head = lock.contains("synchronized") && !lock.startsWith("synchronized") && name.find() ? name.group(1) : null;
        for (DiffLine l : lines) {
            if (l.kind() == DiffLine.Kind.ADDED && (l.text().strip().equals(lock) || head != null
                    && l.text().contains("synchronized") && l.text().contains(head + "("))) {
                return true;
            }
        }
        return false;
    }

    /** Adds the names {@code line} writes (not locals of {@code body}) to {@code into}, with whether Go reached them through a selector. */
    static void write(String line, boolean go, String body, Map<String, Boolean> into) {
        Matcher m = (go ? GO_WRITE : JAVA_WRITE).matcher(line);
        boolean found = m.find();
        if (!go) {
            String name = found ? m.group(1) != null ? m.group(1) : m.group(2) : null;
            if (name == null || local(name, body)) {
                Matcher r = JAVA_RESULT_WRITE.matcher(line);
                name = r.find() && !local(r.group(1), body) ? r.group(1) : null;
            }
            if (name != null) {
                into.putIfAbsent(name, Boolean.TRUE);
            }
            return;
        }
        if (!found) {
            return;
        }
        String path = m.group(2) != null ? m.group(1) : m.group(3);
        String name = m.group(2) != null ? m.group(2) : m.group(4);
        String root = path.isEmpty() ? name : path.substring(0, path.indexOf('.'));
        if (name.equals("_") || name.equals("err") || Pattern.compile("(?m)\\b" + root
                + "\\s*(?:,\\s*\\w+\\s*)*:=|\\bvar\\s+" + root + "\\b|,\\s*" + root + "\\s*:=|for\\s+(?:\\w+\\s*,\\s*)?"
                + root + "\\b" + (path.isEmpty() ? "|(?:\\(|,)\\s*" + root + "\\s+[\\w*\\[]" : ""))
                .matcher(body).find()) {
            return; // a local (or, for a bare name, a parameter) of the function
        }
        into.putIfAbsent(name, !path.isEmpty());
    }

    /**
     * Java: whether {@code name} is a local or parameter of the method (or a class): a constant's name in capitals
     * is a static field (session 41: TotalFreedomMod's {@code UUID_CACHE}), not a class.
     */
    static boolean local(String name, String body) {
        return Character.isUpperCase(name.charAt(0)) && !CONSTANT.matcher(name).matches()
                || Pattern.compile("(?:^|[;{(,]|\\n)\\s*(?:final\\s+)?(?!return\\b|throw\\b"
                + "|new\\b|else\\b|case\\b)[\\w.]+(?:<[^;=()]*>)?(?:\\[\\])*\\s+" + name + "\\s*[=;:,)]").matcher(body).find();
    }

    static final Pattern MONITOR = Pattern.compile("^\\s*synchronized\\s*\\(\\s*(?:this\\.)?(\\w+)\\s*\\)");

    /** Java: whether the change removes a declaration of the field {@code name} (its type replaced). */
    static boolean redeclared(SourceFile file, String name) {
        Pattern decl = Pattern.compile("^\\s+(?:(?:private|protected|public|static|final|volatile|transient)\\s+)*[\\w.<>\\[\\], ?]+\\s+"
                + name + "\\s*[=;]");
        // (session 41) and declares it again: a lock object the change deletes outright is no collection retyped
        return file.change().hunks().stream().flatMap(h -> h.lines().stream())
                .anyMatch(l -> l.kind() == DiffLine.Kind.REMOVED && decl.matcher(l.text()).find())
                && file.change().hunks().stream().flatMap(h -> h.lines().stream())
                .anyMatch(l -> l.kind() == DiffLine.Kind.ADDED && decl.matcher(l.text()).find());
    }

    /**
     * (session 41) Java: whether the file's text shows {@code name} as a field: declared with a field's modifier, or
     * reached through {@code this.}. A method whose head is out of sight may have declared a local of any name above
     * the hunk.
     */
    static boolean field(String text, String name) {
        return Pattern.compile("(?m)^\\s+(?:@\\w+\\s+)*(?:(?:private|protected|public|static|final|volatile|transient)\\s+)+"
                + "[\\w.<>\\[\\], ?]+\\s+" + name + "\\s*[=;]|\\bthis\\s*\\.\\s*" + name + "\\b").matcher(text).find();
    }

    /** (session 47) Java: a field declaration with an access or static modifier, which no local can carry. */
    private static final Pattern ANY_FIELD = Pattern.compile(
            "(?m)^\\s+(?:@\\w+\\s+)*(?:(?:private|protected|public|static)\\s+)+(?:(?:final|volatile|transient)\\s+)*"
                    + "[\\w.<>\\[\\], ?]+\\s+\\w+\\s*[=;]");

    /** (session 47) Java: whether the text shows any field of a class (the class's field section is in sight). */
    static boolean showsFields(String text) {
        return ANY_FIELD.matcher(text).find();
    }

    /** Java: whether the file declares or makes {@code name} a thread-safe type (its writes need no lock). */
    public static boolean threadSafe(String text, String name) {
        return Pattern.compile("(?:Concurrent\\w*|Atomic\\w*|CopyOnWrite\\w*|Blocking(?:Queue|Deque)|LongAdder|Vector|Hashtable"
                + "|Collections\\.synchronized\\w*)\\b[^;\\n]*?\\b" + name + "\\s*[=;]|\\b" + name + "\\s*=\\s*(?:new\\s+"
                + "(?:Concurrent|Atomic|CopyOnWrite|LinkedBlocking|ArrayBlocking)|Collections\\.synchronized)|volatile\\b[^;\\n]*\\b"
                + name + "\\s*[=;]").matcher(text).find();
    }

    private GuardedNames() {
    }
}
