package kb.cli;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessAgeTest {

    @Test
    void agrees_with_the_jvms_own_clock_within_the_tick_size() {
        long jvmUptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long age = ProcessAge.millis(ProcessHandle.current().pid()).orElseThrow();
        // The process exists before the JVM starts counting: loading the JVM takes tens of milliseconds on a quiet
        // machine and seconds on a loaded one (344 ms seen at a load of 40 on 2 cores), so only the lower bound is
        // tight (a tick is 10 ms). The upper bound still catches a wrong unit: ticks read as milliseconds or
        // seconds would be off by at least a factor of ten of an uptime that is itself at least this test's start.
        assertTrue(age >= jvmUptime - 20 && age <= jvmUptime + 5_000, "age " + age + " ms, JVM uptime " + jvmUptime + " ms");
    }

    @Test
    void an_unknown_process_has_no_age() {
        assertTrue(ProcessAge.millis(Long.MAX_VALUE).isEmpty());
    }
}
