package kb.review.engine;

import static kb.review.engine.LifecycleRulesTest.newFile;
import static kb.review.engine.Round5ClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Java classes of thread-bound code the round-8 held-out corpus showed the review missing: a project's own per-thread
 * holder set without its clear in finally, a submit that returns no future (a SubmissionPublisher's, not an
 * executor's), and a pool built per call and only lent to the stages it returns, each next to the look-alike the
 * same rule must stay silent on. Split from {@link JavaRound9ClassesTest}; findings are compared as "line:item" and
 * the fixtures are written for these tests, not taken from any corpus.
 */
class JavaRound9ThreadClassesTest {

    // --- class 4: a project's own per-thread holder set without the clear in finally ---

    @Test
    void a_static_setter_of_a_holder_out_of_sight_without_its_clear_in_finally_is_reported() {
        String diff = newFile("src/main/java/a/ReportJob.java", """
                package a;

                class ReportJob {
                    private final ReportService reports;

                    ReportJob(ReportService reports) {
                        this.reports = reports;
                    }

                    void runFor(String tenant) {
                        DataSourceContextHolder.setDataSource(tenant);
                        reports.rebuild();
                        DataSourceContextHolder.clearDataSource();
                    }

                    void handle(Request r) {
                        RequestScope.setCurrentRequest(r);
                        reports.serve(r);
                    }
                }
                """);
        assertEquals(List.of("11:CONC-04", "17:CONC-04"), items(diff));
    }

    @Test
    void a_holder_cleared_in_finally_or_by_its_paired_hook_and_a_plain_static_setter_are_clean() {
        String diff = newFile("src/main/java/a/ReportJob.java", """
                package a;

                class ReportJob {
                    private final ReportService reports;

                    ReportJob(ReportService reports) {
                        this.reports = reports;
                    }

                    void runFor(String tenant) {
                        DataSourceContextHolder.setDataSource(tenant);
                        try {
                            reports.rebuild();
                        } finally {
                            DataSourceContextHolder.clearDataSource();
                        }
                    }

                    void configure(String zone) {
                        Settings.setDefaultZone(zone);
                        SSLContext.setDefault(null);
                        reports.rebuild();
                    }
                }

                class TenantAspect {
                    void before(String tenant) {
                        TenantHolder.set(tenant);
                    }

                    void after() {
                        TenantHolder.remove();
                    }
                }
                """);
        assertEquals(List.of(), items(diff));
    }

    // --- set 4, class AX: a submit that returns no future ---

    @Test
    void a_submission_publishers_submit_is_not_a_dropped_future_but_an_executors_is() {
        String diff = newFile("src/main/java/a/Feed.java", """
                package a;

                import java.util.List;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Flow;
                import java.util.concurrent.SubmissionPublisher;

                class Feed {
                    private final ExecutorService workers;

                    Feed(ExecutorService workers) {
                        this.workers = workers;
                    }

                    Flow.Publisher<String> publish(List<String> lines) {
                        var publisher = new SubmissionPublisher<String>();
                        workers.submit(() -> {
                            for (String l : lines) {
                                publisher.submit(l);
                            }
                            publisher.close();
                        });
                        return publisher;
                    }
                }
                """);
        assertEquals(List.of("17:CONC-06"), items(diff));
    }

    // --- class 3: a pool built per call and only lent to the stages it returns ---

    @Test
    void a_pool_built_per_call_and_lent_to_the_returned_async_stage_is_reported() {
        String diff = newFile("src/main/java/a/Lookup.java", """
                package a;

                import java.util.concurrent.CompletableFuture;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Lookup {
                    CompletableFuture<Price> price(String sku, Catalog catalog) {
                        ExecutorService io = Executors.newFixedThreadPool(2);
                        return CompletableFuture.supplyAsync(() -> catalog.price(sku), io)
                                .thenApplyAsync(Price::rounded, io);
                    }
                }
                """);
        assertEquals(List.of("9:CONC-02", "9:RES-04"), items(diff));
    }

    @Test
    void a_pool_built_for_the_call_and_shut_down_by_it_or_handed_to_a_returned_owner_is_clean() {
        String diff = newFile("src/main/java/a/Lookup.java", """
                package a;

                import java.util.concurrent.CompletableFuture;
                import java.util.concurrent.ExecutorService;
                import java.util.concurrent.Executors;

                class Lookup {
                    Price price(String sku, Catalog catalog) {
                        ExecutorService io = Executors.newFixedThreadPool(2);
                        try {
                            return CompletableFuture.supplyAsync(() -> catalog.price(sku), io).join();
                        } finally {
                            io.shutdown();
                        }
                    }

                    PriceFeed feed(Catalog catalog) {
                        ExecutorService io = Executors.newFixedThreadPool(2);
                        return new PriceFeed(catalog, io);
                    }
                }
                """);
        // session 49 (pool49): the pool of two made, awaited and shut down by price() is this call's own (a thread per
        // call at worst, RES-04's); the one handed to the returned PriceFeed outlives the call and stays
        assertEquals(List.of("18:CONC-02"), items(diff));
    }
}
