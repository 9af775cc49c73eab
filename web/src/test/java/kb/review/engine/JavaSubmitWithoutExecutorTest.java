package kb.review.engine;

import static kb.review.engine.JavaMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-06, a false class of round 17: {@code submitter.submit(record)} on a field the file declares with a project
 * type that is no executor (a tuple submitter, an emitter), given a value rather than a task. The item is about "the
 * future of a task handed to an executor"; a method that happens to be called submit and hands a record on returns
 * no future the code in sight knows of. An executor, pool or service type, or an argument that names a task, keeps
 * the finding.
 */
class JavaSubmitWithoutExecutorTest {

    private static final String PRODUCER = """
            package a;

            class Producer {
                private final %s target;

                void drain(Queue<Item> queue) {
                    Item %s = queue.poll();
                    target.submit(%s);
                }
            }
            """;

    @Test
    void submit_on_a_project_type_given_a_value_returns_no_future_to_observe() {
        assertEquals(List.of(), items("src/main/java/a/Producer.java", PRODUCER.formatted(
                "TupleSubmitter", "record", "record")));
        assertEquals(List.of(), items("src/main/java/a/Producer.java", PRODUCER.formatted(
                "EventEmitter", "event", "event")));
        // an executor's submit returns the task's future
        assertEquals(List.of("8:CONC-06"), items("src/main/java/a/Producer.java", PRODUCER.formatted(
                "ExecutorService", "record", "record")));
        // a project type handed something named as a task may well be a pool
        assertEquals(List.of("8:CONC-06"), items("src/main/java/a/Producer.java", PRODUCER.formatted(
                "Jobs", "task", "task")));
    }
}
