package kb.review.analysis;

import java.util.regex.Pattern;

/** What a helper's body does with one of its parameters, read from its text. */
final class ArgumentUse {

    private ArgumentUse() {
    }

    /**
     * True when {@code body} keeps parameter {@code p} beyond the call (returns it, stores it in a field, a struct or a
     * collection, sends it, wraps it), or never reads it at all (a stub or generated body: what happens to the value
     * is not known here, so it is not a borrower). Literals and comments are not read: {@code log.debug("conn
     * closed")} neither reads nor keeps a parameter {@code conn}.
     */
    static boolean keeps(String text, String p) {
        String body = CodeText.code(text);
        String v = "(?<![\\w.$])" + Pattern.quote(p) + "(?![\\w$.(\\[])";
        if (!Pattern.compile("(?<![\\w.$])" + Pattern.quote(p) + "(?![\\w$])").matcher(body).find()) {
            return true; // a stub or generated body never reads it: what happens to it is not known here
        }
        return Pattern.compile("\\breturn\\b[^\\n;]*" + v
                + "|[\\w\\])]\\s*(\\.\\s*[\\w$]+|\\[[^\\]\\n]*])\\s*=\\s*" + v
                + "|\\{[^{}()\\n]*" + v
                + "|<-\\s*" + v + "|\\bappend\\s*\\([^\\n]*" + v
                + "|\\bnew\\s+[\\w$.<>]+\\s*\\([^\\n]*" + v
                + "|\\.(add|put|offer|push|register|set)\\s*\\([^\\n]*" + v
                // a channel registered with a selector: the selection key holds it from then on
                + "|(?<![\\w.$])" + Pattern.quote(p) + "\\s*\\.\\s*register\\s*\\(").matcher(body).find();
    }

}
