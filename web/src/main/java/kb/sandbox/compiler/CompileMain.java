package kb.sandbox.compiler;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import kb.sandbox.child.ChildReport;
import kb.sandbox.child.RunPlan;
import kb.sandbox.child.Wire;

/**
 * The compile service: a long-lived JVM that turns texts of snippets into {@link RunPlan}s with
 * JShell, so that javac is loaded and compiled to machine code once, not once per run. It runs
 * nothing of the user's: its execution engine only records (see {@link RecordingExecutionControl}).
 *
 * <p>Protocol on stdin/stdout, in {@link Wire} frames: it sends {@link Wire#READY} once warm;
 * then each {@link Wire#REQUEST} (request id, source) is answered, in any order, by a
 * {@link Wire#REPORT} frame (the same id, then the encoded plan). Requests are compiled on a few
 * worker threads, each taking a JShell no other request is using. After answering, the worker
 * resets that JShell ({@link SnippetRunner#reset}: every snippet but the default imports dropped,
 * the recording cleared), so that nothing of one run's snippets is visible to the next; a JShell
 * that failed, cannot be reset, or has compiled {@value #TEXTS_PER_JSHELL} texts is replaced by a
 * fresh one. Building a JShell costs ten compilations of its default imports, about twice the CPU
 * of a typical text; resetting one costs a few ms.
 * The parent enforces the time and memory limits by killing this process.
 */
public final class CompileMain {
    /** javac recurses per nesting level; a roomy stack lets real code compile, and overflow is reported. */
    private static final long WORKER_STACK = 16L << 20;
    /**
     * Texts one JShell compiles before it is replaced: each keeps its dropped snippets, so its
     * memory grows a little with every text.
     */
    private static final int TEXTS_PER_JSHELL = 200;

    /**
     * Texts shaped like reproductions, compiled a few times before the service says it is ready: the first
     * compiles in a fresh JVM cost several times the later ones (measured with C1: ~600, 260, 200, 150 ms of
     * CPU for the same text, ~100 ms from the tenth on), and a CI job's first runs should not pay for that.
     */
    static final List<String> JIT_WARM_UP = List.of(
            "var kbList = new ArrayList<>(List.of(3, 1, 2));\nCollections.sort(kbList);\nSystem.out.println(kbList);\n",
            """
            import java.util.concurrent.atomic.*;
            class KbPool {
                private final Semaphore permits = new Semaphore(2);
                boolean take(long ms) throws InterruptedException { return permits.tryAcquire(ms, TimeUnit.MILLISECONDS); }
                void give() { permits.release(); }
            }
            record KbResult(String name, long millis) {}
            List<KbResult> kbHandle(KbPool pool, int n) throws Exception {
                var out = new ArrayList<KbResult>();
                for (int i = 0; i < n; i++) {
                    long t = System.nanoTime();
                    if (pool.take(1)) {
                        try { out.add(new KbResult("r" + i, (System.nanoTime() - t) / 1_000_000)); } finally { pool.give(); }
                    }
                }
                return out;
            }
            var kbCounter = new AtomicInteger();
            var kbResults = kbHandle(new KbPool(), 3);
            kbResults.stream().map(KbResult::name).sorted(Comparator.reverseOrder()).forEach(n -> kbCounter.incrementAndGet());
            System.out.printf("%d results, %s%n", kbCounter.get(), kbResults.isEmpty() ? "none" : kbResults.get(0).name());
            try { Integer.parseInt("x"); } catch (NumberFormatException e) { System.out.println("bad: " + e.getMessage()); }
            """);
    private static final int JIT_WARM_UP_ROUNDS = 4;

    private CompileMain() {
    }

