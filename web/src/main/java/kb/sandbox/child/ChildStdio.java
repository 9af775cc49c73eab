package kb.sandbox.child;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * A sandbox child's standard streams once it has taken them over: the real stdout carries only
 * frames, the real stdin only the parent's request, and {@code System.out}/{@code System.err}
 * are captured streams that reach the parent as output frames. Both child kinds (the minimal run
 * child and the JShell child of the first engine) start the same way, so they share this.
 */
public record ChildStdio(FrameChannel channel, InputStream requests, PrintStream out, PrintStream err) {

    /** Takes over the process's streams; snippets never see the real ones afterwards. */
    public static ChildStdio install() {
        // kb:ignore RES-01 -- the process's own stdout lives as long as the child, which ends by halting
        var channel = new FrameChannel(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 16384));
        // kb:ignore RES-01 -- the process's own stdin, read until the child halts
        InputStream requests = new FileInputStream(FileDescriptor.in);
        PrintStream out = CapturedStream.printStream(channel, Wire.STDOUT);
        PrintStream err = CapturedStream.printStream(channel, Wire.STDERR);
        System.setOut(out);
        System.setErr(err);
        System.setIn(InputStream.nullInputStream());
        return new ChildStdio(channel, requests, out, err);
    }

    /** The parent's one request frame; anything else means the parent is confused or gone. */
    public byte[] readRequest() throws IOException {
        Wire.Frame frame = Wire.read(requests);
        if (frame == null || frame.type() != Wire.REQUEST) {
            throw new IOException("expected a request frame");
        }
        return frame.payload();
    }

    /** Flushes what snippets printed, sends the report and stops the JVM. */
    public void finish(ChildReport report) {
        out.flush();
        err.flush();
        channel.halt(report);
    }
}
