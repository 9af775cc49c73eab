package kb.sandbox;

import java.util.Map;

/**
 * A snapshot of the sandbox for {@code /health}.
 *
 * @param tier            the isolation tier in use
 * @param tierDetail      what the tier consists of, or why the strong one is not available
 * @param poolReady       warm children waiting now
 * @param running         runs executing now
 * @param queued          runs waiting for a slot now
 * @param runs            runs finished since start
 * @param byStatus        finished runs per status
 * @param rejectedBusy    runs refused because the queue was full
 * @param childrenStarted children started since start (including pool refills)
 * @param childFailures   children that failed to start
 * @param meanMillis      mean run time over the recent runs, 0 when none
 * @param p95Millis       95th percentile run time over the recent runs, 0 when none
 * @param sharedArchive   children start from a class-data-sharing archive (it is built in the
 *                        background after start-up)
 */
public record SandboxMetrics(SandboxTier tier, String tierDetail, int poolReady, int running, int queued,
                             long runs, Map<RunStatus, Long> byStatus, long rejectedBusy, long childrenStarted,
                             long childFailures, long meanMillis, long p95Millis,
                             boolean sharedArchive) {

    public long timeouts() {
        return byStatus.getOrDefault(RunStatus.TIMEOUT, 0L);
    }

    public long denials() {
        return byStatus.getOrDefault(RunStatus.DENIED, 0L);
    }
}
