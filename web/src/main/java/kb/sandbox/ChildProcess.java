package kb.sandbox;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kb.sandbox.child.ChildReport;
import kb.sandbox.child.ChildRequest;
import kb.sandbox.child.Wire;

/**
 * One child JVM, from start to kill. It is used for exactly one run: snippets may leave threads
 * behind, so nothing of a child is ever trusted twice.
 */
final class ChildProcess implements WarmPool.Child {
    private static final int STDERR_TAIL = 8192;

    private final Process process;
    private final InputStream frames;
    private final StderrHead jvmMessages;
    private final AtomicBoolean killed = new AtomicBoolean();
    private volatile Runnable releaseLimits = () -> { };

    private ChildProcess(Process process) {
        this.process = process;
        this.frames = new BufferedInputStream(process.getInputStream(), 16384);
        this.jvmMessages = StderrHead.drain(process, STDERR_TAIL, "kb-sandbox-stderr-" + process.pid());
    }

    /**
     * Starts a child with an empty environment and waits for it to report that it is warm.
     *
     * @throws IOException when it cannot start, dies, or is not ready in time; it is killed then
     */
    static ChildProcess start(List<String> command, Path workDir, Duration readyWithin,
                              ScheduledExecutorService timer) throws IOException {
        var pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().clear();
        var child = new ChildProcess(pb.start());
        var late = timer.schedule(child::kill, readyWithin.toMillis(), TimeUnit.MILLISECONDS);
        try {
            Wire.Frame frame = Wire.read(child.frames);
            if (frame == null || frame.type() != Wire.READY) {
                String said = child.describeFailure();
                int exit = child.awaitExit(Duration.ofMillis(200));
                throw new IOException("child did not report ready (" + (exit < 0 ? "still running" : "exit code " + exit)
                        + (said.isEmpty() ? "" : ": " + said) + ")");
            }
            return child;
        } catch (IOException e) {
            child.kill();
            throw e;
        } finally {
            late.cancel(false);
        }
    }

    /** Puts the child and its processes under per-child cgroup limits, released when it is killed. */
    void confine(Cgroups cgroups, long maxTasks, long memoryBytes) {
        var pids = new java.util.ArrayList<Long>();
        pids.add(process.pid());
        ProcessTree.descendants(process.toHandle()).forEach(h -> pids.add(h.pid()));
        List<Path> groups = cgroups.attach(process.pid(), pids, maxTasks, memoryBytes);
        releaseLimits = () -> cgroups.remove(groups);
    }

    @Override
    public boolean alive() {
        return process.isAlive() && !killed.get();
    }

    /** What the child sent back, before it is classified into a {@link RunResult}. */
    record Exchange(ChildReport report, byte[] stdout, byte[] stderr, boolean timedOut, boolean overCap,
                    int exitCode, String jvmMessages, long durationMillis, long childCpuMillis) {
    }

    /**
     * Hands over the request and collects frames until the report, the deadline, or the output
     * cap (checked here as well, in case the child's own check is bypassed). Always kills the child.
     */
    Exchange run(ChildRequest request, Duration timeout, ScheduledExecutorService timer) {
        return run(request.encode(), request.outputCapBytes(), timeout, timer, OutputListener.NONE);
    }

    /** Receives the run's output as it arrives, on the thread that runs the exchange. */
    interface OutputListener {
        OutputListener NONE = (stderr, bytes) -> { };

        /** A chunk of stdout ({@code stderr} false) or stderr; never called after the cap is passed. */
        void output(boolean stderr, byte[] bytes);
    }

