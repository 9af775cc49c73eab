package kb.sandbox;

import java.util.List;
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

    /**
     * Compiles every shipped reproduction ahead of its first click (a "Run before and after" or a CI job then goes
     * straight to the run children), then runs what is not verified yet. Returns how many blocks were compiled ahead,
     * how many ran and how many of those passed.
     */
    int[] verify() throws InterruptedException {
        List<Incidents.RunnableBlock> blocks = new Incidents(jdbi).shippedRunnableBlocks();
        int compiled = sandbox.get().precompile(blocks.stream().map(Incidents.RunnableBlock::code).toList());
        int ran = 0;
        int passed = 0;
        for (Incidents.RunnableBlock block : blocks) {
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
        return new int[] {compiled, ran, passed};
    }

    void verifyInBackground() {
        Thread t = BackgroundThreads.daemon(() -> {
            try {
                int[] counts = verify();
                log.info("sandbox: compiled {} shipped reproductions ahead of their first run", counts[0]);
                if (counts[1] > 0) {
                    log.info("sandbox: verified {} shipped reproductions on this runtime, {} passed", counts[1], counts[2]);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("sandbox: verifying the shipped reproductions stopped: {}", e.toString());
            }
        }, "kb-sandbox-verify");
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }
}
