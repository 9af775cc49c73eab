package kb.review.engine;

import static kb.review.engine.JavaMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes of false findings on ordinary commits of real projects (round 7), each paired with the true defect of the
 * same shape that must still be found: a Go error dropped by a cleanup on the way out of a failing call (ERR-01), a
 * submitted task that catches and logs its own failures (CONC-06), an InterruptedException caught around the get()
 * of a task's completion callback (CONC-05).
 */
class PrecisionRound7Test {

    private static final String GO_CREATE = """
            package server

            func (s *Stream) addConsumer(cfg Config) (*Consumer, error) {
            	o := newConsumer(s, cfg)
            	s.mu.Lock()
            	if _, ok := s.consumers[o.name]; ok {
            		s.mu.Unlock()
            		CLEANUP
            		NEXT
            	}
            	s.consumers[o.name] = o
            	s.mu.Unlock()
            	return o, nil
            }
            """;

    private static List<String> goCreate(String cleanup, String next) {
        return items("server/consumer.go", GO_CREATE.replace("CLEANUP", cleanup).replace("NEXT", next));
    }

    @Test
    void a_cleanup_whose_error_is_dropped_on_the_way_out_of_a_failing_call_is_not_reported() {
        // the function returns an error right after: the stop's own error would only repeat or hide it
        assertEquals(List.of(), goCreate("_ = o.stop()", "return nil, NewConsumerExistsError()"));
        assertEquals(List.of(), goCreate("_ = o.store.Delete()", "o.store = nil\n\t\t_ = o.stop()\n\t\treturn nil, err"));
        assertEquals(List.of(), goCreate("_ = o.stop()", "return nil, fmt.Errorf(\"consumer %q exists\", o.name)"));
    }

    @Test
    void an_error_dropped_where_the_function_goes_on_or_succeeds_is_still_reported() {
        // the work continues after the discard, or the function reports success: the lost error is the only trace
        assertEquals(List.of("8:ERR-01"), goCreate("_ = o.stop()", "return o, nil"));
        assertEquals(List.of("8:ERR-01"), goCreate("_ = o.reset()", "o.start()\n\t\treturn nil, err"));
        assertEquals(List.of("8:ERR-01"), goCreate("_ = o.provision(cfg)", "return"));
    }

    private static final String JAVA_DISPATCH = """
            package a;

            class Dispatcher {
                void index(long topicId, Batch batch) {
                    executor.submit(() -> {
                        if (config.isIndexEnabled()) {
                            try {
                                batch.requests().forEach(r -> indexOne(topicId, r));
                            } catch (CATCH) {
                                HANDLE
                            }
                        }
                        batch.release();
                    });
                }
            }
            """;

    private static List<String> dispatch(String caught, String handle) {
        return items("src/main/java/a/Dispatcher.java",
                JAVA_DISPATCH.replace("CATCH", caught).replace("HANDLE", handle));
    }

    @Test
    void a_submitted_task_that_catches_and_logs_its_own_failures_drops_no_failure_with_its_future() {
        assertEquals(List.of(), dispatch("Throwable e", "log.error(\"index failed {}\", topicId, e);"));
        assertEquals(List.of(), dispatch("final Exception ex", "LOGGER.warn(\"index failed\", ex);"));
    }

    @Test
    void a_submitted_task_that_catches_narrowly_or_drops_what_it_caught_still_loses_failures_with_its_future() {
        // an IOException is handled; a RuntimeException from the work goes into the dropped future
        assertEquals(List.of("5:CONC-06"), dispatch("java.io.IOException e", "log.error(\"index failed\", e);"));
        // a catch-all that logs a line without the exception: the failure's cause is lost
        assertEquals(List.of("5:CONC-06"), dispatch("Exception e", "log.error(\"index failed\"); counter.increment();"));
    }

    private static final String SWING = """
            package a;

            class DataPanel {
                void load(Node node) {
                    SwingWorker<String, Void> worker = new SwingWorker<String, Void>() {
                        @Override
                        protected String doInBackground() throws Exception {
                            return manager.getData(node);
                        }

                        @Override
                        protected void METHOD() {
                            String data = "";
                            try {
                                data = WAIT;
                            } catch (InterruptedException | ExecutionException e) {
                                log.error("cannot read " + node, e);
                            }
                            area.setText(data);
                        }
                    };
                    worker.execute();
                }
            }
            """;

    private static List<String> swing(String method, String wait) {
        return items("src/main/java/a/DataPanel.java", SWING.replace("METHOD", method).replace("WAIT", wait)).stream()
                .filter(s -> s.endsWith(":CONC-05")).toList();
    }

    @Test
    void the_get_of_a_finished_task_in_its_done_callback_cannot_be_interrupted() {
        assertEquals(List.of(), swing("done", "get()"));
    }

    @Test
    void an_interrupt_swallowed_around_a_wait_that_can_block_is_still_reported() {
        // the same catch in a method that is not the completion callback: get() blocks until the task ends
        assertEquals(List.of("16:CONC-05"), swing("refresh", "get()"));
        // in done(), but around a wait of something else than the finished task
        assertEquals(List.of("16:CONC-05"), swing("done", "queue.take()"));
    }
}
