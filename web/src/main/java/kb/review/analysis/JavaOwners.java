package kb.review.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where an unqualified Java call that the file does not declare comes from, read from the file's text. */
final class JavaOwners {

    private static final Pattern EXTENDS = Pattern.compile(
            "\\bclass\\s+\\w+\\s*(?:<[^{]*?>)?\\s*extends\\s+([\\w.]+)");

    private JavaOwners() {
    }

    /**
     * The class an unqualified call of {@code method} belongs to: the class of a {@code import static a.B.method;}
     * (or {@code a.B.*}) import, else the superclass the file's class extends; null when neither is written.
     */
    static String unqualified(String text, String method) {
        if (text == null) {
            return null;
        }
        Matcher named = Pattern.compile("(?m)^\\s*import\\s+static\\s+([\\w.]+)\\." + Pattern.quote(method)
                + "\\s*;").matcher(text);
        if (named.find()) {
            return named.group(1);
        }
        Matcher all = Pattern.compile("(?m)^\\s*import\\s+static\\s+([\\w.]+)\\.\\*\\s*;").matcher(text);
        if (all.find()) {
            return all.group(1);
        }
        Matcher ext = EXTENDS.matcher(text);
        return ext.find() ? ext.group(1) : null;
    }
}
