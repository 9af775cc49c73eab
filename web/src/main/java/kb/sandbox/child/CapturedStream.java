package kb.sandbox.child;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** An output stream of the snippet (stdout or stderr) that turns writes into frames. */
public final class CapturedStream extends OutputStream {
    private static final long FLUSH_MILLIS = 50;

    private final FrameChannel channel;
    private final byte type;

    private CapturedStream(FrameChannel channel, byte type) {
        this.channel = channel;
        this.type = type;
    }

    /**
     * A print stream for {@code System.out} or {@code System.err}. It buffers so that a loop of
     * small prints does not cost a frame each; {@link ChildMain} flushes it periodically, which
     * is what lets the reader watch output arrive while the run goes on.
     */
    public static PrintStream printStream(FrameChannel channel, byte type) {
        return new PrintStream(new BufferedOutputStream(new CapturedStream(channel, type), 8192),
                false, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        channel.output(type, b, off, len);
    }

    /** Flushes both streams every few milliseconds, so the parent sees output while the run goes on. */
    public static void startFlusher(PrintStream out, PrintStream err) {
        // kb:ignore CONC-01 -- the default handler prints to the real stderr, which the parent logs, and a dead flusher only delays output
        // A named class rather than a lambda: no lambda bootstrap on the run child's start-up path.
        Thread flusher = new Flusher(out, err);
        flusher.setDaemon(true);
        flusher.start();
    }

    // kb:ignore CONC-01 -- the default handler prints to the real stderr, which the parent logs; a dead flusher only delays output
    private static final class Flusher extends Thread {
        private final PrintStream out;
        private final PrintStream err;

        Flusher(PrintStream out, PrintStream err) {
            super("kb-flusher");
            this.out = out;
            this.err = err;
        }

        @Override
        public void run() {
            while (true) {
                try {
                    Thread.sleep(FLUSH_MILLIS);
                } catch (InterruptedException e) { // kb:ignore CONC-05 -- nothing interrupts it; re-setting the flag would make every sleep fail at once
                    // Keep flushing: the child ends by halting, never by interrupting this thread.
                }
                out.flush();
                err.flush();
            }
        }
    }
}
