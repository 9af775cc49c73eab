package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LOG-01's confidence when the hunk shows part of a Java method (round 20's java-39: a line per interpreted
 * instruction, reported low only): a log statement directly in a loop's body, with every line from the loop's header
 * to it in the diff, runs on every turn whatever the rest of the method holds, so the finding is high. A line with a
 * hidden gap between the header and it, or one under a branch of the body, keeps the low confidence of a partial
 * method. Loggers varied: System.Logger, JUL, SLF4J, Log4j 2, commons-logging.
 */
class LoopShownConfidenceTest {

    private static final String DIFF = """
            diff --git a/src/main/java/org/acme/vm/Engine.java b/src/main/java/org/acme/vm/Engine.java
            index 1111111..2222222 100644
            --- a/src/main/java/org/acme/vm/Engine.java
            +++ b/src/main/java/org/acme/vm/Engine.java
            @@ -30,6 +30,7 @@ final class Engine {
                 void execute(Frame frame, Op[] ops) {
                     while (frame.pc < ops.length) {
                         Op op = ops[frame.pc++];
            +            %s
                         frame.count++;
                         switch (op.code()) {
                             case ADD -> frame.add();
            """;

    private static List<String> log01(String line) {
        return TestRules.reviewDiff(DIFF.formatted(line)).findings().stream()
                .filter(f -> f.item().equals("LOG-01")).map(f -> f.confidence().name()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "LOG.log(System.Logger.Level.INFO, \"op \" + op.code());",
            "LOGGER.info(\"op \" + op.code() + \" at \" + frame.pc);",
            "log.info(\"op {} at {}\", op.code(), frame.pc);",
            "logger.warn(\"executing {}\", op);",
            "log.info(\"executing \" + op);"})
    void a_line_in_the_loops_body_with_the_header_shown_is_high(String line) {
        assertEquals(List.of("HIGH"), log01(line));
    }

    private static final String GAP = """
            diff --git a/src/main/java/org/acme/vm/Engine.java b/src/main/java/org/acme/vm/Engine.java
            index 1111111..2222222 100644
            --- a/src/main/java/org/acme/vm/Engine.java
            +++ b/src/main/java/org/acme/vm/Engine.java
            @@ -30,4 +30,4 @@ final class Engine {
                 void execute(Frame frame, Op[] ops) {
            -        while (frame.pc < ops.length) {
            +        while (frame.pc < ops.length && !frame.halted) {
                         Op op = ops[frame.pc++];
                         frame.count++;
            @@ -60,6 +60,7 @@ final class Engine {
                             default -> frame.trap(op);
                         }
                     }
            +        log.info("executed {} ops", frame.count);
                     frame.done();
                 }
             }
            """;

    @ParameterizedTest
    @ValueSource(strings = {
            "if (frame.verbose) { log.info(\"op {} at {}\", op.code(), frame.pc); }",
            "log.debug(\"op {} at {}\", op.code(), frame.pc);",
            "LOG.log(System.Logger.Level.TRACE, \"op {0}\", op.code());"})
    void a_line_under_a_branch_of_the_body_is_not_high(String line) {
        assertEquals(List.of(), log01(line).stream().filter("HIGH"::equals).toList());
    }

    @org.junit.jupiter.api.Test
    void a_summary_after_the_loop_in_a_later_hunk_is_not_found() {
        assertEquals(List.of(), TestRules.reviewDiff(GAP).findings().stream()
                .filter(f -> f.item().equals("LOG-01")).toList());
    }
}
