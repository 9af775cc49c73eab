package kb.sandbox.child;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The child's side of the frame stream on the real stdout. Every frame goes through one lock so
 * that snippet threads printing concurrently never interleave bytes of two frames.
 *
 * <p>Output is dropped until {@link #arm} (warm-up noise must not reach the user) and counted
 * after it: the byte that would pass the cap is never sent, and the child halts instead.
 */
public final class FrameChannel {
    private final OutputStream out;
    private boolean armed;
    private long outputLeft;

    public FrameChannel(OutputStream out) {
        this.out = out;
    }

    public synchronized void arm(int outputCapBytes) {
        armed = true;
        outputLeft = outputCapBytes;
    }

    public synchronized void send(byte type, byte[] payload) {
        try {
            Wire.write(out, type, payload);
        } catch (IOException e) {
            // The parent is gone or stopped listening: nothing useful can happen any more.
            Runtime.getRuntime().halt(2);
        }
    }

    /** Sends snippet output, or halts the child once the cap is reached. */
    synchronized void output(byte type, byte[] b, int off, int len) {
        if (!armed || len == 0) {
            return;
        }
        int allowed = (int) Math.min(len, outputLeft);
        if (allowed > 0) {
            send(type, Arrays.copyOfRange(b, off, off + allowed));
            outputLeft -= allowed;
        }
        if (allowed < len) {
            halt(ChildReport.of(ChildReport.Outcome.OUTPUT_LIMIT, "output limit reached"));
        }
    }

    /**
     * Sends the final report and stops the JVM at once, whatever other threads are doing. The report
     * ends with the child's CPU time in ms (8 bytes, -1 when unknown), which the parent counts: under
     * bubblewrap the child JVM is not its own child, so its CPU time is not otherwise known.
     */
    public synchronized void halt(ChildReport report) {
        byte[] encoded = report.encode();
        byte[] payload = Arrays.copyOf(encoded, encoded.length + Long.BYTES);
        long cpu = Governor.processCpuMillis();
        for (int i = 0; i < Long.BYTES; i++) {
            payload[encoded.length + i] = (byte) (cpu >>> (56 - 8 * i));
        }
        send(Wire.REPORT, payload);
        Runtime.getRuntime().halt(0);
    }
}
