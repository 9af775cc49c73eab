package kb.sandbox.child;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** An output stream of the snippet (stdout or stderr) that turns writes into frames. */
final class CapturedStream extends OutputStream {
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
    static PrintStream printStream(FrameChannel channel, byte type) {
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
}
