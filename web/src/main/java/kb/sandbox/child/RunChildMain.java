package kb.sandbox.child;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The minimal run child: a JVM that receives one {@link RunPlan} (class files, never source),
 * defines and invokes its snippets, streams their output as frames and halts. There is no
 * compiler and no JShell tool code in it, so it is ready in a fraction of the time a JShell is.
 *
 * <p>With {@code --train} it exercises its own code paths on a built-in plan and exits normally,
 * which lets the JVM write a class-data-sharing archive of exactly what a run loads.
 */
public final class RunChildMain {
    private RunChildMain() {
    }

    public static void main(String[] args) {
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
            if (args.length > 0 && args[0].equals("--train")) {
                train(err);
                System.exit(0);
            }
            CapturedStream.startFlusher(out, err);
            channel.send(Wire.READY, new byte[0]);
            Wire.Frame frame = Wire.read(requests);
            if (frame == null || frame.type() != Wire.REQUEST) {
                throw new IOException("expected a plan frame");
            }
            RunPlan plan = RunPlan.decode(frame.payload());
            channel.arm(plan.outputCapBytes());
            governor.arm(plan.maxNewThreads(), plan.cpuMillis());
            ChildReport report = new PlanRunner(plan, err).run();
            out.flush();
            err.flush();
            channel.halt(report);
        } catch (Throwable t) {
            channel.halt(ChildReport.of(ChildReport.Outcome.INTERNAL, "run child failed: " + t));
        }
    }

    /** Loads what a run loads: the plan codec, the policy on real class files, a define and a trace. */
    private static void train(PrintStream err) throws IOException {
        byte[] own;
        try (InputStream in = RunChildMain.class.getResourceAsStream("PlanRunner.class")) {
            own = in == null ? new byte[0] : in.readAllBytes();
        }
        var plan = new RunPlan("int x = 1;\n", 1024, 4, 1000, List.of(new RunPlan.Step("1",
                List.of(new RunPlan.ClassFile("kb/sandbox/child/PlanRunner", own)), null, null)),
                Map.of("1", 0), Map.of(), Map.of("REPL.$JShell$1", List.of(new RunPlan.LineRef("1", 1))),
                ChildReport.of(ChildReport.Outcome.COMPLETED, ""));
        plan = RunPlan.decode(plan.encode());
        // Refused (not a snippet class), after the ASM reader has parsed it.
        new PlanRunner(plan, err).run();
        new BytecodePolicy().check(own, name -> null);
        var loader = new SnippetLoader();
        loader.declare("kb.sandbox.child.PlanRunner", own);
        try {
            Class.forName("kb.sandbox.child.PlanRunner", false, loader).getDeclaredMethods();
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IOException("training define failed", e);
        }
        new StackTraces(plan, new SourceText(plan.source()))
                .print(new IllegalStateException("training"), new PrintStream(java.io.OutputStream.nullOutputStream()));
    }
}
