package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-03, the class of check-then-act on a map whose declaration the change does not show: a registry of per-key
 * locks (a field declared above the hunk) filled by {@code get}, a null test and {@code put}. The checklist names
 * check-then-act on a concurrent map as its classic trap: each call is atomic, the pair is not. A map whose values are
 * new locks, semaphores, latches or monitor objects is there for threads to meet on, so it is shared whatever its
 * declared type, and two threads that miss at once each take a lock of their own. The same fill written as
 * {@code if (!m.containsKey(k)) m.put(k, ...)} races the same way. Look-alikes: {@code computeIfAbsent}, the fill in a
 * synchronized method or block, a map of plain values (a cache of strings, filled by one thread as far as the code
 * shows), and a local map.
 */
class LockRegistryCheckThenActTest {

    /** An edit of a method of a class whose map field is declared above the hunk. */
    private static String edit(String body) {
        String[] rows = body.split("\n");
        StringBuilder sb = new StringBuilder("""
                diff --git a/src/main/java/com/example/jobs/JobGate.java b/src/main/java/com/example/jobs/JobGate.java
                index 1111111..2222222 100644
                --- a/src/main/java/com/example/jobs/JobGate.java
                +++ b/src/main/java/com/example/jobs/JobGate.java
                """);
        sb.append("@@ -20,3 +20,").append(rows.length + 2).append(" @@ public class JobGate {\n");
        sb.append(" \n");
        sb.append("-    // filled on first use\n");
        for (String r : rows) {
            sb.append('+').append(r).append('\n');
        }
        sb.append(" }\n");
        return sb.toString();
    }

    private static List<String> conc03(String body) {
        return GoRound8ClassesTest.item(edit(body), "CONC-03");
    }

    private static final String GET_THEN_PUT = """
                public Semaphore gateFor(String tenant) {
                    Semaphore gate = gates.get(tenant);
                    if (gate == null) {
                        gate = new Semaphore(PERMITS);
                        gates.put(tenant, gate);
                    }
                    return gate;
                }""";

    @Test
    void a_lock_registry_filled_by_get_then_put_is_found() {
        assertEquals(List.of("23:java-lock-map-check-then-act"), conc03(GET_THEN_PUT));
        String monitors = GET_THEN_PUT.replace("Semaphore gate =", "Object gate =")
                .replace("new Semaphore(PERMITS)", "new Object()").replace("public Semaphore", "public Object");
        assertEquals(List.of("23:java-lock-map-check-then-act"), conc03(monitors));
    }

    @Test
    void a_lock_registry_filled_after_contains_key_is_found() {
        String body = """
                    public ReentrantLock lockFor(long jobId) {
                        if (!locks.containsKey(jobId)) {
                            locks.put(jobId, new ReentrantLock());
                        }
                        return locks.get(jobId);
                    }""";
        assertEquals(List.of("22:java-concurrent-map-contains-then-put"), conc03(body));
    }

    @Test
    void compute_if_absent_is_clean() {
        String body = """
                    public Semaphore gateFor(String tenant) {
                        return gates.computeIfAbsent(tenant, t -> new Semaphore(PERMITS));
                    }""";
        assertEquals(List.of(), conc03(body));
    }

    @Test
    void a_fill_under_a_monitor_or_a_lock_is_clean() {
        assertEquals(List.of(), conc03(GET_THEN_PUT.replace("public Semaphore", "public synchronized Semaphore")));
        String block = GET_THEN_PUT.replace("    Semaphore gate = gates.get(tenant);", "    synchronized (gates) {\n"
                + "        Semaphore gate = gates.get(tenant);").replace("    return gate;\n", "    return gate;\n    }\n");
        assertEquals(List.of(), conc03(block));
        String locked = GET_THEN_PUT.replace("    Semaphore gate = gates.get(tenant);",
                "    registryLock.lock();\n        Semaphore gate = gates.get(tenant);");
        assertEquals(List.of(), conc03(locked));
    }

    @Test
    void a_map_of_plain_values_or_a_local_map_is_not_taken_for_a_registry() {
        String names = GET_THEN_PUT.replace("Semaphore gate =", "String gate =")
                .replace("new Semaphore(PERMITS)", "tenant.toLowerCase()").replace("public Semaphore", "public String");
        assertEquals(List.of(), conc03(names));
        String local = GET_THEN_PUT.replace("    Semaphore gate = gates.get(tenant);",
                "    Map<String, Semaphore> gates = new HashMap<>();\n        Semaphore gate = gates.get(tenant);");
        assertEquals(List.of(), conc03(local));
    }
}
