package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Session 25's breadth cases: Java error-handling and async fixes of libraries no held-out round used, each written
 * anew (own names and code) from the shape of a real fix thread, with a clean look-alike:
 * <ul>
 *   <li>a Pulsar message builder's sendAsync dropped by a change-data-capture producer (alibaba/canal#5256);</li>
 *   <li>a Pulsar sink's sendAsync acknowledged in thenAccept with no failure step (apache/pulsar#3668);</li>
 *   <li>a gRPC StreamObserver whose onError does not log the throwable (spiffe/java-spiffe#21);</li>
 *   <li>a dispatcher's rejection handed to an HTTP callback as a new IOException of the message only
 *       (square/okhttp#4153);</li>
 *   <li>a NETCONF client that rethrows with only the message (Juniper/netconf-java#52);</li>
 *   <li>a Guava listening executor's future dropped, against one given to Futures.addCallback (google/guava#2704,
 *       prestodb/presto#10556).</li>
 * </ul>
 */
class JavaAsyncFailureBreadthTest {

    private static final String PATH = "src/main/java/com/acme/bridge/Bridge.java";

    private static List<String> review(String code, String item) {
        return JavaS25Cases.review(PATH, code, item);
    }

    @Test
    void a_change_record_sent_async_through_a_message_builder_and_dropped_is_found() {
        String code = """
                class RowChangeProducer {
                    void emit(RowChange change, int partition) {
                        producer.newMessage()
                                .property("partition", String.valueOf(partition))
                                .value(codec.encode(change))
                                .sendAsync();
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "producer.newMessage()", "java-async-write-future-dropped"),
                review(code, "CONC-06"));
    }

    @Test
    void a_sink_that_acknowledges_after_send_async_without_a_failure_step_is_found() {
        String code = """
                class TopicSink {
                    void write(Record record, TypedMessageBuilder<byte[]> message) {
                        message.sendAsync().thenAccept(id -> record.ack());
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "message.sendAsync()", "java-future-ignored"), review(code, "CONC-06"));
    }

    @Test
    void a_sink_that_fails_the_record_on_a_failed_send_is_clean() {
        String code = """
                class TopicSink {
                    void write(Record record, TypedMessageBuilder<byte[]> message) {
                        message.sendAsync()
                                .thenAccept(id -> record.ack())
                                .exceptionally(ex -> {
                                    record.fail();
                                    return null;
                                });
                    }
                }
                """;
        assertEquals(List.of(), review(code, "CONC-06"));
    }

    @Test
    void an_identity_watcher_whose_on_error_drops_the_throwable_is_found() {
        String code = """
                class BundleWatcher {
                    StreamObserver<BundleReply> observer(Runnable retry) {
                        return new StreamObserver<BundleReply>() {
                            public void onNext(BundleReply reply) {
                                bundles.update(reply);
                            }

                            public void onError(Throwable error) {
                                retry.run();
                            }

                            public void onCompleted() {
                            }
                        };
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "public void onError(", "java-failure-callback-method-drops-error"),
                review(code, "ERR-01"));
    }

    @Test
    void a_rejected_enqueue_handed_to_the_callback_without_its_cause_is_found() {
        String code = """
                class AsyncRequests {
                    void enqueue(Call call, Callback callback) {
                        try {
                            dispatcher.execute(new Exchange(call, callback));
                        } catch (RejectedExecutionException rejected) {
                            callback.onFailure(call, new IOException(rejected.getMessage()));
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "callback.onFailure(", "java-rethrow-drops-cause"), review(code, "ERR-01"));
    }

    @Test
    void a_rejected_enqueue_handed_on_with_its_cause_is_clean() {
        String code = """
                class AsyncRequests {
                    void enqueue(Call call, Callback callback) {
                        try {
                            dispatcher.execute(new Exchange(call, callback));
                        } catch (RejectedExecutionException rejected) {
                            callback.onFailure(call, new IOException("dispatcher refused the call", rejected));
                        }
                    }
                }
                """;
        assertEquals(List.of(), review(code, "ERR-01"));
    }

    @Test
    void a_device_session_rethrowing_only_the_message_is_found() {
        String code = """
                class DeviceSession {
                    String rpc(String request) throws DeviceException {
                        try {
                            return transport.exchange(request);
                        } catch (JSchException | IOException e) {
                            throw new DeviceException(e.getMessage());
                        }
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "throw new DeviceException", "java-rethrow-drops-cause"),
                review(code, "ERR-01"));
    }

    @Test
    void a_listening_executor_future_dropped_is_found() {
        String code = """
                class ShardRecovery {
                    void recover(ShardId shard) {
                        recoveryExecutor.submit(() -> restore(shard));
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "recoveryExecutor.submit(", "java-future-ignored"), review(code, "CONC-06"));
    }

    @Test
    void a_listening_executor_future_given_a_failure_callback_is_clean() {
        String code = """
                class ShardRecovery {
                    void recover(ShardId shard) {
                        Futures.addCallback(recoveryExecutor.submit(() -> restore(shard)),
                                failureCallback(t -> log.warn("recovery of {} failed", shard, t)), directExecutor());
                    }
                }
                """;
        assertEquals(List.of(), review(code, "CONC-06"));
    }
}
