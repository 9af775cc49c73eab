package kb.review.analysis;

import kb.review.analysis.Cfg.Edge;
import kb.review.analysis.Cfg.Node;
import kb.review.analysis.Lifecycle.Acquisition;
import kb.review.analysis.Lifecycle.Effect;

/**
 * The language-specific questions the typestate pass ({@link Lifecycle}) asks about a node: what a statement does to
 * the tracked value, which branch cannot hold it, and what the review cannot see of the function. One implementation
 * per language ({@link GoLifecycle}, {@link JavaLifecycle}).
 */
public interface LifecycleFacts {
    Effect effect(Node n, Acquisition a);

    /** True when the node assigns the acquisition's error variable (its guard no longer applies). */
    boolean assignsError(Node n, Acquisition a);

    /** The branch edge on which the value cannot be held (err != nil, v == null), or null. */
    Edge deadEdge(Node branch, Acquisition a, boolean errorLive);

    /** The function the node hands {@code a} to when its effect is {@link Effect#UNSEEN}, else null. */
    default String unseen(Node n, Acquisition a) {
        return null;
    }

    /**
     * True when the exception edges out of {@code n} are not followed for {@code a}: a cleanup step of another
     * value (a sibling closed in the same finally, another key removed) or more per-thread state set beside it,
     * which code of every style treats as not failing.
     */
    default boolean quiet(Node n, Acquisition a) {
        return false;
    }

    /**
     * True when the function hands {@code a} over by finishing normally (a constructor storing it in a field of
     * the object it builds): only an exception out of the function leaks it.
     */
    default boolean keptOnNormalExit(Acquisition a) {
        return false;
    }

    /**
     * The local variable a statement hands {@code a} over to when that variable is a new value built around it in
     * this function ({@code tc := tls.Client(raw, cfg)}, {@code p := &Port{f: f}}): the value has not left the
     * function yet, so the duty moves to the wrapper (and stays with the original name) instead of ending as an
     * escape. Null when the statement hands the value on for good, or the language has no such statement.
     */
    default String movedTo(Node n, Acquisition a) {
        return null;
    }

    /**
     * True when a deferred call registered before {@code a} was acquired still ends it at every exit: Go's
     * deferred closure reads the variable when it runs ({@code defer func() { t.Stop() }()} stops whichever ticker
     * {@code t} holds then), while {@code defer t.Stop()} was bound to the value {@code t} held at the defer.
     */
    default boolean releasedAtExit(Cfg cfg, Acquisition a) {
        return false;
    }

    /** True when reaching {@code a}'s acquisition again refills a slot: no leak ({@link CancelSlots}). */
    default boolean refilledSlot(Acquisition a) {
        return false;
    }

    /**
     * True when the function's end is not shown (a pasted hunk stops inside it and its closing brace is put back
     * by the parser) and what it does next may hand the value on: a path that falls off that end has only reached
     * where the diff stops (the struct returned around the value is out of sight). Returns, throws and exceptions
     * before the cut still count.
     */
    default boolean endUnseen(Cfg cfg) {
        return false;
    }

    /**
     * {@link #endUnseen(Cfg)} for one value: false for a value the change itself brought in, which code below
     * the hunk, left alone by the change, cannot hand on or release.
     */
    default boolean endUnseen(Cfg cfg, Acquisition a) {
        return endUnseen(cfg);
    }

    /**
     * True when paths of {@code a} that fall off the end of a function cut by the hunk are not followed, whatever
     * {@code a}'s kind: a transaction the change did not begin anew ({@link CutTransactions}).
     */
    default boolean endedBelowCut(Cfg cfg, Acquisition a) {
        return false;
    }

    /** What {@code n} does to {@code a} as held by the wrapper {@code holder} that {@link #movedTo} named. */
    default Effect heldEffect(Node n, Acquisition a, String holder) {
        return effect(n, new Acquisition(a.at(), holder, null, a.model(), a.sure()));
    }
}
