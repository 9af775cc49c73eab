package kb.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The first bytes a helper process (run child or compile service) writes to stderr, kept so a
 * failure can say what the JVM said. The stream is drained to its end on a daemon thread, so the
 * process never blocks on a full pipe, but only the head is kept: a child printing without end
 * costs no memory here.
 */
final class StderrHead {
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final int limit;

    private StderrHead(int limit) {
        this.limit = limit;
    }

    /** Starts draining {@code process}'s stderr on a thread named {@code threadName}. */
    static StderrHead drain(Process process, int limit, String threadName) {
        var tail = new StderrHead(limit);
        BackgroundThreads.daemon(() -> tail.readAll(process.getErrorStream()), threadName).start();
        return tail;
    }

    private void readAll(InputStream stream) {
        byte[] buffer = new byte[4096];
        try (InputStream err = stream) {
            int n;
            while ((n = err.read(buffer)) > 0) {
                synchronized (head) {
                    if (head.size() < limit) {
                        head.write(buffer, 0, Math.min(n, limit - head.size()));
                    }
                }
            }
        } catch (IOException e) {
            // The process is gone; what was read is kept.
        }
    }

    /** What was kept so far, stripped; empty when the process said nothing. */
    String text() {
        synchronized (head) {
            return head.toString(StandardCharsets.UTF_8).strip();
        }
    }
}
