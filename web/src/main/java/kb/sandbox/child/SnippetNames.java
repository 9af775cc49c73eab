package kb.sandbox.child;

/**
 * Recognises the names of JShell's snippet classes in the run child, by hand rather than with
 * {@code java.util.regex}: a compiled pattern builds its character classes from lambdas, and the
 * first lambda of a JVM spins method-handle classes, about as much CPU as the rest of a small run.
 * The grammar is exactly that of the patterns it replaces (ASCII digits and capitals, {@code \w}).
 */
final class SnippetNames {
    private static final String INTERNAL_PREFIX = "REPL/$JShell$";
    private static final String BINARY_PREFIX = "REPL.$JShell$";

    private SnippetNames() {
    }

    /**
     * Whether an internal name is a snippet's wrapper class or a class nested in one, as
     * {@code REPL/\$JShell\$\d+[A-Z]*(\$[\w$]+)?} matches it.
     */
    static boolean isSnippetClass(String internalName) {
        int end = wrapperEnd(internalName, INTERNAL_PREFIX);
        if (end < 0) {
            return false;
        }
        if (end == internalName.length()) {
            return true;
        }
        if (internalName.charAt(end) != '$' || end + 1 == internalName.length()) {
            return false;
        }
        for (int i = end + 1; i < internalName.length(); i++) {
            char c = internalName.charAt(i);
            if (!(c == '$' || c == '_' || isAsciiDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The wrapper class's simple name ({@code $JShell$12}) of a binary class name in a snippet, as
     * group 1 of {@code ^REPL\.(\$JShell\$\d+[A-Z]*)(\$.*)?$}, or {@code null} when it is not one.
     */
    static String wrapperOf(String binaryName) {
        int end = wrapperEnd(binaryName, BINARY_PREFIX);
        if (end < 0) {
            return null;
        }
        if (end < binaryName.length()) {
            if (binaryName.charAt(end) != '$') {
                return null;
            }
            for (int i = end + 1; i < binaryName.length(); i++) {
                char c = binaryName.charAt(i);
                // '.' matches anything but a line terminator.
                if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                    return null;
                }
            }
        }
        return binaryName.substring(BINARY_PREFIX.length() - "$JShell$".length(), end);
    }

    /** Where the digits and capitals after {@code prefix} end, or -1 when there is no digit. */
    private static int wrapperEnd(String name, String prefix) {
        if (!name.startsWith(prefix)) {
            return -1;
        }
        int i = prefix.length();
        while (i < name.length() && isAsciiDigit(name.charAt(i))) {
            i++;
        }
        if (i == prefix.length()) {
            return -1;
        }
        while (i < name.length() && name.charAt(i) >= 'A' && name.charAt(i) <= 'Z') {
            i++;
        }
        return i;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
