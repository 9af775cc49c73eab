package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * False classes left on the held-out precision sets 7 to 10 (web/src/test/bench/realfixes/precision-judgments-*.tsv),
 * each pinned next to the defect of the same shape, which must still be found. The code is written for this test in
 * the shape of the judged code; findings are compared as "path:line:item".
 *
 * <p>AD, a cancel kept in a slot its loop fills and empties (TMO-03; set 10, river's leadership loops): the variable
 * is declared before the loop holding a no-op function, a turn that gains leadership assigns it a new cancel with
 * {@code =}, a turn that loses it calls the slot and puts the no-op back, and the loop's exit calls it. The item asks
 * that the cancel be called on every path out of the function ("go vet's lostcancel"), and every path out does call
 * it; the path the review reported came back to the assignment on a later turn, which only a second gain of
 * leadership without a loss between would take, an order of events the code does not decide. The same loop whose
 * exit returns without calling the slot leaks the last context, and stays reported; so does a retry loop that
 * assigns a cancel to a variable declared without a function and cancels only on success.
 *
 * <p>BV, a single-thread executor whose only work is one loop until stopped (CONC-02; sets 7, 8 and 10: Apollo's audit
 * drain and history clean-up, HertzBeat's dispatcher, SeaTunnel's event forwarder): the executor is made when its
 * owner starts and given one task, a {@code while (!stopped)} loop, inline or as {@code this::dispatchLoop}. The item
 * is about work waiting in an unbounded queue ("every waiting task keeps its arguments, buffers and stack alive"); the
 * one thread belongs to the loop until stop, so nothing waits in the queue. The same executor given a task per
 * message stays reported, as the item's own bad example is.
 */
class PrecisionSets7to10ClassesTest {

    private static List<String> found(String diff, String item) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().equals(item))
                .map(f -> f.path() + ":" + f.line() + ":" + f.item()).sorted().toList();
    }

    private static String newGoFile(String path, String code) {
        String[] lines = code.split("\n", -1);
        int n = code.endsWith("\n") ? lines.length - 1 : lines.length;
        StringBuilder d = new StringBuilder("diff --git a/" + path + " b/" + path + "\nnew file mode 100644\n"
                + "--- /dev/null\n+++ b/" + path + "\n@@ -0,0 +1," + n + " @@\n");
        for (int i = 0; i < n; i++) {
            d.append('+').append(lines[i]).append('\n');
        }
        return d.toString();
    }

    private static final String LEADER_LOOP = """
            package queue

            import "context"

            func (m *Maintainer) followLeadership(ctx context.Context, changes <-chan bool) {
            \tvar cancelStart context.CancelCauseFunc = func(error) {}

            \tfor {
            \t\tselect {
            \t\tcase <-ctx.Done():
            \t\t\tcancelStart(context.Cause(ctx))
            \t\t\treturn
            \t\tcase leader := <-changes:
            \t\t\tif leader {
            \t\t\t\tvar startCtx context.Context
            \t\t\t\tstartCtx, cancelStart = context.WithCancelCause(ctx)
            \t\t\t\tgo m.start(startCtx)
            \t\t\t} else {
            \t\t\t\tcancelStart(errLostLeadership)
            \t\t\t\tcancelStart = func(error) {}
            \t\t\t\tm.stop()
            \t\t\t}
            \t\t}
            \t}
            }
            """;

    @Test
    void a_cancel_slot_called_when_leadership_is_lost_and_at_the_loops_exit_is_not_reported() {
        assertEquals(List.of(), found(newGoFile("queue/leader.go", LEADER_LOOP), "TMO-03"));
    }

    @Test
    void the_same_slot_left_uncalled_when_the_loop_returns_is_reported() {
        String leaks = LEADER_LOOP.replace("\t\t\tcancelStart(context.Cause(ctx))\n", "");
        assertEquals(List.of("queue/leader.go:15:TMO-03"), found(newGoFile("queue/leader.go", leaks), "TMO-03"));
    }

    private static String newJavaFile(String path, String code) {
        return newGoFile(path, code);
    }

    /** The audit writer with a store field, for the variants that call it outside the constructor. */
    private static String withStoreField(String code) {
        return code.replace("    private final AtomicBoolean stopped",
                "    private AuditStore store;\n    private final AtomicBoolean stopped");
    }

    private static final String AUDIT = """
            package com.example.audit;

            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.LinkedBlockingQueue;
            import java.util.concurrent.atomic.AtomicBoolean;

            public class AuditWriter {
                private final LinkedBlockingQueue<String> pending = new LinkedBlockingQueue<>(1000);
                private final AtomicBoolean stopped = new AtomicBoolean();
                private final ExecutorService drain = Executors.newSingleThreadExecutor();

                public AuditWriter(AuditStore store) {
                    drain.submit(() -> {
                        while (!stopped.get() && !Thread.currentThread().isInterrupted()) {
                            try {
                                store.write(pending.take());
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    });
                }

                public boolean record(String entry) {
                    return pending.offer(entry);
                }

                public void stop() {
                    stopped.set(true);
                    if (drain != null) {
                        drain.shutdownNow();
                    }
                }
            }
            """;

    @Test
    void a_single_thread_executor_whose_only_task_is_a_loop_until_stopped_is_not_reported() {
        assertEquals(List.of(), found(newJavaFile("src/main/java/com/example/audit/AuditWriter.java", AUDIT),
                "CONC-02"));
        String byReference = AUDIT.replace("""
                        drain.submit(() -> {
                            while (!stopped.get() && !Thread.currentThread().isInterrupted()) {
                                try {
                                    store.write(pending.take());
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                        });
                    }
                """, """
                        this.store = store;
                        drain.execute(this::drainLoop);
                    }

                    private void drainLoop() {
                        try {
                            while (!Thread.currentThread().isInterrupted()) {
                                store.write(pending.take());
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                """);
        byReference = withStoreField(byReference);
        assertEquals(List.of(), found(newJavaFile("src/main/java/com/example/audit/AuditWriter.java", byReference),
                "CONC-02"));
    }

    @Test
    void the_same_executor_given_a_task_per_entry_is_reported() {
        String perEntry = withStoreField(AUDIT.replace("        return pending.offer(entry);",
                "        drain.submit(() -> store.write(entry));\n        return true;"));
        assertEquals(List.of("src/main/java/com/example/audit/AuditWriter.java:12:CONC-02"),
                found(newJavaFile("src/main/java/com/example/audit/AuditWriter.java", perEntry), "CONC-02"));
        String drainsOnce = AUDIT.replace("while (!stopped.get() && !Thread.currentThread().isInterrupted())",
                "while (!pending.isEmpty())");
        assertEquals(List.of("src/main/java/com/example/audit/AuditWriter.java:11:CONC-02"),
                found(newJavaFile("src/main/java/com/example/audit/AuditWriter.java", drainsOnce), "CONC-02"));
    }

    @Test
    void a_retry_loop_that_cancels_only_on_success_is_reported() {
        String retry = """
                package upload

                import (
                \t"context"
                \t"time"
                )

                func put(ctx context.Context, s Store, data []byte, attempts int) error {
                \tvar cancel context.CancelFunc = func() {}
                \tfor i := 0; i < attempts; i++ {
                \t\tvar attemptCtx context.Context
                \t\tattemptCtx, cancel = context.WithTimeout(ctx, 5*time.Second)
                \t\tif err := s.Put(attemptCtx, data); err == nil {
                \t\t\tcancel()
                \t\t\treturn nil
                \t\t}
                \t}
                \treturn errExhausted
                }
                """;
        assertEquals(List.of("upload/put.go:12:TMO-03"), found(newGoFile("upload/put.go", retry), "TMO-03"));
    }
}