    public static void main(String[] args) throws IOException {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        // kb:ignore RES-01 -- the process's own stdout, the frame stream, lives as long as the service
        OutputStream frames = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        System.setIn(InputStream.nullInputStream());
        var spares = new LinkedBlockingQueue<SnippetRunner>();
        SnippetRunner warm = SnippetRunner.recording();
        warm.warmUp();
        for (int round = 0; round < JIT_WARM_UP_ROUNDS; round++) {
            for (String text : JIT_WARM_UP) {
                warm.compile(text);
                if (!warm.reset()) {
                    warm.close();
                    warm = SnippetRunner.recording();
                }
            }
        }
        recycle(warm, spares);
        // The parent admits at most `workers` requests at once (CompileService.inService), and start-up queues
        // workers - 1 warm-ups: twice the workers is room for both. Past it the executor refuses, the read loop dies
        // and the parent restarts this process, which is better than a queue that grows without a limit.
        ExecutorService pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(2 * workers), r -> {
                    // kb:ignore CONC-01 -- the default handler prints to this process's stderr, which the parent logs; the pool replaces a worker that dies
                    Thread t = new Thread(null, r, "kb-compile", WORKER_STACK);
                    t.setDaemon(true);
                    return t;
                });
        for (int i = 1; i < workers; i++) {
            pool.execute(() -> spares.add(SnippetRunner.recording()));
        }
        send(frames, Wire.READY, new byte[0]);
        // kb:ignore RES-01 -- the process's own stdin, read until the parent closes it
        InputStream in = new FileInputStream(FileDescriptor.in);
        Wire.Frame frame;
        while ((frame = Wire.read(in)) != null) {
            if (frame.type() != Wire.REQUEST) {
                throw new IOException("unexpected frame type " + frame.type());
            }
            var request = new Wire.Reader(frame.payload());
            int id = request.integer();
            String source = request.string();
            pool.execute(() -> {
                SnippetRunner runner;
                try {
                    runner = spares.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    send(frames, Wire.REPORT, new Wire.Writer().integer(id)
                            .blob(refusal(source, "the compile service is stopping")).bytes());
                    return;
                }
                byte[] answer = compile(runner, source);
                send(frames, Wire.REPORT, new Wire.Writer().integer(id).blob(answer).bytes());
                // Off the run's path: the answer is on its way.
                recycle(runner, spares);
            });
        }
        Runtime.getRuntime().halt(0);
    }

    private static byte[] compile(SnippetRunner runner, String source) {
        try {
            byte[] plan = runner.compile(source).encode();
            // The answer travels in one frame, with the request id and the length in front.
            return plan.length <= Wire.MAX_PAYLOAD - 64 ? plan
                    : refusal(source, "the compiled code is larger than a run may receive ("
                    + Wire.MAX_PAYLOAD / 1024 + " KiB)");
        } catch (StackOverflowError e) {
            runner.close();
            return refusal(source, "the Java compiler ran out of stack: the code is nested or chained too deeply");
        } catch (RuntimeException | LinkageError e) {
            runner.close();
            return refusal(source, "the Java compiler failed on this code (" + e + ")");
        }
    }

    /**
     * Puts the runner back for the next request once it has forgotten this one's snippets, or
     * replaces it with a fresh one when it failed, cannot be reset, or has served its share.
     */
    private static void recycle(SnippetRunner runner, LinkedBlockingQueue<SnippetRunner> spares) {
        boolean reused = false;
        try {
            reused = runner.texts() < TEXTS_PER_JSHELL && runner.reset();
        } finally {
            if (!reused) {
                runner.close();
                spares.add(SnippetRunner.recording());
            } else {
                spares.add(runner);
            }
        }
    }

    private static byte[] refusal(String source, String message) {
        return new RunPlan(source, 0, 0, 0, List.of(), Map.of(), Map.of(), Map.of(),
                new ChildReport(ChildReport.Outcome.COMPILE_ERROR, message, List.of(new ChildReport.Problem(1, 1, message))))
                .encode();
    }

    private static void send(OutputStream out, byte type, byte[] payload) {
        synchronized (out) {
            try {
                Wire.write(out, type, payload);
            } catch (IOException e) {
                // The parent is gone: nothing left to serve.
                Runtime.getRuntime().halt(2);
            }
        }
    }
}
