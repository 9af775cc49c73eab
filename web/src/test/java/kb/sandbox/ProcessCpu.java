package kb.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * CPU time of the processes a sandbox uses, split by kind, for the benchmarks: wall time on two shared
 * cores says little, CPU time per run says where a run's cost goes whatever the load.
 *
 * <p>Run children live for one run, so their CPU is read twice: from the live ones (by {@code /proc}) and,
 * once reaped, from this JVM's {@code cutime + cstime}, which also holds bubblewrap and prlimit around them. Under
 * bubblewrap the child JVM is reaped by bubblewrap's own init, which the parent kills first, so its CPU is then
 * missing: the reaped figure is complete only with {@code KB_SANDBOX_ISOLATION=none}, and {@link #perRun} takes
 * the CPU time the children report themselves instead when there is one.
 * The compile service outlives the window, so its CPU is read from its own {@code /proc} entry.
 */
record ProcessCpu(long serverMillis, long compileMillis, long childrenMillis) {
    private static final long TICK_MILLIS = 10; // USER_HZ is 100 on Linux

    /** A snapshot now. */
    static ProcessCpu now() {
        long server = -1;
        long reaped = 0;
        List<String> self = stat(ProcessHandle.current().pid());
        if (self != null) {
            server = (Long.parseLong(self.get(13)) + Long.parseLong(self.get(14))) * TICK_MILLIS;
            reaped = (Long.parseLong(self.get(15)) + Long.parseLong(self.get(16))) * TICK_MILLIS;
        }
        long compile = 0;
        long live = 0;
        for (ProcessHandle h : ProcessHandle.current().descendants().toList()) {
            List<String> s = stat(h.pid());
            if (s == null) {
                continue;
            }
            long cpu = (Long.parseLong(s.get(13)) + Long.parseLong(s.get(14))) * TICK_MILLIS;
            String line = h.info().commandLine().orElse("");
            if (line.contains("CompileMain")) {
                compile += h.info().command().map(c -> c.endsWith("/java")).orElse(false) ? cpu : 0;
            } else {
                live += cpu;
            }
        }
        return new ProcessCpu(server, compile, reaped + live);
    }

    /** What was used between {@code before} and this snapshot. */
    ProcessCpu since(ProcessCpu before) {
        return new ProcessCpu(serverMillis - before.serverMillis, compileMillis - before.compileMillis,
                childrenMillis - before.childrenMillis);
    }

    /**
     * "server a / compile b / children c (total t)" in ms per run, with the children's CPU as they reported it
     * ({@code reportedChildren}, see {@code Sandbox.childCpuMillis}): under bubblewrap the child JVMs are not
     * reaped by this JVM, so the reaped figure misses them; the first engine's children report it as well.
     */
    String perRun(int runs, long reportedChildren) {
        int n = Math.max(1, runs);
        long children = reportedChildren > 0 ? reportedChildren : childrenMillis;
        return String.format("%d / %d / %d (%d)", serverMillis / n, compileMillis / n, children / n,
                (serverMillis + compileMillis + children) / n);
    }

    /** Fields of /proc/PID/stat from the state on (index 0 = pid, as in proc(5) minus one), or null. */
    private static List<String> stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = s.lastIndexOf(')');
            var rest = s.substring(close + 2).split(" ");
            var all = new java.util.ArrayList<String>(List.of(s.substring(0, s.indexOf(' ')), "comm"));
            all.addAll(List.of(rest));
            return all;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The 1, 5 and 15 minute load averages, or "?" where /proc is not there. */
    static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "?";
        }
    }
}
