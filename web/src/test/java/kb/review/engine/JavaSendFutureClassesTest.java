package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-06, Java: the result of an asynchronous send or dispatch that nobody observes, in two classes.
 *
 * <p>Dropped: an expression statement calling a client whose API returns a future for the call (Spring Kafka's
 * templates, Spring AMQP's AsyncRabbitTemplate, EDC's dispatcher registry, the JDK HttpClient's sendAsync, Vert.x's
 * EventBus.request, an AWS SDK v2 ...AsyncClient). Known by the receiver's declared type, not by the method's name.
 * Look-alikes: the same calls with a callback chained, a returned future, and a blocking client of the same shape.
 *
 * <p>Read at once: the future kept in a local and asked in the next statement whether it failed or is done
 * ({@code isCompletedExceptionally}, {@code getNow}, or on a declared future {@code isDone}/{@code isSuccess}): the
 * work has barely started, so a later failure is never seen. Look-alikes: the same future waited for, observed by a
 * callback, returned, a synchronous result with an {@code isSuccess()} of its own, and a future made already finished.
 *
 * <p>The item: "Every CompletableFuture ... must be observed". The fixtures are written for these tests; findings are
 * compared as "line:rule".
 */
class JavaSendFutureClassesTest {

    private static List<String> futures(String imports, String field, String body) {
        String code = """
                package com.example.billing;

                IMPORTS
                import java.util.concurrent.TimeUnit;

                final class InvoicePublisher {
                    private final FIELD;

                    InvoicePublisher(Object client) {
                        this.client = null;
                    }

                    boolean publish(Invoice invoice) {
                        BODY
                        return true;
                    }
                }
                """.replace("IMPORTS", imports).replace("FIELD", field).replace("BODY", body);
        return GoRound8ClassesTest.item(MetamorphicClassesTest.javaFile(
                "src/main/java/com/example/billing/InvoicePublisher.java", code), "CONC-06").stream()
                .map(s -> s.substring(0, s.indexOf(':'))).toList();
    }

    @Test
    void a_send_or_dispatch_whose_future_is_dropped_is_found_by_the_clients_type() {
        assertEquals(List.of("14"), futures("import org.springframework.kafka.core.KafkaTemplate;",
                "KafkaTemplate<String, Invoice> client", "client.send(\"invoices\", invoice.id(), invoice);"));
        assertEquals(List.of("14"), futures("import org.eclipse.edc.spi.message.RemoteMessageDispatcherRegistry;",
                "RemoteMessageDispatcherRegistry client", "this.client.dispatch(Ack.class, invoice.toMessage());"));
        assertEquals(List.of("14"), futures("import java.net.http.HttpClient;",
                "HttpClient client", "client.sendAsync(invoice.request(), BodyHandlers.discarding());"));
        assertEquals(List.of("14"), futures("import software.amazon.awssdk.services.sqs.SqsAsyncClient;",
                "SqsAsyncClient client", "client.sendMessage(b -> b.queueUrl(QUEUE).messageBody(invoice.json()));"));
    }

    @Test
    void the_same_sends_observed_returned_or_on_a_blocking_client_are_clean() {
        assertEquals(List.of(), futures("import org.springframework.kafka.core.KafkaTemplate;",
                "KafkaTemplate<String, Invoice> client", """
                client.send("invoices", invoice.id(), invoice)
                                .whenComplete((result, failure) -> report(invoice, failure));"""));
        assertEquals(List.of(), futures("import java.net.http.HttpClient;",
                "HttpClient client", "client.send(invoice.request(), BodyHandlers.discarding());"));
        assertEquals(List.of(), futures("import software.amazon.awssdk.services.sqs.SqsClient;",
                "SqsClient client", "client.sendMessage(b -> b.queueUrl(QUEUE).messageBody(invoice.json()));"));
        assertEquals(List.of(), futures("import software.amazon.awssdk.services.sqs.SqsAsyncClient;",
                "SqsAsyncClient client", "client.sendMessage(b -> b.queueUrl(QUEUE)).get(5, TimeUnit.SECONDS);"));
    }

    @Test
    void a_future_asked_at_once_whether_it_failed_is_found() {
        assertEquals(List.of("14"), futures("import org.eclipse.edc.spi.message.RemoteMessageDispatcherRegistry;",
                "RemoteMessageDispatcherRegistry client", """
                var sent = client.dispatch(Ack.class, invoice.toMessage());
                        if (sent.isCompletedExceptionally()) {
                            return false;
                        }"""));
        assertEquals(List.of("14"), futures("import io.netty.channel.Channel;", "Channel client", """
                ChannelFuture written = client.writeAndFlush(invoice.frame());
                        if (!written.isSuccess()) {
                            return false;
                        }"""));
        assertEquals(List.of("14"), futures("import java.util.concurrent.CompletableFuture;", "Sender client", """
                CompletableFuture<Ack> ack = client.post(invoice);
                        log(invoice.id());
                        Ack now = ack.getNow(null);"""));
        assertEquals(List.of("14"), futures("import io.vertx.core.Future;", "Mailer client", """
                Future<Void> mailed = client.mail(invoice.owner(), invoice.pdf());
                        boolean failed = mailed.failed();"""));
    }

    @Test
    void a_future_waited_for_observed_or_returned_and_a_synchronous_result_are_clean() {
        assertEquals(List.of(), futures("import io.netty.channel.Channel;", "Channel client", """
                ChannelFuture written = client.writeAndFlush(invoice.frame()).awaitUninterruptibly();
                        written.sync();
                        if (!written.isSuccess()) {
                            return false;
                        }"""));
        assertEquals(List.of(), futures("import java.util.concurrent.CompletableFuture;", "Sender client", """
                CompletableFuture<Ack> ack = client.post(invoice);
                        ack.whenComplete((a, failure) -> report(invoice, failure));
                        if (ack.isCompletedExceptionally()) {
                            return false;
                        }"""));
        assertEquals(List.of(), futures("import com.example.billing.Gateway;", "Gateway client", """
                var reply = client.charge(invoice);
                        if (!reply.isSuccess()) {
                            return false;
                        }"""));
        assertEquals(List.of(), futures("import java.util.concurrent.CompletableFuture;", "Sender client", """
                var cached = CompletableFuture.completedFuture(invoice);
                        if (cached.isDone()) {
                            return false;
                        }"""));
    }
}
