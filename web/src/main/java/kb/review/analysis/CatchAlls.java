package kb.review.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Catch-all guards in Java code text: a {@code catch (Exception e)} (or {@code RuntimeException}, {@code Throwable})
 * protects the code around it only when its block does not throw again. A guard that wraps and rethrows
 * ({@code catch (Exception e) { throw new IllegalStateException(e); }}) lets the failure out just the same: a periodic
 * task so guarded is still cancelled by its first failure. A multi-catch with a catch-all among its alternatives
 * ({@code catch (Exception | Error e)}, {@code catch (IOException | RuntimeException e)}) guards the same way.
 */
final class CatchAlls {

    /** One catch type, or a multi-catch one of whose alternatives is a catch-all ({@code Exception | Error}). */
    private static final Pattern CATCH_ALL = Pattern.compile(
            "catch\\s*\\(\\s*(final\\s+)?([\\w.]+\\s*\\|\\s*)*(java\\.lang\\.)?(Throwable|Exception|RuntimeException)"
                    + "(\\s*\\|\\s*[\\w.]+)*\\s+\\w+\\s*\\)\\s*\\{");
    private static final Pattern THROW = Pattern.compile("\\bthrow\\b");

    private CatchAlls() {
    }

    /** True when {@code code} has a catch of Exception, RuntimeException or Throwable whose block throws nothing. */
    static boolean swallows(String code) {
        Matcher m = CATCH_ALL.matcher(code);
        while (m.find()) {
            int end = blockEnd(code, m.end() - 1);
            // letting a VirtualMachineError through is what the guard is meant to do, not a failure escaping it
            if (!THROW.matcher(FatalRethrows.without(withoutComments(code.substring(m.end(), end)))).find()) {
                return true; // "// log, don't throw" is not a throw
            }
        }
        return false;
    }

    /** The code without its comments (string and character literals kept as they are). */
    static String withoutComments(String code) {
        StringBuilder out = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                int start = i;
                for (i++; i < code.length() && code.charAt(i) != c; i++) {
                    if (code.charAt(i) == '\\') {
                        i++;
                    }
                }
                out.append(code, start, Math.min(i + 1, code.length()));
            } else if (code.startsWith("//", i)) {
                int eol = code.indexOf('\n', i);
                i = eol < 0 ? code.length() : eol - 1;
            } else if (code.startsWith("/*", i)) {
                int close = code.indexOf("*/", i + 2);
                i = close < 0 ? code.length() : close + 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The index just before the brace closing the block opened at {@code open}, skipping literals; or the end. */
    private static int blockEnd(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"' || c == '\'') {
                for (i++; i < code.length() && code.charAt(i) != c; i++) {
                    if (code.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return code.length();
    }
}
