package kb.review.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java schedule calls ({@code schedule}, {@code scheduleAtFixedRate}, {@code scheduleWithFixedDelay}) and the tasks
 * they run.
 */
final class ScheduledCalls {

    /** A schedule call, up to its opening parenthesis. */
    static final Pattern SCHEDULE = Pattern.compile("\\.schedule(?:AtFixedRate|WithFixedDelay)?\\s*\\(");
    private static final Pattern FIRST_ARG = Pattern.compile("\\A\\s*(\\w+)\\s*,");

    private ScheduledCalls() {
    }

    /** True when a schedule call in the text runs {@code name}: by reference, by a lambda, or through a variable. */
    static boolean runs(String text, String name) {
        if (!text.contains("schedule")) {
            return false;
        }
        Pattern mention = Pattern.compile("::\\s*" + Pattern.quote(name) + "\\b|\\b" + Pattern.quote(name) + "\\s*\\(");
        Matcher s = SCHEDULE.matcher(text);
        while (s.find()) {
            String args = text.substring(s.end(), Math.min(text.length(), statementEnd(text, s.end())));
            if (mention.matcher(args).find()) {
                return true;
            }
            Matcher v = FIRST_ARG.matcher(args);
            if (v.find()) {
                Matcher value = Pattern.compile("\\b" + Pattern.quote(v.group(1)) + "\\s*=\\s*([^;]+);").matcher(text);
                while (value.find()) {
                    if (mention.matcher(value.group(1)).find()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int statementEnd(String text, int from) {
        int semi = text.indexOf(';', from);
        return semi < 0 ? text.length() : semi;
    }
}
