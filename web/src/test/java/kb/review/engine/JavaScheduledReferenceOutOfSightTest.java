package kb.review.engine;

import static kb.review.engine.JavaMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-07, a false class of round 17: a periodic task given by method reference ({@code this::pushSafely}) whose
 * body the review does not see, because the hunk ends on the method's declaration line. The item asks that "the task
 * body" catch what it throws, and a body out of sight cannot show it. Out of sight, a name that says the method
 * guards itself is the author's word that it does, as the checklist's Good example's wrapper would be named; a plain
 * name stays reported (low confidence when not declared in sight). A body in sight decides whatever the name.
 */
class JavaScheduledReferenceOutOfSightTest {

    private static String edit(String reference) {
        return """
                diff --git a/src/main/java/a/Pusher.java b/src/main/java/a/Pusher.java
                --- a/src/main/java/a/Pusher.java
                +++ b/src/main/java/a/Pusher.java
                @@ -20,7 +20,7 @@ public class Pusher {
                     }
                     // starts the pushes
                     public void start(Duration every) {
                -        scheduler.scheduleWithFixedDelay(this::run, 1, every.toSeconds(), TimeUnit.SECONDS);
                +        scheduler.scheduleWithFixedDelay(this::%s, 1, every.toSeconds(), TimeUnit.SECONDS);
                     }
                     // one push of the pending events
                     private void %s() {
                """.formatted(reference, reference);
    }

    private static List<String> found(String diff) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().equals("CONC-07"))
                .map(f -> f.line() + ":" + f.confidence()).toList();
    }

    @Test
    void a_referenced_method_cut_at_its_declaration_is_guarded_by_its_name_only() {
        // a plain name keeps the old reading of a declaration whose body is cut
        assertEquals(List.of("23:HIGH"), found(edit("push")));
        assertEquals(List.of(), found(edit("pushSafely")));
        assertEquals(List.of(), found(edit("runGuarded")));
    }

    private static final String WHOLE = """
            package a;

            class Pusher {
                void start() {
                    scheduler.scheduleAtFixedRate(this::pushSafely, 1, 1, TimeUnit.MINUTES);
                }

                private void pushSafely() {
                    %s
                }
            }
            """;

    @Test
    void a_body_in_sight_decides_whatever_the_method_is_called() {
        assertEquals(List.of("5:CONC-07"), items("src/main/java/a/Pusher.java", WHOLE.formatted("client.push(batch());")));
        assertEquals(List.of(), items("src/main/java/a/Pusher.java", WHOLE.formatted(
                "try { client.push(batch()); } catch (RuntimeException e) { log.warn(\"push failed\", e); }")));
    }
}
