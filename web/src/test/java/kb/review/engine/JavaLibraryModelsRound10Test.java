package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java library models of round 10 (content/rules/models/java-libraries-3.yaml), picked by popularity, threads
 * part: thread pools, timers and Vert.x instances meant to be built once (RES-04). The round's clients and pools,
 * handles left open and waits without limit are in JavaLibraryModelsRound10ClientsTest,
 * JavaLibraryModelsRound10HandlesTest and JavaLibraryModelsRound10TimeoutsTest, which share {@code items}. Each defect
 * is paired with the look-alike real code writes when it honours the duty. Findings are compared as "line:item" for
 * the resource and timeout items; the fixtures are written for these tests from each library's API.
 */
class JavaLibraryModelsRound10Test {

    static List<String> items(String path, String source) {
        return TestRules.reviewDiff(JavaModelsRound7Test.newFile(path, source)).active().stream()
                .filter(f -> f.item().startsWith("RES-") || f.item().startsWith("TMO-"))
                .map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    // --- RES-04: a ThreadPoolExecutor built per call / once in the constructor ---

    @Test
    void thread_pool_executor_built_per_call_is_reported() {
        assertEquals(List.of("13:RES-04"), items("src/main/java/a/Thumbnails.java", """
                package a;

                import java.util.List;
                import java.util.concurrent.ArrayBlockingQueue;
                import java.util.concurrent.ThreadPoolExecutor;
                import java.util.concurrent.TimeUnit;

                public class Thumbnails {
                    private final Scaler scaler = new Scaler();

                    public void render(List<String> images) {
                        ThreadPoolExecutor pool =
                                new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64));
                        for (String image : images) {
                            pool.execute(() -> scaler.scale(image));
                        }
                    }
                }
                """));
    }

    @Test
    void thread_pool_executor_built_in_the_constructor_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Thumbnails.java", """
                package a;

                import java.util.List;
                import java.util.concurrent.ArrayBlockingQueue;
                import java.util.concurrent.ThreadPoolExecutor;
                import java.util.concurrent.TimeUnit;

                public class Thumbnails {
                    private final Scaler scaler = new Scaler();
                    private final ThreadPoolExecutor pool;

                    public Thumbnails() {
                        pool = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64));
                    }

                    public void render(List<String> images) {
                        for (String image : images) {
                            pool.execute(() -> scaler.scale(image));
                        }
                    }
                }
                """));
    }

    @Test
    void thread_pool_executor_shut_down_by_the_call_in_finally_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Thumbnails.java", """
                package a;

                import java.util.List;
                import java.util.concurrent.ArrayBlockingQueue;
                import java.util.concurrent.ThreadPoolExecutor;
                import java.util.concurrent.TimeUnit;

                public class Thumbnails {
                    private final Scaler scaler = new Scaler();

                    public void render(List<String> images) {
                        ThreadPoolExecutor pool =
                                new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64));
                        try {
                            for (String image : images) {
                                pool.execute(() -> scaler.scale(image));
                            }
                        } finally {
                            pool.shutdown();
                        }
                    }
                }
                """));
    }

    // --- RES-04: a java.util.Timer (one thread each) per call / a shared daemon timer ---

    @Test
    void timer_built_per_call_is_reported() {
        assertEquals(List.of("8:RES-04"), items("src/main/java/a/Reminders.java", """
                package a;

                import java.util.Timer;
                import java.util.TimerTask;

                public class Reminders {
                    public void remindLater(Mailer mailer, String user, long delayMillis) {
                        Timer timer = new Timer();
                        timer.schedule(new TimerTask() {
                            @Override
                            public void run() {
                                mailer.remind(user);
                            }
                        }, delayMillis);
                    }
                }
                """));
    }

    @Test
    void timer_kept_in_a_field_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Reminders.java", """
                package a;

                import java.util.Timer;
                import java.util.TimerTask;

                public class Reminders {
                    private final Timer timer = new Timer("reminders", true);

                    public void remindLater(Mailer mailer, String user, long delayMillis) {
                        timer.schedule(new TimerTask() {
                            @Override
                            public void run() {
                                mailer.remind(user);
                            }
                        }, delayMillis);
                    }
                }
                """));
    }

    // --- RES-04: a Vert.x instance per call / in main ---

    @Test
    void vertx_per_call_is_reported() {
        assertEquals(List.of("7:RES-04"), items("src/main/java/a/Notifier.java", """
                package a;

                import io.vertx.core.Vertx;

                public class Notifier {
                    public void notifyLater(Runnable task, long delayMillis) {
                        Vertx vertx = Vertx.vertx();
                        vertx.setTimer(delayMillis, id -> task.run());
                    }
                }
                """));
    }

    @Test
    void vertx_in_main_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Notifier.java", """
                package a;

                import io.vertx.core.Vertx;

                public class Notifier {
                    public static void main(String[] args) {
                        Vertx vertx = Vertx.vertx();
                        vertx.deployVerticle(new NotifierVerticle());
                    }
                }
                """));
    }
}
