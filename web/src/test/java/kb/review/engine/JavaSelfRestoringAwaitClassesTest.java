package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-05, Java (set 15, class JG): a catch of Exception or Throwable whose try blocks only in Mutiny's blocking
 * await ({@code uni.await().indefinitely()}, {@code .await().atMost(timeout)}, {@code .await().asOptional()...}, a
 * Multi collected and awaited). Mutiny catches the InterruptedException inside the await, sets the thread's flag
 * again and throws a CompletionException: the interrupt is restored before the catch-all sees anything, which is
 * what the item asks ("restore the flag"). The defects keep the same catch-all around a blocking call that throws the
 * InterruptedException itself (a latch's or a Condition's await, a future's get, a sleep), alone or beside a Mutiny
 * await. The fixtures are written for these tests; findings are compared by rule (the catch is the only candidate).
 */
class JavaSelfRestoringAwaitClassesTest {

    private static final String RULE = "java-interrupt-lost-in-catch-all";

    private static List<String> conc05(String tryBody) {
        String code = """
                package com.example.ledger;

                import java.time.Duration;

                final class LedgerSync {
                    boolean sync(Ledger ledger) {
                        try {
                            BODY
                            return true;
                        } catch (Exception e) {
                            log.warn("ledger sync failed", e);
                            return false;
                        }
                    }
                }
                """.replace("BODY", tryBody);
        return GoRound8ClassesTest.item(MetamorphicClassesTest.javaFile(
                "src/main/java/com/example/ledger/LedgerSync.java", code), "CONC-05").stream()
                .map(f -> f.substring(f.indexOf(':') + 1)).toList();
    }

    @Test
    void mutiny_awaits_restore_the_interrupt_themselves() {
        assertEquals(List.of(), conc05("ledger.pushPending().await().indefinitely();"));
        assertEquals(List.of(), conc05("""
                Balance b = ledger.balance()
                                    .await()
                                    .atMost(Duration.ofSeconds(5));
                            ledger.record(b);"""));
        assertEquals(List.of(), conc05("""
                ledger.lookup(id).await().asOptional().indefinitely().ifPresent(ledger::apply);"""));
        assertEquals(List.of(), conc05("""
                List<Entry> entries = ledger.entries().collect().asList().await().atMost(timeout);
                            entries.forEach(ledger::apply);"""));
    }

    @Test
    void a_catch_all_around_an_await_that_throws_the_interrupt_keeps_the_finding() {
        assertEquals(List.of(RULE), conc05("settled.await();"));
        assertEquals(List.of(RULE), conc05("""
                ledger.pushPending().await().indefinitely();
                            drained.await(5, TimeUnit.SECONDS);"""));
        assertEquals(List.of(RULE), conc05("""
                ledger.pushPending().await().indefinitely();
                            Thread.sleep(backoff.toMillis());"""));
        assertEquals(List.of(RULE), conc05("""
                Future<Balance> balanceFuture = ledger.balanceAsync();
                            ledger.record(balanceFuture.get());"""));
    }
}
