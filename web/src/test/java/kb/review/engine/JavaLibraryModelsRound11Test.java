package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java library models of round 11 (content/rules/models/java-libraries-5.yaml), picked by popularity, context
 * part: the closeable logging contexts of SLF4J and Log4j 2 and Spring's request holder copied onto a worker
 * (CONC-04). The round's connections, streams and built-once clients are in JavaLibraryModelsRound11ConnectionsTest,
 * JavaLibraryModelsRound11StreamsTest and JavaLibraryModelsRound11ClientsTest, which share {@code items}. Each defect
 * is paired with the look-alike real code writes when it honours the duty; the fixtures are written for these tests
 * from each library's API. Findings are compared as "line:item".
 */
class JavaLibraryModelsRound11Test {

    static List<String> items(String path, String source) {
        return TestRules.reviewDiff(JavaModelsRound7Test.newFile(path, source)).active().stream()
                .filter(f -> f.item().startsWith("RES-") || f.item().startsWith("TMO-") || f.item().equals("CONC-04"))
                .map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    @Test
    void log4j_closeable_context_closed_after_the_work_is_reported() {
        assertEquals(List.of("9:CONC-04"), items("src/main/java/a/Checkout.java", """
                package a;

                import org.apache.logging.log4j.CloseableThreadContext;

                public class Checkout {
                    private final Payments payments = new Payments();

                    public void pay(String orderId, String user) {
                        CloseableThreadContext.Instance context =
                                CloseableThreadContext.put("order", orderId).put("user", user);
                        payments.charge(orderId);
                        context.close();
                    }
                }
                """));
    }

    @Test
    void log4j_closeable_context_in_try_with_resources_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Checkout.java", """
                package a;

                import org.apache.logging.log4j.CloseableThreadContext;

                public class Checkout {
                    private final Payments payments = new Payments();

                    public void pay(String orderId, String user) {
                        try (CloseableThreadContext.Instance context =
                                CloseableThreadContext.put("order", orderId).put("user", user)) {
                            payments.charge(orderId);
                        }
                    }
                }
                """));
    }

    @Test
    void slf4j_mdc_closeable_closed_by_hand_is_reported() {
        assertEquals(List.of("9:CONC-04"), items("src/main/java/a/Importer.java", """
                package a;

                import org.slf4j.MDC;

                public class Importer {
                    private final Rows rows = new Rows();

                    public void load(String batch) {
                        MDC.MDCCloseable tag = MDC.putCloseable("batch", batch);
                        rows.insertAll(batch);
                        tag.close();
                    }
                }
                """));
    }

    @Test
    void slf4j_mdc_closeable_in_try_with_resources_is_clean() {
        assertEquals(List.of(), items("src/main/java/a/Importer.java", """
                package a;

                import org.slf4j.MDC;

                public class Importer {
                    private final Rows rows = new Rows();

                    public void load(String batch) {
                        try (MDC.MDCCloseable tag = MDC.putCloseable("batch", batch)) {
                            rows.insertAll(batch);
                        }
                    }
                }
                """));
    }

    @Test
    void request_attributes_reset_only_after_success_are_reported() {
        assertEquals(List.of("12:CONC-04"), items("src/main/java/a/RequestCopyingDecorator.java", """
                package a;

                import org.springframework.core.task.TaskDecorator;
                import org.springframework.web.context.request.RequestAttributes;
                import org.springframework.web.context.request.RequestContextHolder;

                public class RequestCopyingDecorator implements TaskDecorator {
                    @Override
                    public Runnable decorate(Runnable task) {
                        RequestAttributes caller = RequestContextHolder.currentRequestAttributes();
                        return () -> {
                            RequestContextHolder.setRequestAttributes(caller);
                            task.run();
                            RequestContextHolder.resetRequestAttributes();
                        };
                    }
                }
                """));
    }

    @Test
    void request_attributes_reset_in_finally_are_clean() {
        assertEquals(List.of(), items("src/main/java/a/RequestCopyingDecorator.java", """
                package a;

                import org.springframework.core.task.TaskDecorator;
                import org.springframework.web.context.request.RequestAttributes;
                import org.springframework.web.context.request.RequestContextHolder;

                public class RequestCopyingDecorator implements TaskDecorator {
                    @Override
                    public Runnable decorate(Runnable task) {
                        RequestAttributes caller = RequestContextHolder.currentRequestAttributes();
                        return () -> {
                            RequestContextHolder.setRequestAttributes(caller);
                            try {
                                task.run();
                            } finally {
                                RequestContextHolder.resetRequestAttributes();
                            }
                        };
                    }
                }
                """));
    }

    @Test
    void request_attributes_restored_to_the_previous_in_finally_are_clean() {
        assertEquals(List.of(), items("src/main/java/a/RequestCopyingDecorator.java", """
                package a;

                import org.springframework.core.task.TaskDecorator;
                import org.springframework.web.context.request.RequestAttributes;
                import org.springframework.web.context.request.RequestContextHolder;

                public class RequestCopyingDecorator implements TaskDecorator {
                    @Override
                    public Runnable decorate(Runnable task) {
                        RequestAttributes caller = RequestContextHolder.currentRequestAttributes();
                        return () -> {
                            RequestAttributes previous = RequestContextHolder.getRequestAttributes();
                            RequestContextHolder.setRequestAttributes(caller);
                            try {
                                task.run();
                            } finally {
                                RequestContextHolder.setRequestAttributes(previous);
                            }
                        };
                    }
                }
                """));
    }
}
