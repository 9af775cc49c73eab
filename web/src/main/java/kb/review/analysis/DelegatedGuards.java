package kb.review.analysis;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task method that guards its work one call down: its body walks a collection and hands each element to a helper
 * of the same file whose own {@code try} catches everything ({@code tick()} calling {@code tickSafely(timer)} for each
 * timer). One level of same-file summary: every call of the body is either such a helper (called, or passed as a
 * method reference) or bookkeeping on a collection or iterator ({@code hasNext}, {@code next}, {@code remove}, ...),
 * a log line, a clock read or an accessor ({@code id()}, {@code getName()}). The element's own work runs inside the helper's guard, so a failure stops there and
 * the schedule goes on. A body with any other call (the element's {@code tick()} itself, a save, a send) or with no
 * guarded helper at all is not guarded this way.
 */
public final class DelegatedGuards {

    private static final Pattern CALL = Pattern.compile("(?<![\\w$])(\\w+)\\s*\\(|::\\s*(\\w+)");
    private static final Pattern KEYWORD = Pattern.compile("^(?:if|while|for|switch|catch|synchronized|return|"
            + "super|this)$");
    /** Bookkeeping on collections, iterators, map entries and clocks: calls that do not run the element's work. */
    private static final Pattern PLUMBING = Pattern.compile("^(?:iterator|hasNext|next|remove|removeIf|size|isEmpty|"
            + "contains|containsKey|keySet|values|entrySet|getKey|getValue|clear|add|addAll|put|putIfAbsent|poll|"
            + "peek|offer|forEach|stream|filter|toList|currentTimeMillis|nanoTime|now|copyOf|of|min|max|abs|"
            + "requireNonNull|isCancelled|isDone|ArrayList|HashMap|HashSet|LinkedHashMap|ArrayDeque|LinkedList|"
            + "get[A-Z]\\w*|is[A-Z]\\w*|has[A-Z]\\w*|id|name|key|equals|hashCode|toString)$");
    /** A log call: the receiver names a logger. */
    private static final Pattern LOG_RECEIVER = Pattern.compile("\\b\\w*(?:log|LOG|Log|logger|LOGGER)\\w*\\s*\\.\\s*$");

    private DelegatedGuards() {
    }

    /** True when every visible declaration of {@code callee} hands its work to same-file catch-all helpers only. */
    public static boolean guarded(String callee, Summaries summaries) {
        List<Summaries.Function> fs = summaries.declarations(callee);
        if (fs.isEmpty()) {
            return false;
        }
        for (Summaries.Function f : fs) {
            if (f.body() == null || !delegates(f.name(), CatchAlls.withoutComments(f.body()), summaries)) {
                return false;
            }
        }
        return true;
    }

    private static boolean delegates(String self, String body, Summaries summaries) {
        boolean helper = false;
        Matcher m = CALL.matcher(body);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            if (m.group(1) != null && KEYWORD.matcher(name).matches()) {
                continue;
            }
            if (m.group(1) != null && LOG_RECEIVER.matcher(body.substring(Math.max(0, m.start() - 40), m.start()))
                    .find()) {
                continue;
            }
            if (!name.equals(self) && summaries.knows(name) && summaries.catchesAll(name, -1)) {
                helper = true;
                continue;
            }
            if (!PLUMBING.matcher(name).matches()) {
                return false;
            }
        }
        return helper;
    }
}
