package kb.review.engine;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;

/**
 * A per-thread value whose clean-up the change takes out of its {@code finally}: {@code MDC.remove(KEY)},
 * {@code CONTEXT.remove()} or {@code ThreadContext.clearMap()} moved from the finally to the line after the call it
 * guarded ({@code chain.doFilter(...)}, {@code task.run()}), the try and finally deleted. The value's set is unchanged
 * context, so its CONC-04 finding would be read as the old file's: the old file may have had one too, on a weaker path
 * (a log line in the finally, before the remove, that could throw). Now every exception of the call leaves the value
 * on the pooled thread, which the change wrote. The finding stays, once, at the set: the removed finally held a
 * clean-up of the same holder that the change adds back outside any finally.
 */
final class UnwrappedCleanups {

    private static final Pattern FINALLY = Pattern.compile("^\\s*(?:}\\s*)?finally\\s*\\{");
    /** A clean-up of a per-thread holder; group 1 the holder. */
    private static final Pattern CLEANUP = Pattern.compile(
            "^\\s*(?:[\\w.]*\\.)?(\\w+)\\s*\\.\\s*(?:remove|clear|removeAll|clearAll|clearMap|clearStack|reset|unset)"
                    + "\\w*\\s*\\(.*\\)\\s*;");
    /** The holder a finding's line sets: {@code MDC.put(...)}, {@code CURRENT.set(...)}. */
    private static final Pattern HOLDER = Pattern.compile("(?:^|[^\\w.])(?:[\\w.]*\\.)?(\\w+)\\s*\\.\\s*\\w+\\s*\\(");

    private UnwrappedCleanups() {
    }

    /** True when {@code f}, a CONC-04 finding on an unchanged line, is kept because the change unwrapped its finally. */
    static boolean keeps(SourceFile after, Finding f) {
        if (!"CONC-04".equals(f.item()) || after.language() != Language.JAVA || f.code() == null) {
            return false;
        }
        Matcher h = HOLDER.matcher(f.code());
        if (!h.find()) {
            return false;
        }
        String holder = h.group(1);
        boolean finallyRemoved = false;
        boolean finallyAdded = false;
        Set<String> removedCleanups = new HashSet<>();
        Set<String> addedCleanups = new HashSet<>();
        for (Hunk hunk : after.change().hunks()) {
            for (DiffLine l : hunk.lines()) {
                if (l.kind() == DiffLine.Kind.CONTEXT) {
                    continue;
                }
                boolean removed = l.kind() == DiffLine.Kind.REMOVED;
                if (FINALLY.matcher(l.text()).find()) {
                    if (removed) {
                        finallyRemoved = true;
                    } else {
                        finallyAdded = true;
                    }
                }
                Matcher c = CLEANUP.matcher(l.text());
                if (c.find() && c.group(1).equals(holder)) {
                    (removed ? removedCleanups : addedCleanups).add(l.text().strip());
                }
            }
        }
        if (!finallyRemoved || finallyAdded) {
            return false;
        }
        removedCleanups.retainAll(addedCleanups);
        return !removedCleanups.isEmpty();
    }
}
