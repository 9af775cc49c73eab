package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ERR-01, Java (session 25): the failure method of a callback object that never reads its throwable: gRPC's
 * StreamObserver.onError, Guava's FutureCallback.onFailure, OkHttp's Callback.onFailure, Kafka's producer
 * Callback.onCompletion, NIO's CompletionHandler.failed, Reactor's BaseSubscriber.hookOnError. The asynchronous
 * failure's last receiver drops it. The look-alikes log it, hand it to a future, say why in a comment, or are an
 * interface's default.
 */
class JavaFailureCallbackMethodClassesTest {

    private static final String PATH = "src/main/java/com/acme/rpc/Calls.java";
    private static final String RULE = "java-failure-callback-method-drops-error";

    private static List<String> err(String code) {
        return JavaS25Cases.review(PATH, code, "ERR-01");
    }

    @Test
    void a_grpc_observer_whose_on_error_only_counts_down_is_found() {
        String code = """
                class Calls {
                    void watch(WatchRequest request, CountDownLatch done) {
                        stub.watch(request, new StreamObserver<WatchEvent>() {
                            @Override
                            public void onNext(WatchEvent event) {
                                events.add(event);
                            }

                            @Override
                            public void onError(Throwable t) {
                                done.countDown();
                            }

                            @Override
                            public void onCompleted() {
                                done.countDown();
                            }
                        });
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "public void onError(", RULE), err(code));
    }

    @Test
    void an_empty_guava_on_failure_is_found() {
        String code = """
                class Calls {
                    void refresh(ListenableFuture<Token> pending) {
                        Futures.addCallback(pending, new FutureCallback<Token>() {
                            public void onSuccess(Token token) {
                                current.set(token);
                            }

                            public void onFailure(Throwable cause) {
                            }
                        }, directExecutor());
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "public void onFailure(", RULE), err(code));
    }

    @Test
    void an_okhttp_failure_that_only_releases_a_permit_is_found() {
        String code = """
                class Calls {
                    void post(Request request) {
                        client.newCall(request).enqueue(new Callback() {
                            @Override
                            public void onFailure(Call call, IOException e) {
                                inFlight.release();
                            }

                            @Override
                            public void onResponse(Call call, Response response) {
                                response.close();
                                inFlight.release();
                            }
                        });
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "public void onFailure(", RULE), err(code));
    }

    @Test
    void a_kafka_completion_callback_that_ignores_its_exception_is_found() {
        String code = """
                class SentCounter implements Callback {
                    @Override
                    public void onCompletion(RecordMetadata metadata, Exception exception) {
                        sent.incrementAndGet();
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "public void onCompletion(", RULE), err(code));
    }

    @Test
    void a_completion_handler_failure_that_only_recycles_its_buffer_is_found() {
        String code = """
                class Writes implements CompletionHandler<Integer, ByteBuffer> {
                    public void completed(Integer written, ByteBuffer buffer) {
                        pool.recycle(buffer);
                    }

                    public void failed(Throwable exc, ByteBuffer buffer) {
                        pool.recycle(buffer);
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "public void failed(", RULE), err(code));
    }

    @Test
    void a_reactor_subscriber_hook_that_only_flags_done_is_found() {
        String code = """
                class Drain extends BaseSubscriber<Chunk> {
                    @Override
                    protected void hookOnError(Throwable throwable) {
                        finished.set(true);
                    }
                }
                """;
        assertEquals(JavaS25Cases.at(code, "protected void hookOnError(", RULE), err(code));
    }

    @Test
    void an_observer_that_logs_its_error_is_clean() {
        String code = """
                class Calls {
                    StreamObserver<Ack> acks() {
                        return new StreamObserver<Ack>() {
                            public void onNext(Ack ack) {
                                pending.remove(ack.id());
                            }

                            public void onError(Throwable t) {
                                log.warn("ack stream failed", t);
                            }

                            public void onCompleted() {
                            }
                        };
                    }
                }
                """;
        assertEquals(List.of(), err(code));
    }

    @Test
    void a_failure_handed_to_the_callers_future_is_clean() {
        String code = """
                class Calls {
                    void call(Request request, SettableFuture<Reply> result) {
                        client.newCall(request).enqueue(new Callback() {
                            public void onFailure(Call call, IOException e) {
                                result.setException(e);
                            }

                            public void onResponse(Call call, Response response) {
                                result.set(parse(response));
                            }
                        });
                    }
                }
                """;
        assertEquals(List.of(), err(code));
    }

    @Test
    void a_comment_that_says_why_is_clean() {
        String code = """
                class Calls {
                    void keepAlive() {
                        stub.ping(PING, new StreamObserver<Pong>() {
                            public void onNext(Pong pong) {
                                lastPong = System.nanoTime();
                            }

                            public void onError(Throwable t) {
                                // a missed ping is detected by the staleness check of lastPong
                            }

                            public void onCompleted() {
                            }
                        });
                    }
                }
                """;
        assertEquals(List.of(), err(code));
    }

    @Test
    void an_interface_default_is_clean() {
        String code = """
                interface Listener {
                    void onEvent(Event event);

                    default void onError(Throwable error) {
                    }
                }
                """;
        assertEquals(List.of(), err(code));
    }
}
