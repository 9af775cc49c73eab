package kb.sandbox;

import kb.incidents.Incidents;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs, once per runner and JDK, every shipped reproduction that has no cached result yet, so that
 * verified badges reflect this runtime without waiting for readers to press Run. One run at a time,
 * leaving the other slots to readers.
 */
final class BundledVerifier {
    private static final Logger log = LoggerFactory.getLogger(BundledVerifier.class);

    private final SandboxService sandbox;
    private final Jdbi jdbi;
    private final ResultCache cache;

    BundledVerifier(SandboxService sandbox, Jdbi jdbi) {
        this.sandbox = sandbox;
        this.jdbi = jdbi;
        this.cache = new ResultCache(jdbi);
    }

    /** Runs what is not verified yet; returns how many blocks ran and how many of them passed. */
    int[] verify() {
        int ran = 0;
        int passed = 0;
        for (Incidents.RunnableBlock block : new Incidents(jdbi).shippedRunnableBlocks()) {
            Sandbox s = sandbox.get();
            String key = ResultCache.key(block.code(), block.expectedOutput(), s.runnerVersion());
            if (cache.find(key).isPresent()) {
                continue;
            }
            RunResult r = s.run(RunRequest.bundled(block.code(), block.expectedOutput()));
            cache.store(key, block.id(), block.incidentId(), r);
            ran++;
            if (r.passed()) {
                passed++;
            } else {
                log.warn("sandbox: the reproduction at {} line {} no longer passes: {} {}", block.incidentId(),
                        block.line(), r.status().label(), r.message());
            }
        }
        return new int[] {ran, passed};
    }

    void verifyInBackground() {
        Thread t = BackgroundThreads.daemon(() -> {
            try {
                int[] counts = verify();
                if (counts[0] > 0) {
                    log.info("sandbox: verified {} shipped reproductions on this runtime, {} passed", counts[0], counts[1]);
                }
            } catch (RuntimeException e) {
                log.warn("sandbox: verifying the shipped reproductions stopped: {}", e.toString());
            }
        }, "kb-sandbox-verify");
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }
}
