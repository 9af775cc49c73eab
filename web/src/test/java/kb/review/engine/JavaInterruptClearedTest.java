package kb.review.engine;

import static kb.review.engine.JavaMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Java class behind a miss of round 17 (held-out review corpus), the defect next to the clean look-alike the rule
 * must leave alone. Findings are compared as "line:item".
 * <ul>
 * <li><b>The interrupt cleared instead of restored (CONC-05).</b> A catch of {@code InterruptedException} that calls
 * {@code Thread.interrupted()} as a statement: that static method tests and clears the flag, so it is the opposite of
 * the checklist's "restore the flag with {@code Thread.currentThread().interrupt()}", and the item's "do not swallow
 * the interrupt" is broken just as by an empty catch. The call is reported where it is written, so an edit that adds
 * it to a catch that was already there is the change's finding too.</li>
 * </ul>
 */
class JavaInterruptClearedTest {

    private static final String POLLER = """
            package a;

            class Poller implements Runnable {
                private volatile boolean stopped;

                public void run() {
                    while (!stopped) {
                        try {
                            Job job = jobs.poll(1, TimeUnit.SECONDS);
                            if (job != null) {
                                job.run();
                            }
                        } catch (InterruptedException e) {
                            %s
                        }
                    }
                }
            }
            """;

    @Test
    void a_catch_that_calls_thread_interrupted_clears_the_flag_it_should_restore() {
        assertEquals(List.of("14:CONC-05"), items("src/main/java/a/Poller.java", POLLER.formatted(
                "Thread.interrupted(); log.debug(\"poll interrupted\");")));
        // the restore the checklist asks for, and leaving the loop with it
        assertEquals(List.of(), items("src/main/java/a/Poller.java", POLLER.formatted(
                "Thread.currentThread().interrupt(); return;")));
        // Thread.interrupted() read as a test is not a clear written by mistake
        assertEquals(List.of(), items("src/main/java/a/Poller.java", POLLER.formatted(
                "if (Thread.interrupted()) { log.debug(\"twice\"); } Thread.currentThread().interrupt(); return;")));
    }

    private static String pollerEdit(String added) {
        return """
                diff --git a/src/main/java/a/Poller.java b/src/main/java/a/Poller.java
                --- a/src/main/java/a/Poller.java
                +++ b/src/main/java/a/Poller.java
                @@ -10,7 +10,8 @@ class Poller implements Runnable {
                                     job.run();
                                 }
                             } catch (InterruptedException e) {
                -                log.warn("poll interrupted");
                +                %s
                +                log.debug("poll interrupted");
                             }
                         }
                     }
                """.formatted(added);
    }

    @Test
    void an_edit_that_adds_the_clear_to_an_old_catch_is_the_changes_finding() {
        List<String> found = TestRules.reviewDiff(pollerEdit("Thread.interrupted();")).active().stream()
                .map(f -> f.line() + ":" + f.item()).toList();
        assertEquals(List.of("13:CONC-05"), found);
        List<String> restored = TestRules.reviewDiff(pollerEdit("Thread.currentThread().interrupt(); return;"))
                .active().stream().map(f -> f.line() + ":" + f.item()).toList();
        assertEquals(List.of(), restored);
    }
}
