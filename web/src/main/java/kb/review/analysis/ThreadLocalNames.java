package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names used as thread-locals by their calls alone. With git's three lines of context the declaration of a
 * {@code private static final ThreadLocal<T> CONTEXT} is rarely in view, and many such fields are not named after
 * their type ({@code CONTEXT}, {@code localTxContext}). A name that is both set with one value and removed with no
 * argument ({@code X.set(v)} and {@code X.remove()}) in the code the change shows, on either side of it, has the
 * call shape only a {@code ThreadLocal} has among the JDK's types (a list sets at an index, a queue's {@code remove()}
 * has no {@code set}, an atomic reference no {@code remove}). The thread-local models then take that name as they take
 * one that says {@code holder} or {@code current}: by name, at low confidence, and only while no declared type says
 * otherwise.
 */
public final class ThreadLocalNames {

    private static final Pattern SET = Pattern.compile("(?<![\\w$])([A-Za-z_$][\\w$]*)\\s*\\.\\s*set\\s*\\(\\s*[^)\\s]");
    private static final Pattern REMOVE = Pattern.compile("(?<![\\w$])([A-Za-z_$][\\w$]*)\\s*\\.\\s*remove\\s*\\(\\s*\\)");

    private ThreadLocalNames() {
    }

    /**
     * The models with each thread-local model's receiver names widened by the names {@code texts} use as
     * thread-locals; the other models, and every model when there is no such name, unchanged.
     *
     * @param texts the code of the change: the new side and, when the change deletes lines, the old side (a deleted
     *              {@code finally { X.remove(); }} is evidence as good as a kept one); null entries are skipped
     */
    public static List<Model> widen(List<Model> models, String... texts) {
        if (models.stream().noneMatch(m -> m.kind().equals("thread-local"))) {
            return models;
        }
        Set<String> names = names(texts);
        if (names.isEmpty()) {
            return models;
        }
        String extra = "^(?:" + String.join("|", names.stream().map(Pattern::quote).toList()) + ")$";
        List<Model> out = new ArrayList<>();
        for (Model m : models) {
            if (!m.kind().equals("thread-local")) {
                out.add(m);
                continue;
            }
            List<Model.Acquire> acquires = new ArrayList<>();
            for (Model.Acquire q : m.acquires()) {
                acquires.add(!q.tracksReceiver() || q.receiver() == null ? q : new Model.Acquire(q.call(),
                        q.newType(), Pattern.compile(q.receiver().pattern() + "|" + extra, q.receiver().flags()),
                        q.receiverType(), q.args(), q.result(), q.track(), q.sure(), q.expressionOnly(), q.argType(),
                        q.returns(), q.localType(), q.cast(), q.inMethod()));
            }
            out.add(new Model(m.id(), m.language(), m.kind(), m.shows(), m.verb(), acquires, m.releases(),
                    m.borrows(), m.escapes(), m.source(), m.normalPathsOnly(), m.heldFrom(), m.closedWithOwner()));
        }
        return out;
    }

    /** The names both set with a value and removed without an argument somewhere in {@code texts}. */
    public static Set<String> names(String... texts) {
        Set<String> set = new TreeSet<>();
        Set<String> removed = new TreeSet<>();
        // removes first: a name must be removed to count, and most code removes nothing, so the scan for sets (the
        // slower one: setters are everywhere) is skipped; each pattern only matches a text that holds its word
        for (String t : texts) {
            if (t != null && t.contains("remove")) {
                collect(REMOVE.matcher(t), removed);
            }
        }
        if (removed.isEmpty()) {
            return removed;
        }
        for (String t : texts) {
            if (t != null && t.contains("set")) {
                collect(SET.matcher(t), set);
            }
        }
        set.retainAll(removed);
        return set;
    }

    private static void collect(Matcher m, Set<String> into) {
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
