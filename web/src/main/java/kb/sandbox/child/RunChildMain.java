package kb.sandbox.child;

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
        ChildStdio stdio = ChildStdio.install();
        FrameChannel channel = stdio.channel();
        PrintStream out = stdio.out();
        PrintStream err = stdio.err();
        try {
            var governor = new Governor(channel);
            if (args.length > 0 && args[0].equals("--train")) {
                governor.start();
                // Arms it as a run does, with limits training cannot reach, so its classes are archived too.
                governor.arm(1000, 600_000);
                train(err);
                System.exit(0);
            }
            // No warm-up before ready: running snippet-shaped code here cost ~100 ms of CPU per child
            // (the lambda forms behind records and indy concatenation are spun anew in every JVM,
            // archive or not), whether or not the user's code then needed them. Snippets are compiled
            // with inline string concatenation, so most of them never reach that machinery.
            channel.send(Wire.READY, new byte[0]);
            RunPlan plan = RunPlan.decode(stdio.readRequest());
            // The governor and the flusher start only now, before any snippet code: a child waiting in
            // the pool then blocks on its stdin instead of waking every few ms (it may wait for minutes).
            governor.start();
            CapturedStream.startFlusher(out, err);
            channel.arm(plan.outputCapBytes());
            governor.arm(plan.maxNewThreads(), plan.cpuMillis());
            stdio.finish(new PlanRunner(plan, err).run());
        } catch (Throwable t) {
            channel.halt(ChildReport.of(ChildReport.Outcome.INTERNAL, "run child failed: " + t));
        }
    }

    /** Loads what a run loads: the plan codec, the policy on real class files, a define and a trace. */
    private static void train(PrintStream err) throws IOException {
        if (TrainingSnippet.run(true).isEmpty()) {
            throw new IOException("training computed nothing");
        }
        byte[] own;
        try (InputStream in = RunChildMain.class.getResourceAsStream("PlanRunner.class")) {
            own = in == null ? new byte[0] : in.readAllBytes();
        }
        var plan = new RunPlan("int x = 1;\n", 1024, 4, 1000, List.of(new RunPlan.Step("1",
                List.of(new RunPlan.ClassFile("kb/sandbox/child/PlanRunner", own)), null, null)),
                Map.of("1", 0), Map.of(), Map.of("REPL.$JShell$1", List.of(new RunPlan.LineRef("1", 1))),
                ChildReport.of(ChildReport.Outcome.COMPLETED, ""));
        // Through a frame, as the request arrives.
        var frame = new java.io.ByteArrayOutputStream();
        Wire.write(frame, Wire.REQUEST, plan.encode());
        plan = RunPlan.decode(Wire.read(new java.io.ByteArrayInputStream(frame.toByteArray())).payload());
        // Refused (not a snippet class), after the ASM reader has parsed it.
        new PlanRunner(plan, err).run();
        // Define and invoke snippet-shaped classes the way a run does, through the snippets' loader.
        var loader = new SnippetLoader();
        var policy = new BytecodePolicy();
        for (String name : new String[] {"TrainingSnippet", "TrainingSnippet$Pair"}) {
            byte[] bytes;
            try (InputStream in = RunChildMain.class.getResourceAsStream(name + ".class")) {
                bytes = in == null ? new byte[0] : in.readAllBytes();
            }
            policy.check(bytes, new PlanRunner.KnownShapes(new java.util.HashMap<>(), new java.util.HashMap<>()));
            loader.declare("kb.sandbox.child." + name, bytes);
        }
        try {
            var run = Class.forName("kb.sandbox.child.TrainingSnippet", false, loader).getDeclaredMethod("run", boolean.class);
            run.setAccessible(true);
            run.invoke(null, true);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IOException("training define failed", e);
        }
        new StackTraces(plan, new SourceText(plan.source()))
                .print(new IllegalStateException("training"), new PrintStream(java.io.OutputStream.nullOutputStream()));
    }
}
