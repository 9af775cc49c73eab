package kb.sandbox.compiler;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import kb.sandbox.child.CapturedStream;
import kb.sandbox.child.ChildReport;
import kb.sandbox.child.ChildRequest;
import kb.sandbox.child.FrameChannel;
import kb.sandbox.child.Governor;
import kb.sandbox.child.Wire;

/**
 * The sandbox child of the first engine ({@code KB_SANDBOX_ENGINE=jshell}): a JVM that runs one request and is then destroyed. It builds and warms
 * JShell, says {@link Wire#READY}, reads one {@link Wire#REQUEST} on stdin, streams the snippets'
 * output as frames on stdout, sends a {@link Wire#REPORT} and halts.
 *
 * <p>With the argument {@code --train} it only warms up and exits normally, which is what lets
 * the JVM write a class-data-sharing archive of everything the warm-up loaded.
 */
public final class InProcessChildMain {
    private static final long FLUSH_MILLIS = 50;

    private InProcessChildMain() {
    }

    public static void main(String[] args) {
        // The frame stream is the real stdout; snippets only ever see the captured streams.
        // kb:ignore RES-01 -- the process's own stdout lives as long as the child, which ends by halting
        var channel = new FrameChannel(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 16384));
        // kb:ignore RES-01 -- the process's own stdin, read until the child halts
        InputStream requests = new FileInputStream(FileDescriptor.in);
        PrintStream out = CapturedStream.printStream(channel, Wire.STDOUT);
        PrintStream err = CapturedStream.printStream(channel, Wire.STDERR);
        System.setOut(out);
        System.setErr(err);
        System.setIn(InputStream.nullInputStream());
        try {
            var governor = new Governor(channel);
            governor.start();
            SnippetRunner runner = SnippetRunner.create(out, err);
            runner.warmUp();
            if (args.length > 0 && args[0].equals("--train")) {
                System.exit(0);
            }
            CapturedStream.startFlusher(out, err);
            channel.send(Wire.READY, new byte[0]);

            ChildRequest request = readRequest(requests);
            out.flush();
            err.flush();
            channel.arm(request.outputCapBytes());
            governor.arm(request.maxNewThreads(), request.cpuMillis());
            ChildReport report = runner.run(request.source());
            out.flush();
            err.flush();
            channel.halt(report);
        } catch (Throwable t) {
            channel.halt(ChildReport.of(ChildReport.Outcome.INTERNAL, "runner failed: " + t));
        }
    }

    private static ChildRequest readRequest(InputStream in) throws IOException {
        Wire.Frame frame = Wire.read(in);
        if (frame == null || frame.type() != Wire.REQUEST) {
            throw new IOException("expected a request frame");
        }
        return ChildRequest.decode(frame.payload());
    }
}