    /**
     * Hands over an encoded request (a {@link ChildRequest} or a plan) and collects frames until the
     * report, the deadline, or the output cap. Always kills the child.
     */
    Exchange run(byte[] request, int outputCapBytes, Duration timeout, ScheduledExecutorService timer,
                 OutputListener listener) {
        long start = System.nanoTime();
        var timedOut = new AtomicBoolean();
        var deadline = timer.schedule(() -> {
            timedOut.set(true);
            kill();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        ChildReport report = null;
        long childCpu = -1;
        boolean overCap = false;
        try (OutputStream in = process.getOutputStream()) {
            Wire.write(in, Wire.REQUEST, request);
        } catch (IOException e) {
            // The child died before taking the request: the exit code tells why below.
        }
        try {
            Wire.Frame frame;
            while (report == null && (frame = Wire.read(frames)) != null) {
                switch (frame.type()) {
                    case Wire.STDOUT -> stdout.writeBytes(frame.payload());
                    case Wire.STDERR -> stderr.writeBytes(frame.payload());
                    case Wire.REPORT -> {
                        report = ChildReport.decode(frame.payload());
                        childCpu = trailingLong(frame.payload());
                    }
                    default -> throw new IOException("unexpected frame type " + frame.type());
                }
                if (stdout.size() + stderr.size() > outputCapBytes) {
                    overCap = true;
                    break;
                }
                if (frame.type() == Wire.STDOUT || frame.type() == Wire.STDERR) {
                    try {
                        listener.output(frame.type() == Wire.STDERR, frame.payload());
                    } catch (RuntimeException e) {
                        // A listener that failed (a closed stream to a browser) does not end the run.
                    }
                }
            }
        } catch (IOException e) {
            // A killed child or a garbled stream: classified from what is known so far.
        } finally {
            deadline.cancel(false);
        }
        long duration = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (overCap || timedOut.get()) {
            kill();
        }
        // A child that died exits by itself: its exit code says how. One that reported halts with 0
        // right after sending the report (FrameChannel.halt), so its code is known without waiting
        // the 20-70 ms bubblewrap takes to wind down. Whatever is left of it is killed off the
        // caller's path, since listing descendants takes a while.
        int exit = report != null && !process.isAlive() ? process.exitValue()
                : report != null ? 0 : awaitExit(Duration.ofMillis(500));
        timer.execute(this::kill);
        return new Exchange(report, cap(stdout, outputCapBytes), cap(stderr, outputCapBytes),
                timedOut.get() && report == null, overCap, exit, describeFailure(), duration, childCpu);
    }

    /** The CPU time a report ends with (see {@code FrameChannel.halt}), -1 when too short to hold one. */
    private static long trailingLong(byte[] payload) {
        if (payload.length < Long.BYTES) {
            return -1;
        }
        long v = 0;
        for (int i = payload.length - Long.BYTES; i < payload.length; i++) {
            v = (v << 8) | (payload[i] & 0xff);
        }
        return v;
    }

    /** Kills the child and everything it started. Safe to call more than once. */
    @Override
    public void kill() {
        killed.set(true);
        // Listed first: once the child is dead its children are no longer its descendants.
        List<ProcessHandle> descendants = ProcessTree.descendants(process.toHandle());
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        releaseLimits.run();
    }

    /** Resident memory of the JVM process in KiB, read from /proc; -1 when unknown. */
    long residentKilobytes() {
        return residentKilobytes(process);
    }

    /** Resident memory (KiB) of the JVM a process is or started (through prlimit and bubblewrap); -1 when unknown. */
    static long residentKilobytes(Process process) {
        ProcessHandle jvm = ProcessTree.descendants(process.toHandle()).stream()
                .filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().orElse(process.toHandle());
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(jvm.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) { // kb:ignore ERR-01 -- -1 is the documented "unknown" (the process may have ended)
            return -1;
        }
        return -1;
    }

    /** The exit code, or -1 when the child has not exited within {@code d}. */
    private int awaitExit(Duration d) {
        try {
            return process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String describeFailure() {
        return jvmMessages.text();
    }

    private static byte[] cap(ByteArrayOutputStream bytes, int cap) {
        byte[] all = bytes.toByteArray();
        return all.length <= cap ? all : java.util.Arrays.copyOf(all, cap);
    }
}
