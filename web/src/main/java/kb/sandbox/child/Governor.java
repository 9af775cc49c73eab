package kb.sandbox.child;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

/**
 * Watches the child while a run goes on and halts it when the snippets hold too many threads or
 * have burnt too much CPU. The parent's wall-clock limit and the OS limits remain the backstop
 * for when this thread itself is starved.
 */
public final class Governor extends Thread {
    private static final long PERIOD_MILLIS = 10;

    private final FrameChannel channel;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os = processBean();
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
        limits = new Limits(threads.getThreadCount() + maxNewThreads,
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
            int alive = threads.getThreadCount();
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

    private long cpuNanos() {
        if (os != null) {
            return os.getProcessCpuTime();
        }
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
    }

    private static com.sun.management.OperatingSystemMXBean processBean() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean bean
                ? bean : null;
    }
}
