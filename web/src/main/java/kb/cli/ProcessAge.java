package kb.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * How long ago a process started, to within a few clock ticks. {@link ProcessHandle.Info#startInstant()} is
 * built on the boot time in whole seconds, so it can be up to a second off; on Linux this reads the
 * process's start in clock ticks since boot ({@code /proc/PID/stat}) against the time since boot
 * ({@code /proc/uptime}) instead, and uses the handle only elsewhere.
 */
final class ProcessAge {

    /** USER_HZ, the unit of /proc's tick counts: 100 on every architecture Linux runs the JDK on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessAge() {
    }

    static OptionalLong millis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which is in parentheses and may itself contain spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[19]);
            double uptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return OptionalLong.of(Math.round((uptime - startTicks / TICKS_PER_SECOND) * 1000));
        } catch (IOException | RuntimeException notLinux) {
            return ProcessHandle.of(pid).flatMap(h -> h.info().startInstant())
                    .map(at -> OptionalLong.of(Duration.between(at, Instant.now()).toMillis()))
                    .orElse(OptionalLong.empty());
        }
    }
}
