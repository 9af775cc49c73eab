package kb.cli;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessAgeTest {

    @Test
    void agrees_with_the_jvms_own_clock_within_the_tick_size() {
        long jvmUptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long age = ProcessAge.millis(ProcessHandle.current().pid()).orElseThrow();
        // the process exists a little before the JVM starts counting; a tick is 10 ms
        assertTrue(age >= jvmUptime - 20 && age <= jvmUptime + 300, "age " + age + " ms, JVM uptime " + jvmUptime + " ms");
    }

    @Test
    void an_unknown_process_has_no_age() {
        assertTrue(ProcessAge.millis(Long.MAX_VALUE).isEmpty());
    }
}
