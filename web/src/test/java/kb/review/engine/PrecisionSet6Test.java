package kb.review.engine;

import static kb.review.engine.GoMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes of TRUE findings of the sixth held-out precision set (the newest 150 commits of go-sql-driver/mysql, lib/pq,
 * redigo, yamux, memberlist, commons-pool, the Paho MQTT Java client, Hystrix, async-http-client and Eureka, judged
 * blind at 851c08d: web/src/test/bench/realfixes/precision-judgments-6.tsv), each next to a clean look-alike that must
 * stay silent. Several true classes have a FALSE neighbour in the same set that a later change will want to silence:
 * an interrupt that ends its thread's loop (V) next to one that is ignored, a thread whose run() catches Throwable (M)
 * next to one that catches only IOException, a dialer bounded by its context (BQ) next to one with no bound at all.
 * These pairs fail if such a change takes the real defect with it. The code is written for this test, in the shape
 * of the judged code.
 */
class PrecisionSet6Test {

    private static List<String> only(List<String> found, String item) {
        return found.stream().filter(s -> s.endsWith(":" + item)).toList();
    }

    // CONC-05: a refill thread ignores the interrupt of its back-off sleep and goes on (commons-pool's first
    // ResilientPooledObjectFactory). Its false neighbour sets a flag that ends the loop (V): that one may go silent,
    // this one must not.

    private static final String REFILL = """
            package a;

            class Refill extends Thread {
                private volatile boolean stopped;

                @Override
                public void run() {
                    while (!stopped && !pool.isFull()) {
                        try {
                            pool.addOne();
                        } catch (Exception e) {
                            failures.increment();
                        } finally {
                            try {
                                Thread.sleep(pauseMillis);
                            } catch (InterruptedException e) {
                                HANDLE
                            }
                        }
                    }
                }
            }
            """;

    @Test
    void an_interrupt_ignored_in_a_refill_loop_is_found_and_one_restored_before_returning_is_not() {
        assertEquals(List.of("16:CONC-05"), only(items("a/Refill.java", REFILL.replace("HANDLE", "// keep going")),
                "CONC-05"));
        assertEquals(List.of(), only(items("a/Refill.java", REFILL.replace("HANDLE",
                "Thread.currentThread().interrupt();\n                        return;")), "CONC-05"));
    }

    // CONC-05 and ERR-01: a wait-until-stopped spin loop with catch (Exception) {} around its sleep (Paho's
    // CommsSender/CommsReceiver/CommsCallback start and stop): the interrupt is dropped and the loop sleeps again

    private static final String SPIN = """
            package a;

            class Worker {
                private volatile boolean running;

                void awaitStopped() {
                    while (running) {
                        WAIT
                        queue.wakeUp();
                    }
                }
            }
            """;

    @Test
    void a_catch_all_around_a_spin_loops_sleep_is_found_and_a_catch_that_restores_and_returns_is_not() {
        List<String> found = items("a/Worker.java", SPIN.replace("WAIT", "try { Thread.sleep(100); } catch (Exception e) { }"));
        assertEquals(List.of("8:CONC-05"), only(found, "CONC-05"));
        assertEquals(List.of("8:ERR-01"), only(found, "ERR-01"));
        List<String> clean = items("a/Worker.java", SPIN.replace("WAIT", """
                try {
                                Thread.sleep(100);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }"""));
        assertEquals(List.of(), only(clean, "CONC-05"));
        assertEquals(List.of(), only(clean, "ERR-01"));
    }

    // CONC-05: an InterruptedException turned into a RuntimeException in a shutdown loop (Eureka's EIP, ENI and Route53
    // binders): the caller gets an exception but the thread no longer knows it was asked to stop

    private static final String UNBIND = """
            package a;

            class Binder {
                void release() {
                    for (String name : names()) {
                        try {
                            unbind(name);
                        } catch (InterruptedException e) {
                            HANDLE
                        }
                    }
                }
            }
            """;

    @Test
    void an_interrupt_wrapped_in_a_runtime_exception_is_found_and_one_restored_before_the_throw_is_not() {
        assertEquals(List.of("8:CONC-05"), only(items("a/Binder.java",
                UNBIND.replace("HANDLE", "throw new RuntimeException(e);")), "CONC-05"));
        assertEquals(List.of(), only(items("a/Binder.java", UNBIND.replace("HANDLE",
                "Thread.currentThread().interrupt();\n                    throw new IllegalStateException(\"interrupted while releasing \" + name, e);")),
                "CONC-05"));
    }

    // CONC-01 (Java): a reader thread whose run() catches only IOException (Paho's CommsReceiver): a RuntimeException
    // from handling one frame ends the receive loop silently. Its false neighbour catches Throwable around each pass
    // (M, Paho's CommsCallback), which the review still reports today; the clean look-alike here sets a handler.

    private static final String READER = """
            package a;

            import java.io.IOException;

            class Reader implements Runnable {
                private volatile boolean running;

                void start(String name) {
                    running = true;
                    Thread t = new Thread(this, name);
                    HANDLER
                    t.start();
                }

                public void run() {
                    while (running) {
                        try {
                            Frame f = in.readFrame();
                            state.received(f);
                        } catch (IOException e) {
                            running = false;
                            owner.connectionLost(e);
                        }
                    }
                }
            }
            """;

    @Test
    void a_reader_thread_that_catches_only_io_errors_is_found_and_one_with_a_handler_is_not() {
        assertEquals(List.of("10:CONC-01"), only(items("a/Reader.java", READER.replace("HANDLER\n", "")), "CONC-01"));
        assertEquals(List.of(), only(items("a/Reader.java", READER.replace("HANDLER",
                "t.setUncaughtExceptionHandler((th, e) -> owner.connectionLost(e));")), "CONC-01"));
    }

