package kb.review.engine.metamorphic;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.engine.metamorphic.Patch.FilePatch;
import kb.review.engine.metamorphic.Patch.Row;

/**
 * The names real code gives an error, a context or a transaction instead of the conventional {@code err},
 * {@code ctx} and {@code tx} (and a caught {@code e} or {@code ex} in Java), and a context that the function derives
 * from its parameter instead of using the parameter itself. String literals and comments keep their words: a log
 * message that still says "ctx" is no use of the context.
 */
final class RoleNames {
    /** One naming habit: the conventional name to the habit's name, per language. */
    record Habit(Map<String, String> go, Map<String, String> java) {
        String of(String name, boolean isGo) {
            return (isGo ? go : java).get(name);
        }
    }

    static final Habit SHORT = new Habit(Map.of("err", "e", "ctx", "c", "tx", "t"),
            Map.of("e", "x", "ex", "x", "ctx", "c", "tx", "t"));
    static final Habit LONG = new Habit(Map.of("err", "cause", "ctx", "reqCtx", "tx", "txn"),
            Map.of("e", "cause", "ex", "cause", "ctx", "reqCtx", "tx", "txn"));
    static final Habit ROLE = new Habit(Map.of("err", "failure", "ctx", "parent", "tx", "session"),
            Map.of("e", "failure", "ex", "failure", "ctx", "parent", "tx", "session"));

    private static final Pattern CTX_PARAM = Pattern.compile("(?<![\\w.])ctx(\\s+context\\.Context\\b)");
    private static final Pattern CTX = Pattern.compile("(?<![\\w.])ctx\\b");
    private static final Pattern WORD = Pattern.compile("\\b(?:parent|reqCtx|traceKey)\\b");

    private RoleNames() {
    }

    static boolean rename(Patch patch, Habit habit) {
        return Renames.rename(patch, habit::of, true);
    }

    /**
     * A Go function that takes {@code ctx context.Context} and uses it takes {@code parent} instead and works with
     * {@code reqCtx := context.WithValue(parent, ...)}: a context known by the call that made it, not by its name.
     * A value-only context keeps the parent's deadline and cancellation, so every defect stays as it was.
     */
    static boolean derivedContext(Patch patch, List<Transform.Target> targets) {
        boolean changed = false;
        for (FilePatch f : patch.files) {
            if (!f.isGo() || f.rows().stream().anyMatch(r -> WORD.matcher(r.text).find())) {
                continue;
            }
            List<Code.Body> bodies = Code.functions(f);
            for (int b = bodies.size() - 1; b >= 0; b--) {
                Code.Body body = bodies.get(b);
                Row sig = body.signature();
                Matcher param = CTX_PARAM.matcher(sig.text);
                List<Row> rows = body.rows();
                boolean used = rows.subList(1, rows.size()).stream()
                        .anyMatch(r -> r.newSide() && CTX.matcher(Code.strip(r.text)).find());
                if (!param.find() || !used || CTX_PARAM.matcher(sig.text.substring(param.end())).find()) {
                    continue;
                }
                sig.text = sig.text.substring(0, param.start()) + "parent" + param.group(1)
                        + sig.text.substring(param.end());
                for (Row r : rows.subList(1, rows.size())) {
                    r.text = Code.replaceInCode(r.text, CTX, "reqCtx");
                }
                String next = rows.stream().skip(1).filter(r -> r.newSide() && !r.text.isBlank())
                        .map(r -> r.text).findFirst().orElse("\t");
                String indent = next.substring(0, next.length() - next.stripLeading().length());
                body.hunk().rows.add(body.start() + 1,
                        sig.made(sig.kind, indent
                                + "reqCtx := context.WithValue(parent, traceKey{}, \"review\")"));
                changed = true;
            }
        }
        return changed;
    }
}
