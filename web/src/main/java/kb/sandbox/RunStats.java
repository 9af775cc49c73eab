package kb.sandbox;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/** Counts of finished runs and a window of recent run times. Thread-safe. */
final class RunStats {
    private static final int WINDOW = 1000;

    private final long[] recent = new long[WINDOW];
    private final EnumMap<RunStatus, Long> byStatus = new EnumMap<>(RunStatus.class);
    private long runs;
    private long rejectedBusy;

    synchronized void record(RunResult result) {
        recent[(int) (runs % WINDOW)] = result.durationMillis();
        runs++;
        byStatus.merge(result.status(), 1L, Long::sum);
    }

    synchronized void rejectedBusy() {
        rejectedBusy++;
    }

    synchronized long runs() {
        return runs;
    }

    synchronized long rejected() {
        return rejectedBusy;
    }

    synchronized Map<RunStatus, Long> byStatus() {
        return Map.copyOf(byStatus);
    }

    synchronized long meanMillis() {
        long[] window = window();
        return window.length == 0 ? 0 : Math.round(Arrays.stream(window).average().orElse(0));
    }

    synchronized long p95Millis() {
        long[] window = window();
        if (window.length == 0) {
            return 0;
        }
        Arrays.sort(window);
        return window[(int) Math.ceil(window.length * 0.95) - 1];
    }

    private long[] window() {
        return Arrays.copyOf(recent, (int) Math.min(runs, WINDOW));
    }
}
