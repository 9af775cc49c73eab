package kb.sandbox.child;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Watches the child while a run goes on and halts it when the snippets hold too many threads or
 * have burnt too much CPU. The parent's wall-clock limit and the OS limits remain the backstop
 * for when this thread itself is starved.
 *
 * <p>It reads the process's CPU time and thread count from {@code /proc/self/stat}, which counts
 * every thread of the process, and falls back to the management beans where there is no /proc.
 * Not loading {@code java.management} is a good part of what makes the run child quick to start.
 */
// kb:ignore CONC-01 -- if this thread dies, the parent's wall-clock limit and the OS limits still end the run
public final class Governor extends Thread {
    private static final long PERIOD_MILLIS = 10;

    private final FrameChannel channel;
    private static final Path STAT = Path.of("/proc/self/stat");
    /** Linux reports CPU time in clock ticks of USER_HZ, 100 on every mainstream architecture. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private final boolean proc = Files.isReadable(STAT) && readStat() != null;
    private volatile Limits limits;

    private record Limits(int maxThreads, long cpuLimitNanos, long cpuAtStart) {
    }

    public Governor(FrameChannel channel) {
        super("kb-governor");
        this.channel = channel;
        setDaemon(true);
        setPriority(MAX_PRIORITY);
    }

    /** Starts enforcing: counts from the threads alive and the CPU spent so far. */
    public void arm(int maxNewThreads, long cpuMillis) {
        limits = new Limits(threadCount() + maxNewThreads,
                TimeUnit.MILLISECONDS.toNanos(cpuMillis), cpuNanos());
    }

    @Override
    public void run() {
        while (true) {
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) { // kb:ignore CONC-05 -- nothing interrupts it; re-setting the flag would make every sleep fail at once
                // Nothing outside this class holds a reference to it: keep watching.
            }
            Limits current = limits;
            if (current == null) {
                continue;
            }
            int alive = threadCount();
            if (alive > current.maxThreads()) {
                channel.halt(ChildReport.of(ChildReport.Outcome.LIMIT,
                        "thread limit reached: more than " + current.maxThreads() + " threads alive"));
            }
            long spent = cpuNanos() - current.cpuAtStart();
            if (spent > current.cpuLimitNanos()) {
                channel.halt(ChildReport.of(ChildReport.Outcome.LIMIT, "CPU limit reached: "
                        + TimeUnit.NANOSECONDS.toMillis(current.cpuLimitNanos()) + " ms of CPU time"));
            }
        }
    }

    private int threadCount() {
        long[] stat = proc ? readStat() : null;
        return stat != null ? (int) stat[1] : ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private long cpuNanos() {
        long[] stat = proc ? readStat() : null;
        if (stat != null) {
            return stat[0] * NANOS_PER_TICK;
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        var threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
    }

    /** CPU time of this process so far, all threads, start-up included, in ms; -1 when /proc is unreadable. */
    static long processCpuMillis() {
        long[] stat = readStat();
        return stat == null ? -1 : stat[0] * (NANOS_PER_TICK / 1_000_000);
    }

    /** User plus system CPU ticks of all threads, and the number of threads; {@code null} when unreadable. */
    private static long[] readStat() {
        try {
            String stat = new String(Files.readAllBytes(STAT), StandardCharsets.US_ASCII);
            // The command name in parentheses may hold spaces: count fields after its closing parenthesis.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state): utime is field 14, stime 15, num_threads 20.
            return new long[] {Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[17])};
        } catch (IOException | RuntimeException e) { // kb:ignore ERR-01 -- null is the documented "unreadable": the JVM's counters take over
            return null;
        }
    }
}
