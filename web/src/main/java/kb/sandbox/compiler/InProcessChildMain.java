package kb.sandbox.compiler;

import java.io.PrintStream;
import kb.sandbox.child.CapturedStream;
import kb.sandbox.child.ChildReport;
import kb.sandbox.child.ChildRequest;
import kb.sandbox.child.ChildStdio;
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
    private InProcessChildMain() {
    }

    public static void main(String[] args) {
        // The frame stream is the real stdout; snippets only ever see the captured streams.
        ChildStdio stdio = ChildStdio.install();
        FrameChannel channel = stdio.channel();
        PrintStream out = stdio.out();
        PrintStream err = stdio.err();
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

            ChildRequest request = ChildRequest.decode(stdio.readRequest());
            out.flush();
            err.flush();
            channel.arm(request.outputCapBytes());
            governor.arm(request.maxNewThreads(), request.cpuMillis());
            stdio.finish(runner.run(request.source()));
        } catch (Throwable t) {
            channel.halt(ChildReport.of(ChildReport.Outcome.INTERNAL, "runner failed: " + t));
        }
    }
}
