package kb.review.engine;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement binding a call's results: {@code a, err := f(x)}, {@code _ = f(x)}, {@code if err := f(); err !=
 * nil {}, or a bare call {@code f(x)} (no names). {@code callee} is the text before the outermost call's
 * parenthesis; {@code errorAt} the position of an error name among the names, or -1.
 */
record GoBinding(List<String> names, String callee, int errorAt, boolean checked) {

    private static final Pattern SHAPE = Pattern.compile(
            "^\\s*(?:if\\s+)?(?:((?:[\\w.]+\\s*,\\s*)*[\\w.]+)\\s*:?=\\s*)?([\\w.]+(?:\\([^()]*\\)\\.[\\w.]+)*)\\((.*)\\)"
                    + "\\s*(;\\s*\\w+\\s*!=\\s*nil\\s*\\{)?\\s*$");

    static GoBinding parse(String text) {
        // the check of the else branch of an if-else chain (`} else if err := s.Save(); err != nil {`)
        String line = text.replaceFirst("^\\s*\\}\\s*else\\s+(?=if\\b)", "");
        if (!line.contains("(")) {
            return null;
        }
        Matcher m = SHAPE.matcher(line);
        if (!m.matches() || m.group(3).chars().filter(c -> c == '(').count()
                != m.group(3).chars().filter(c -> c == ')').count()) {
            return null;
        }
        List<String> names = m.group(1) == null ? List.of() : List.of(m.group(1).split("\\s*,\\s*"));
        if (names.isEmpty() && line.stripLeading().startsWith("if")) {
            return null;
        }
        int errorAt = -1;
        for (int k = 0; k < names.size(); k++) {
            if (GoRemovedErrorHandling.ERR_NAME.matcher(names.get(k)).matches()) {
                errorAt = k;
            }
        }
        return new GoBinding(names, m.group(2), errorAt, m.group(4) != null);
    }
}
