package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Edits that rewrite a line only to take the bound off a call they keep: a gRPC stub's {@code withDeadlineAfter}
 * cut out of the chain, a Reactor wait's {@code block(Duration)} turned into {@code block()}, a future's
 * {@code get(n, unit)} into {@code get()}, a {@code .timeout(d)} link dropped from a reactive chain. TMO-01: "a
 * deadline on every call", "every outbound call has a timeout"; the old side of the line shows it had one. Clean
 * look-alikes: the bound changed (not removed), the call rewritten as well, the bound moved to another line of the
 * change, a map's {@code get(key)} or a string {@code join} edited, a bound that was off anyway. Fixtures written for
 * this test (findings are "line:item").
 */
class JavaStrippedTimeoutsTest {

    private static List<String> tmo01(String diff) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().equals("TMO-01"))
                .map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    /** An edit of {@code path} at {@code start} whose body holds the hunk's lines with their prefixes. */
    private static String edit(String path, int start, String body) {
        List<String> lines = body.lines().toList();
        long old = lines.stream().filter(l -> !l.startsWith("+")).count();
        long now = lines.stream().filter(l -> !l.startsWith("-")).count();
        StringBuilder d = new StringBuilder("diff --git a/" + path + " b/" + path + "\nindex 1a1a1a1..2b2b2b2 100644\n"
                + "--- a/" + path + "\n+++ b/" + path + "\n@@ -" + start + "," + old + " +" + start + "," + now
                + " @@ class Client {\n");
        lines.forEach(l -> d.append(l).append('\n'));
        return d.toString();
    }

    // --- defects ---

    @Test
    void a_grpc_deadline_cut_from_a_stub_chain_is_reported() {
        assertEquals(List.of("41:TMO-01"), tmo01(edit("src/main/java/acme/rates/RateClient.java", 40, """
                     public Rate rate(String pair) {
                -        return rates.withDeadlineAfter(300, TimeUnit.MILLISECONDS).quote(RateRequest.of(pair));
                +        return rates.quote(RateRequest.of(pair));
                     }
                """)));
    }

    @Test
    void a_reactor_block_with_its_duration_removed_is_reported() {
        assertEquals(List.of("12:TMO-01"), tmo01(edit("src/main/java/acme/cart/CartFacade.java", 10, """
                     Cart load(String id) {
                         Mono<Cart> cart = carts.findById(id);
                -        return cart.block(Duration.ofMillis(cartBudgetMs));
                +        return cart.block();
                     }
                """)));
    }

    @Test
    void a_future_get_with_its_unit_removed_is_reported() {
        assertEquals(List.of("23:TMO-01"), tmo01(edit("src/main/java/acme/search/Fanout.java", 21, """
                         CompletableFuture<Hits> pending = index.searchAsync(q);
                         try {
                -            Hits hits = pending.get(searchSeconds, TimeUnit.SECONDS);
                +            Hits hits = pending.get();
                             return hits.top(10);
                """)));
    }

    @Test
    void a_timeout_link_dropped_from_a_webclient_chain_is_reported() {
        assertEquals(List.of("31:TMO-01"), tmo01(edit("src/main/java/acme/geo/Geocoder.java", 30, """
                         return web.get().uri("/geocode?q={q}", address).retrieve().bodyToMono(Point.class)
                -                .timeout(Duration.ofSeconds(2)).map(Point::rounded);
                +                .map(Point::rounded);
                     }
                """)));
    }

    // --- clean look-alikes ---

    @Test
    void a_deadline_changed_not_removed_is_not_reported() {
        assertEquals(List.of(), tmo01(edit("src/main/java/acme/rates/RateClient.java", 40, """
                     public Rate rate(String pair) {
                -        return rates.withDeadlineAfter(300, TimeUnit.MILLISECONDS).quote(RateRequest.of(pair));
                +        return rates.withDeadlineAfter(800, TimeUnit.MILLISECONDS).quote(RateRequest.of(pair));
                     }
                """)));
    }

    @Test
    void a_bound_moved_to_another_line_of_the_change_is_not_reported() {
        assertEquals(List.of(), tmo01(edit("src/main/java/acme/cart/CartFacade.java", 10, """
                     Cart load(String id) {
                -        Mono<Cart> cart = carts.findById(id);
                -        return cart.block(Duration.ofMillis(cartBudgetMs));
                +        Mono<Cart> cart = carts.findById(id).timeout(Duration.ofMillis(cartBudgetMs));
                +        return cart.block();
                     }
                """)));
    }

    @Test
    void a_bound_moved_into_a_watchdog_that_cancels_the_work_is_not_reported() {
        assertEquals(List.of(), tmo01(edit("src/main/java/acme/search/Fanout.java", 21, """
                         Future<Hits> pending = searchPool.submit(() -> index.search(q));
                +        ScheduledFuture<?> stop = timers.schedule(() -> pending.cancel(true), searchMillis, TimeUnit.MILLISECONDS);
                         try {
                -            return pending.get(searchMillis, TimeUnit.MILLISECONDS);
                +            return pending.get();
                         } catch (CancellationException e) {
                """)));
    }

    @Test
    void a_rewritten_call_and_a_map_get_are_not_reported() {
        assertEquals(List.of(), tmo01(edit("src/main/java/acme/search/Fanout.java", 21, """
                         CompletableFuture<Hits> pending = index.searchAsync(q);
                         try {
                -            Hits hits = pending.get(searchSeconds, TimeUnit.SECONDS);
                -            String label = labels.get(q.key());
                +            Hits hits = cache.lookup(q).orElseThrow();
                +            String label = labels.get();
                             return hits.top(10);
                """)));
    }

    @Test
    void a_string_join_edited_and_a_bound_that_was_off_are_not_reported() {
        assertEquals(List.of(), tmo01(edit("src/main/java/acme/geo/Geocoder.java", 30, """
                         String q = String.join(",", parts);
                -        worker.join(0);
                -        String csv = names.stream().collect(Collectors.joining(", "));
                +        worker.join();
                +        String csv = names.stream().collect(Collectors.joining());
                     }
                """)));
    }
}
