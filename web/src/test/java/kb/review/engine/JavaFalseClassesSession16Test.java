package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Java classes of FALSE findings of the held-out precision sets 4 to 9 (web/src/test/bench/realfixes/
 * precision-judgments-*.tsv), each pinned next to the defect of the same shape, which must still be found. The code is
 * written for this test, in the shape of the judged code; findings are compared as "line:item".
 *
 * <p>M, threads (CONC-01): CONC-01 asks that an exception not kill a thread silently. A thread whose task is written
 * inline and leaves nothing uncaught, every statement a {@code try} whose catch of Exception or Throwable does not
 * rethrow (after, at most, a sleep whose interrupt is caught), has no exception for a handler to see: its own catch is
 * the report. A task that catches only the checked exceptions of its work (IOException, InterruptedException), or does
 * work outside its guard, still lets a runtime failure end the thread with no handler: still reported.
 *
 * <p>M, overloads (CONC-06): a dropped future is harmless when the task only calls a method that catches everything
 * (the item's "catch and log inside the task"). The call {@code send(id, emitter)} can only be the two-parameter
 * method of that name: a no-argument {@code send()} beside it, which does not catch everything, is another method, and
 * no longer makes the guarded call look unguarded. When the two-argument method itself does not catch, the dropped
 * future is still reported.
 */
class JavaFalseClassesSession16Test {

    private static List<String> pasted(String diff, String item) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().equals(item))
                .map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    private static String newFile(String path, String code) {
        StringBuilder d = new StringBuilder("diff --git a/" + path + " b/" + path + "\nnew file mode 100644\n--- /dev/null\n+++ b/"
                + path + "\n");
        String[] lines = code.split("\n", -1);
        int n = code.endsWith("\n") ? lines.length - 1 : lines.length;
        d.append("@@ -0,0 +1,").append(n).append(" @@\n");
        for (int i = 0; i < n; i++) {
            d.append('+').append(lines[i]).append('\n');
        }
        return d.toString();
    }

    private static final String STOPPER = """
            package org.acme.admin;

            import org.slf4j.Logger;
            import org.slf4j.LoggerFactory;

            class Stopper {
                private static final Logger log = LoggerFactory.getLogger(Stopper.class);
                private final Commands commands;

                Stopper(Commands commands) {
                    this.commands = commands;
                }

                void stopLater(int delayMs) {
                    Thread stopper = new Thread(() -> {
                        try {
                            if (delayMs > 0) {
                                Thread.sleep(delayMs);
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        try {
                            commands.run("stop");
                        } catch (CATCH e) {
                            log.error("stop failed", e);
                        }
                    }, "stopper");
                    stopper.setDaemon(true);
                    stopper.start();
                }
            }
            """;

    @Test
    void a_thread_whose_inline_task_catches_everything_needs_no_handler() {
        assertEquals(List.of(), pasted(newFile("src/main/java/org/acme/admin/Stopper.java",
                STOPPER.replace("CATCH", "Throwable")), "CONC-01"));
    }

    @Test
    void a_thread_whose_task_catches_only_checked_exceptions_is_still_reported() {
        assertEquals(List.of("15:CONC-01"), pasted(newFile("src/main/java/org/acme/admin/Stopper.java",
                STOPPER.replace("CATCH", "java.io.IOException")), "CONC-01"));
    }

    private static final String VERSION_CHECK = """
            package org.acme.banner;

            import java.io.InputStream;
            import java.net.URL;

            class VersionCheck {
                static String latest(String url) throws InterruptedException {
                    final String[] version = {""};
                    Thread t = new Thread(new Runnable() {
                        @Override
                        public void run() {
                            BEFORE
                            try (InputStream in = new URL(url).openStream()) {
                                version[0] = new String(in.readAllBytes()).trim();
                            } catch (Exception e) {
                                HANDLE
                            }
                        }
                    });
                    t.setDaemon(true);
                    t.start();
                    t.join(2000);
                    return version[0];
                }
            }
            """;

    @Test
    void an_anonymous_runnable_wholly_inside_a_catch_all_needs_no_handler() {
        assertEquals(List.of(), pasted(newFile("src/main/java/org/acme/banner/VersionCheck.java",
                VERSION_CHECK.replace("BEFORE", "").replace("HANDLE", "System.err.println(e);")), "CONC-01"));
    }

    @Test
    void work_outside_the_guard_or_a_rethrow_leaves_the_thread_to_die_silently() {
        String outside = VERSION_CHECK.replace("BEFORE", "version[0] = url.substring(url.indexOf('?') + 1);")
                .replace("HANDLE", "System.err.println(e);");
        assertEquals(List.of("9:CONC-01"), pasted(newFile("src/main/java/org/acme/banner/VersionCheck.java", outside),
                "CONC-01"));
        String rethrow = VERSION_CHECK.replace("BEFORE", "").replace("HANDLE", "throw new IllegalStateException(e);");
        assertEquals(List.of("9:CONC-01"), pasted(newFile("src/main/java/org/acme/banner/VersionCheck.java", rethrow),
                "CONC-01"));
    }

    @Test
    void a_server_loop_that_returns_outside_its_guard_is_still_reported() {
        // the judged-true shape of set 9 (an accept loop with a check before its try) keeps its finding
        String code = """
                package org.acme.probe;

                import java.io.OutputStream;
                import java.net.ServerSocket;
                import java.net.Socket;

                class PongServer {
                    private volatile boolean stopped;

                    void start(ServerSocket server) {
                        Thread t = new Thread(() -> {
                            while (true) {
                                if (stopped) {
                                    return;
                                }
                                try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                                    out.write(1);
                                } catch (Exception e) {
                                    System.err.println(e);
                                }
                            }
                        }, "pong");
                        t.start();
                    }
                }
                """;
        assertEquals(List.of("11:CONC-01"), pasted(newFile("src/main/java/org/acme/probe/PongServer.java", code),
                "CONC-01"));
    }

    private static final String HEARTBEATS = """
            package org.acme.sse;

            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.RejectedExecutionException;
            import org.slf4j.Logger;
            import org.slf4j.LoggerFactory;

            class Heartbeats {
                private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);
                private final Map<Long, Emitter> emitters = new ConcurrentHashMap<>();
                private final ExecutorService senders;

                Heartbeats(ExecutorService senders) {
                    this.senders = senders;
                }

                void send() {
                    for (Map.Entry<Long, Emitter> e : emitters.entrySet()) {
                        Long id = e.getKey();
                        Emitter emitter = e.getValue();
                        try {
                            senders.submit(() -> send(id, emitter));
                        } catch (RejectedExecutionException rejected) {
                            log.warn("heartbeat for {} not scheduled", id, rejected);
                        }
                    }
                }

                private void send(Long id, Emitter emitter) {
                    try {
                        emitter.comment("heartbeat");
                    } catch (CATCH ex) {
                        log.error("heartbeat to {} failed", id, ex);
                        emitters.remove(id);
                    }
                }
            }
            """;

    @Test
    void a_task_calling_a_guarded_overload_is_not_confused_with_its_unguarded_namesake() {
        assertEquals(List.of(), pasted(newFile("src/main/java/org/acme/sse/Heartbeats.java",
                HEARTBEATS.replace("CATCH", "Exception")), "CONC-06"));
    }

    @Test
    void a_task_calling_an_overload_that_does_not_catch_everything_is_still_reported() {
        assertEquals(List.of("24:CONC-06"), pasted(newFile("src/main/java/org/acme/sse/Heartbeats.java",
                HEARTBEATS.replace("CATCH", "java.io.IOException")), "CONC-06"));
    }
}
