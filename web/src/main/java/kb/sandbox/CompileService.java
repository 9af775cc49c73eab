package kb.sandbox;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import kb.sandbox.child.RunPlan;
import kb.sandbox.child.Wire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parent's handle on the compile service process ({@code kb.sandbox.compiler.CompileMain}):
 * sends sources, matches answers to requests, and keeps a healthy process there. The process is
 * killed when a compile passes its time limit, and replaced when it dies (out of memory, say),
 * after a number of compiles, or when its memory grows past a limit. A request that was in flight
 * when the process died through no fault of its own is sent once more to the replacement.
 *
 * <p>Thread-safe: requests from many runs share the process.
 */
final class CompileService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CompileService.class);
    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    /** Compiles served before the process is replaced: javac's caches grow with every JShell. */
    private static final int MAX_COMPILES = 2000;
    /** Resident memory past which the process is replaced once it is idle. */
    private static final long MAX_RESIDENT_KB = 600L * 1024;
    private static final int OOM_EXIT = 3;

    /** What a compile came to: a plan, or why there is none. */
    record Compiled(RunPlan plan, RunStatus failure, String message) {
        static Compiled failed(RunStatus status, String message) {
            return new Compiled(null, status, message);
        }
    }

    private final Supplier<Process> starter;
    private final Duration compileLimit;
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicLong restarts = new AtomicLong();
    /**
     * Starts the processes. bubblewrap's --die-with-parent fires when the <em>thread</em> that
     * started it ends, so they are all started from this one thread, which lives as long as the service.
     */
    // kb:ignore CONC-02 -- only a (re)start of the one service process is submitted, and each waits for the last
    private final java.util.concurrent.ExecutorService spawner = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> BackgroundThreads.daemon(r, "kb-compile-spawner"));
    private Instance current;
    private volatile boolean closed;

    /**
     * Requests in the service at once: as many as it has workers, so that the time limit measures
     * compiling, never waiting in the service's queue behind other runs.
     */
    private final Semaphore inService;

    /** @param starter starts the process (empty environment, contained); it must not wait for it */
    CompileService(Supplier<Process> starter, Duration compileLimit, int workers) {
        this.starter = starter;
        this.compileLimit = compileLimit;
        this.inService = new Semaphore(workers, true);
    }

    /** Starts the process now instead of on the first compile. */
    void startInBackground() {
        BackgroundThreads.daemon(() -> {
            try {
                instance();
            } catch (IOException e) {
                log.warn("sandbox: the compile service did not start: {}", e.getMessage());
            }
        }, "kb-compile-start").start();
    }

    /**
     * Compiles {@code source} into a plan. Waits at most the compile limit once the service is up.
     * Never throws for anything the source does: limits and crashes come back as failures.
     */
    Compiled compile(String source) throws InterruptedException {
        inService.acquire();
        try {
            return compileNow(source);
        } finally {
            inService.release();
        }
    }

    private Compiled compileNow(String source) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            Instance instance;
            try {
                instance = instance();
            } catch (IOException e) {
                return Compiled.failed(RunStatus.INTERNAL_ERROR, "the compile service did not start: " + e.getMessage());
            }
            int id = ids.incrementAndGet();
            var answer = instance.send(id, source);
            try {
                byte[] plan = answer.get(compileLimit.toMillis(), TimeUnit.MILLISECONDS);
                instance.served();
                return new Compiled(RunPlan.decode(plan), null, null);
            } catch (TimeoutException e) {
                instance.kill("a compile passed " + compileLimit.toSeconds() + " s");
                return Compiled.failed(RunStatus.TIMEOUT, "compiling took longer than " + compileLimit.toSeconds()
                        + " s; the compiler was stopped (and restarted for the next run)");
            } catch (ExecutionException e) {
                int exit = instance.exitCode();
                boolean alone = instance.inFlightAtDeath() <= 1;
                if (!alone && attempt == 0) {
                    continue; // another request may have killed it: try once more on a fresh process
                }
                return exit == OOM_EXIT
                        ? Compiled.failed(RunStatus.OUT_OF_MEMORY, "the compiler ran out of memory on this code (heap limit "
                        + "reached); it was restarted")
                        : Compiled.failed(RunStatus.KILLED, "the compile service stopped while compiling this code (exit code "
                        + exit + "); it was restarted");
            } catch (IOException e) {
                return Compiled.failed(RunStatus.INTERNAL_ERROR, "the compile service sent an unreadable plan: " + e.getMessage());
            }
        }
    }

    long restarts() {
        return restarts.get();
    }

    /** Resident memory of the service's JVM in KiB, -1 when not running. */
    long residentKilobytes() {
        Instance i;
        synchronized (this) {
            i = current;
        }
        return i == null ? -1 : ChildProcess.residentKilobytes(i.process);
    }

    @Override
    public void close() {
        closed = true;
        Instance i;
        synchronized (this) {
            i = current;
            current = null;
        }
        if (i != null) {
            i.kill("shutting down");
        }
        spawner.shutdown();
    }

    /** The running process, starting one (and waiting until it is warm) when there is none. */
    private synchronized Instance instance() throws IOException {
        if (closed) {
            throw new IOException("the sandbox is shut down");
        }
        if (current != null && current.usable()) {
            return current;
        }
        if (current != null) {
            current.retire();
        }
        if (current != null) {
            restarts.incrementAndGet();
        }
        try {
            current = new Instance(spawner.submit(starter::get).get());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause()
                    : new IOException("cannot start the compile service", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the compile service");
        }
        current.awaitReady(START_LIMIT);
        return current;
    }

    /** One compile service process. */
    private final class Instance {
        final Process process;
        private final InputStream in;
        private final OutputStream out;
        private final Map<Integer, CompletableFuture<byte[]>> pending = new ConcurrentHashMap<>();
        private final CompletableFuture<Void> ready = new CompletableFuture<>();
        private final AtomicInteger served = new AtomicInteger();
        private final StderrHead jvmMessages;
        private volatile boolean dead;
        private volatile boolean retiring;
        private volatile int inFlightAtDeath;

        Instance(Process process) {
            this.process = process;
            this.in = new BufferedInputStream(process.getInputStream(), 1 << 16);
            this.out = process.getOutputStream();
            BackgroundThreads.daemon(this::readAnswers, "kb-compile-reader-" + process.pid()).start();
            this.jvmMessages = StderrHead.drain(process, 8192, "kb-compile-stderr-" + process.pid());
        }

        void awaitReady(Duration limit) throws IOException {
            try {
                ready.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                kill("not ready in time");
                throw new IOException("the compile service did not become ready: " + describe(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill("interrupted");
                throw new IOException("interrupted while starting the compile service");
            }
        }

        boolean usable() {
            return !dead && !retiring && process.isAlive();
        }

        CompletableFuture<byte[]> send(int id, String source) {
            var answer = new CompletableFuture<byte[]>();
            pending.put(id, answer);
            if (dead) {
                answer.completeExceptionally(new IOException("the compile service is gone"));
                return answer;
            }
            try {
                synchronized (out) {
                    Wire.write(out, Wire.REQUEST, new Wire.Writer().integer(id).string(source).bytes());
                }
            } catch (IOException e) {
                // The reader sees the end of the stream and fails every pending request.
            }
            return answer;
        }

        /** Counts a compile; past the limits the process is replaced once its requests are answered. */
        void served() {
            if (served.incrementAndGet() >= MAX_COMPILES
                    || (served.get() % 50 == 0 && ChildProcess.residentKilobytes(process) > MAX_RESIDENT_KB)) {
                retiring = true;
            }
            if (retiring && pending.isEmpty()) {
                retire();
            }
        }

        /** Stops taking requests and ends the process once the ones in flight are answered. */
        void retire() {
            retiring = true;
            if (pending.isEmpty()) {
                try {
                    out.close();
                } catch (IOException e) {
                    // Already gone.
                }
                CompletableFuture.delayedExecutor(5, TimeUnit.SECONDS).execute(() -> kill("retired"));
            }
        }

        int exitCode() {
            try {
                return process.waitFor(2, TimeUnit.SECONDS) ? process.exitValue() : -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        int inFlightAtDeath() {
            return inFlightAtDeath;
        }

        void kill(String why) {
            if (!dead && !closed && !retiring) {
                log.info("sandbox: compile service stopped ({})", why);
            }
            dead = true;
            List<ProcessHandle> descendants = ProcessTree.descendants(process.toHandle());
            process.destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
        }

        private void readAnswers() {
            try {
                Wire.Frame frame;
                while ((frame = Wire.read(in)) != null) {
                    if (frame.type() == Wire.READY) {
                        ready.complete(null);
                    } else if (frame.type() == Wire.REPORT) {
                        var reader = new Wire.Reader(frame.payload());
                        var answer = pending.remove(reader.integer());
                        if (answer != null) {
                            answer.complete(reader.blob());
                        }
                    } else {
                        throw new IOException("unexpected frame type " + frame.type());
                    }
                }
            } catch (IOException e) {
                // Garbled or ended: handled like a death below.
            }
            inFlightAtDeath = pending.size();
            if (!dead && !retiring && !closed) {
                log.warn("sandbox: the compile service ended (exit code {}): {}", exitCode(), describe());
            }
            dead = true;
            kill("its output ended");
            var failure = new IOException("the compile service ended: " + describe());
            ready.completeExceptionally(failure);
            pending.values().forEach(f -> f.completeExceptionally(failure));
            pending.clear();
        }

        private String describe() {
            String s = jvmMessages.text();
            return s.isEmpty() ? "no message" : s.length() > 500 ? s.substring(0, 500) : s;
        }
    }

    /** Starts a compile service process from a command line, with an empty environment. */
    static Supplier<Process> processStarter(List<String> command, Path workDir) {
        return () -> {
            var pb = new ProcessBuilder(command).directory(workDir.toFile());
            pb.environment().clear();
            try {
                return pb.start();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }
}