    // CONC-07: a keep-alive TimerTask that reschedules itself and catches nothing (Paho's TimerPingSender): one runtime
    // failure kills the Timer's thread, and with it every later ping

    private static final String PINGER = """
            package a;

            import java.util.Timer;
            import java.util.TimerTask;

            class Pinger {
                private Timer timer;

                void start(long delayMillis) {
                    timer = new Timer("ping", true);
                    timer.schedule(new Ping(), delayMillis);
                }

                void again(long delayMillis) {
                    timer.schedule(new Ping(), delayMillis);
                }

                private class Ping extends TimerTask {
                    public void run() {
                        BODY
                    }
                }
            }
            """;

    @Test
    void a_self_rescheduling_timer_task_without_a_catch_is_found_and_a_guarded_one_is_not() {
        assertEquals(List.of("11:CONC-07", "15:CONC-07"), only(items("a/Pinger.java",
                PINGER.replace("BODY", "link.checkActivity();")), "CONC-07"));
        assertEquals(List.of(), only(items("a/Pinger.java", PINGER.replace("BODY", """
                try {
                                link.checkActivity();
                            } catch (Throwable t) {
                                log.warn("keep-alive check failed", t);
                            }""")), "CONC-07"));
    }

    // CONC-01 (Go): a goroutine per accepted connection started from a named method (memberlist's handleConn, yamux's
    // per-ping reply): a panic on one peer's bad input ends the process

    private static final String ACCEPT = """
            package mesh

            import "net"

            func (m *Mesh) acceptLoop(ln net.Listener) {
            \tfor {
            \t\tconn, err := ln.Accept()
            \t\tif err != nil {
            \t\t\treturn
            \t\t}
            \t\tSTART
            \t}
            }
            """;

    @Test
    void a_goroutine_per_connection_is_found_and_one_started_through_a_recovering_helper_is_not() {
        assertEquals(List.of("11:CONC-01"), only(items("mesh/net.go", ACCEPT.replace("START", "go m.serve(conn)")),
                "CONC-01"));
        assertEquals(List.of(), only(items("mesh/net.go", ACCEPT.replace("START", "go m.safely(func() { m.serve(conn) })")
                + "\nfunc (m *Mesh) safely(f func()) {\n\tdefer func() {\n\t\tif r := recover(); r != nil {\n"
                + "\t\t\tm.logger.Printf(\"connection handler panicked: %v\", r)\n\t\t}\n\t}()\n\tf()\n}\n"), "CONC-01"));
    }

    // RES-01 (Go): a listener opened in a loop and leaked on an error return before it reaches the list that the
    // deferred clean-up closes (memberlist's NewNetTransport when resizing the UDP buffer fails)

    private static final String TRANSPORT = """
            package mesh

            import (
            \t"fmt"
            \t"net"
            )

            func NewTransport(addrs []string, port int) (*Transport, error) {
            \tt := &Transport{}
            \tok := false
            \tdefer func() {
            \t\tif !ok {
            \t\t\tt.Shutdown()
            \t\t}
            \t}()
            \tfor _, addr := range addrs {
            \t\tudpAddr := &net.UDPAddr{IP: net.ParseIP(addr), Port: port}
            \t\tudpLn, err := net.ListenUDP("udp", udpAddr)
            \t\tif err != nil {
            \t\t\treturn nil, fmt.Errorf("listen on %s: %v", addr, err)
            \t\t}
            \t\tif err := setReadBuffer(udpLn); err != nil {
            \t\t\tCLOSE
            \t\t\treturn nil, fmt.Errorf("resize the read buffer: %v", err)
            \t\t}
            \t\tt.listeners = append(t.listeners, udpLn)
            \t}
            \tok = true
            \treturn t, nil
            }
            """;

    @Test
    void a_listener_leaked_before_it_joins_the_cleanup_list_is_found_and_one_closed_on_that_return_is_not() {
        assertEquals(List.of("18:RES-01"), only(items("mesh/transport.go", TRANSPORT.replace("\t\t\tCLOSE\n", "")),
                "RES-01"));
        assertEquals(List.of(), only(items("mesh/transport.go", TRANSPORT.replace("CLOSE", "udpLn.Close()")), "RES-01"));
    }

    // TMO-01 (Go): a client library's default dialer with no Timeout used through Dial, which takes no context (redigo's
    // Dial without DialConnectTimeout). Its false neighbour hands a bounded context to DialContext (BQ, the MySQL
    // driver's connector); a change that silences that one must keep this one.

    private static final String DIAL = """
            package kv

            import (
            \t"net"
            \t"time"
            )

            func Dial(network, address string) (*Conn, error) {
            \td := &net.Dialer{DIALER}
            \tc, err := d.Dial(network, address)
            \tif err != nil {
            \t\treturn nil, err
            \t}
            \treturn newConn(c), nil
            }
            """;

    @Test
    void a_default_dialer_without_a_timeout_is_found_and_one_with_a_timeout_is_not() {
        assertEquals(List.of("9:TMO-01"), only(items("kv/dial.go", DIAL.replace("DIALER", "KeepAlive: 5 * time.Minute")),
                "TMO-01"));
        assertEquals(List.of(), only(items("kv/dial.go",
                DIAL.replace("DIALER", "KeepAlive: 5 * time.Minute, Timeout: 10 * time.Second")), "TMO-01"));
    }
}
