package kb.review.analysis;

/**
 * Java: which model entry a call takes when the statement stores its result or drops it. An entry that tracks the
 * call's receiver ({@code session.beginTransaction();} leaves the transaction with the session, ended by
 * {@code session.getTransaction().commit()}) is about a call whose result the code does not hold: where the result
 * is stored ({@code Transaction tx = session.beginTransaction();}) the stored value is what the code ends, and an
 * entry tracking results judges it. An entry that tracks the result has nothing to follow where the statement drops
 * it, so it gives way to a later entry instead of ending the search. Every other receiver-tracking entry names a
 * void setter (MDC, ThreadLocal, autocommit, context holders), whose result cannot be stored.
 */
final class DroppedResults {

    private DroppedResults() {
    }

    /** True when entry {@code q} does not apply to a call stored in {@code var} (null: the result is dropped). */
    static boolean givesWay(Model.Acquire q, String var) {
        return q.tracksReceiver() ? var != null : var == null && q.call() != null;
    }
}
