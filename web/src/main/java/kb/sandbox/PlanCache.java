package kb.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import kb.sandbox.child.ChildReport;
import kb.sandbox.child.RunPlan;

/**
 * Compiled plans kept in memory by source text, so that a text compiled once (a bundled block, a
 * snippet run again and again) skips the compile service afterwards. Only what was compiled is
 * kept, never what happened in a run: each run still gets a fresh child that defines and invokes
 * the plan's classes from nothing, so no state of one run reaches another.
 *
 * <p>A plan depends only on the text, the compile service's code and the JDK, which are fixed for
 * the life of a {@link Sandbox}. Compiles that ended in a limit, a crash or a time-out give no plan
 * and are never kept. Bounded by entries and by class-file bytes, least recently used dropped first.
 * Thread-safe.
 */
final class PlanCache {
    private final int maxEntries;
    private final long maxBytes;
    private final LinkedHashMap<String, RunPlan> plans = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private long hits;

    /**
     * @param maxEntries most plans kept
     * @param maxBytes   most bytes of sources and class files kept, all plans together
     */
    PlanCache(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /** The plan compiled from exactly {@code source}, or {@code null}. */
    synchronized RunPlan find(String source) {
        RunPlan plan = plans.get(source);
        if (plan != null) {
            hits++;
        }
        return plan;
    }

    /** Whether a plan is kept for exactly {@code source}; unlike {@link #find} it neither counts a hit nor refreshes it. */
    synchronized boolean contains(String source) {
        return plans.containsKey(source);
    }

    /**
     * Keeps {@code plan} when the whole text compiled (its ending is {@code COMPLETED}). A refusal may come from javac
     * failing rather than from the text, so such plans are compiled again next time. Returns whether it was kept.
     */
    boolean offer(String source, RunPlan plan) {
        if (plan.ending().outcome() != ChildReport.Outcome.COMPLETED) {
            return false;
        }
        store(source, plan);
        return contains(source);
    }

    /** Keeps {@code plan} for {@code source}; a plan larger than the whole budget is not kept. */
    synchronized void store(String source, RunPlan plan) {
        long size = size(plan);
        if (size > maxBytes) {
            return;
        }
        RunPlan old = plans.put(source, plan);
        bytes += size - (old == null ? 0 : size(old));
        var eldest = plans.entrySet().iterator();
        while ((plans.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
            Map.Entry<String, RunPlan> e = eldest.next();
            bytes -= size(e.getValue());
            eldest.remove();
        }
    }

    synchronized int size() {
        return plans.size();
    }

    /** Runs that took a kept plan instead of compiling. */
    synchronized long hits() {
        return hits;
    }

    private static long size(RunPlan plan) {
        return 2L * plan.source().length() + plan.classBytes();
    }
}
