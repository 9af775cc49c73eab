package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the callers in the same file pass for one parameter of a Go function, each with the text of the calling
 * function, for {@link GoRangeOrigins}: a collection handed in is as bounded as what every caller hands in.
 */
final class GoCallerArguments {

    /** A call's argument, with the top-level function that makes the call. */
    record Argument(String value, String caller) {
    }

    private static final Pattern SIGNATURE = Pattern.compile(
            "\\A\\s*func\\s*(?:\\([^()]*\\)\\s*)?(\\w+)\\s*(?:\\[[^\\]\\n]*\\]\\s*)?\\(");
    private static final Pattern DECLARING = Pattern.compile("(?:^|\\n)func\\s*(?:\\([^()\\n]*\\)\\s*)?\\z");

    private GoCallerArguments() {
    }

    /**
     * The arguments given for {@code param} by every call of the function {@code scope} declares, found in the
     * file; empty when {@code param} is not one of its parameters or no call is seen.
     */
    static List<Argument> of(String file, String scope, String param) {
        Matcher sig = SIGNATURE.matcher(scope);
        if (!sig.find()) {
            return List.of();
        }
        int close = CodeText.closing(scope, sig.end() - 1, '(', ')');
        if (close < 0) {
            return List.of();
        }
        int index = -1;
        List<String> params = split(scope.substring(sig.end(), close));
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).strip().split("\\s+")[0].equals(param)) {
                index = i;
            }
        }
        if (index < 0) {
            return List.of();
        }
        String name = sig.group(1);
        List<Argument> out = new ArrayList<>();
        int from = 0;
        while ((from = file.indexOf(name, from)) >= 0) {
            int end = from + name.length();
            int at = from;
            from = end;
            if (at > 0 && Character.isJavaIdentifierPart(file.charAt(at - 1)) || end >= file.length()
                    || file.charAt(end) != '(' || DECLARING.matcher(file.substring(Math.max(0, at - 200), at)).find()) {
                continue;
            }
            int shut = CodeText.closing(file, end, '(', ')');
            List<String> args = shut < 0 ? List.of() : split(file.substring(end + 1, shut));
            String caller = caller(file, at);
            if (index >= args.size() || caller == null) {
                return List.of();
            }
            out.add(new Argument(args.get(index).strip(), caller));
        }
        return out;
    }

    /** The top-level function holding the offset, or null. */
    private static String caller(String file, int offset) {
        int start = file.lastIndexOf("\nfunc", offset);
        if (start < 0) {
            return null;
        }
        int open = file.indexOf('{', file.indexOf(')', start));
        int close = open < 0 ? -1 : CodeText.closing(file, open, '{', '}');
        return close < offset ? null : file.substring(start + 1, close + 1);
    }

    /** Top-level comma-separated parts (brackets of any kind nest); a trailing empty part is left out. */
    private static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        if (!text.substring(start).isBlank()) {
            out.add(text.substring(start));
        }
        return out;
    }
}
