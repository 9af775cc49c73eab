package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-01 asks that a panic of background work be recovered, logged and counted in the goroutine it happens in. A
 * goroutine whose body defers no recover but runs all of the program's work through a function that does (a worker
 * slot taken and given back around {@code s.handle(job)}, where {@code handle}'s first statement defers the recover;
 * a cron loop that only sleeps and calls a pass whose first defer recovers; a local closure {@code run := func(...)}
 * that defers the recover, started as {@code go run(x)}) is guarded in that same goroutine: no finding. The defects
 * of the same shapes keep theirs: the called function does not recover, or the body runs other work outside the
 * guarded call, or the local closure recovers nothing.
 */
class GoGoroutineGuardedByCalleeTest {

    /** A consumer that takes a worker slot and runs {@code handle}, which may ({@code guard}) defer a recover. */
    private static String consumer(String guard, String extra) {
        String body = """
                package queue

                import (
                	"log/slog"
                	"runtime/debug"
                )

                type Consumer struct {
                	slots  chan struct{}
                	panics Counter
                }

                func (c *Consumer) OnJob(job *Job) {
                	c.slots <- struct{}{}
                	go func() {
                		defer func() { <-c.slots }()
                %s		c.handle(job)
                	}()
                }

                func (c *Consumer) handle(job *Job) {
                %s	job.Run()
                }
                """.formatted(extra, guard);
        return GoNewFileDiffs.newFile("queue/consumer.go", body);
    }

    private static final String GUARD = """
            	defer func() {
            		if p := recover(); p != nil {
            			c.panics.Inc()
            			slog.Error("job panicked", "job", job.ID, "panic", p, "stack", string(debug.Stack()))
            		}
            	}()
            """;

    @Test
    void a_goroutine_whose_only_work_is_a_call_that_recovers_is_clean() {
        assertEquals(List.of(), GoRound8ClassesTest.item(consumer(GUARD, ""), "CONC-01"));
    }

    @Test
    void the_same_goroutine_when_the_callee_recovers_nothing_is_found() {
        assertEquals(List.of("15:go-goroutine-without-recover"),
                GoRound8ClassesTest.item(consumer("", ""), "CONC-01"));
    }

    @Test
    void work_outside_the_guarded_call_keeps_the_finding() {
        assertEquals(List.of("15:go-goroutine-without-recover"), GoRound8ClassesTest.item(
                consumer(GUARD, "\t\tjob.Prepare(c.defaults())\n"), "CONC-01"));
    }

    /** A refresher loop started bare; its pass may ({@code guard}) defer a recovering helper. */
    private static String cron(String guard) {
        String body = """
                package topics

                import "time"

                func StartRefresher() {
                	go refreshForever()
                }

                func refreshForever() {
                	for {
                		time.Sleep(time.Duration(refreshSeconds) * time.Second)
                		refreshOnce()
                	}
                }

                func refreshOnce() {
                %s	reload()
                }

                func logPanic() {
                	if p := recover(); p != nil {
                		logger.Errorf("refresh panicked: %%v", p)
                	}
                }
                """.formatted(guard);
        return GoNewFileDiffs.newFile("topics/refresh.go", body);
    }

    @Test
    void a_loop_that_sleeps_and_calls_a_recovering_pass_is_clean() {
        assertEquals(List.of(), GoRound8ClassesTest.item(cron("\tdefer logPanic()\n"), "CONC-01"));
    }

    @Test
    void the_same_loop_whose_pass_recovers_nothing_is_found() {
        assertEquals(List.of("6:go-goroutine-without-recover"), GoRound8ClassesTest.item(cron(""), "CONC-01"));
    }

    /** A fan-out over a local closure, which may ({@code guard}) defer a recover that reports the panic. */
    private static String fanOut(String guard) {
        String body = """
                package saga

                import "fmt"

                func (p *Processor) RunAll(steps []Step) []error {
                	results := make(chan error, len(steps))
                	runStep := func(i int) {
                		var err error
                %s		err = p.exec(&steps[i])
                		results <- err
                	}
                	for i := range steps {
                		go runStep(i)
                	}
                	errs := make([]error, 0, len(steps))
                	for range steps {
                		errs = append(errs, <-results)
                	}
                	return errs
                }
                """.formatted(guard);
        return GoNewFileDiffs.newFile("saga/run.go", body);
    }

    @Test
    void a_local_closure_that_recovers_started_by_its_name_is_clean() {
        String guard = """
                		defer func() {
                			if x := recover(); x != nil {
                				err = fmt.Errorf("step %d panicked: %v", i, x)
                				results <- err
                			}
                		}()
                """;
        assertEquals(List.of(), GoRound8ClassesTest.item(fanOut(guard), "CONC-01"));
    }

    @Test
    void a_local_closure_without_a_recover_started_by_its_name_is_found() {
        assertEquals(List.of("13:go-goroutine-without-recover"),
                GoRound8ClassesTest.item(fanOut(""), "CONC-01"));
    }
}
