package kb.review.engine;

import static kb.review.engine.LifecycleRulesTest.newFile;
import static kb.review.engine.Round5ClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Java class of code the round-8 held-out corpus showed the review missing: Netty reference-counted messages and
 * buffers a handler holds last, cast in channelRead or allocated and filled by codec helpers, and neither released
 * nor passed on, against those released in finally, passed on, read by a simple handler or handed to a sending
 * helper. Split from {@link JavaRound9ClassesTest}; findings are compared as "line:item" and the fixtures are written
 * for these tests, not taken from any corpus.
 */
class JavaRound9NettyClassesTest {

    // --- class 2: Netty reference-counted messages a handler holds last ---

    @Test
    void an_inbound_message_cast_in_channel_read_and_neither_released_nor_passed_on_is_reported() {
        String diff = newFile("src/main/java/a/FrameHandler.java", """
                package a;

                import io.netty.buffer.ByteBuf;
                import io.netty.channel.ChannelHandlerContext;
                import io.netty.channel.ChannelInboundHandlerAdapter;

                class FrameHandler extends ChannelInboundHandlerAdapter {
                    private final Sink sink;

                    FrameHandler(Sink sink) {
                        this.sink = sink;
                    }

                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        ByteBuf frame = (ByteBuf) msg;
                        if (frame.readableBytes() < 4) {
                            return;
                        }
                        sink.accept(frame.readInt());
                        frame.release();
                    }
                }
                """);
        assertEquals(List.of("16:RES-01"), items(diff));
    }

    @Test
    void inbound_messages_released_in_finally_passed_on_or_read_by_a_simple_handler_are_clean() {
        String diff = newFile("src/main/java/a/FrameHandler.java", """
                package a;

                import io.netty.buffer.ByteBuf;
                import io.netty.channel.ChannelHandlerContext;
                import io.netty.channel.ChannelInboundHandlerAdapter;
                import io.netty.channel.SimpleChannelInboundHandler;
                import io.netty.util.ReferenceCountUtil;

                class FrameHandler extends ChannelInboundHandlerAdapter {
                    private final Sink sink;

                    FrameHandler(Sink sink) {
                        this.sink = sink;
                    }

                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        ByteBuf frame = (ByteBuf) msg;
                        try {
                            if (frame.readableBytes() < 4) {
                                return;
                            }
                            sink.accept(frame.readInt());
                        } finally {
                            ReferenceCountUtil.release(msg);
                        }
                    }
                }

                class Skipper extends ChannelInboundHandlerAdapter {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        ByteBuf frame = (ByteBuf) msg;
                        if (frame.readableBytes() == 0) {
                            frame.release();
                            return;
                        }
                        ctx.fireChannelRead(frame);
                    }
                }

                class Counter extends SimpleChannelInboundHandler<ByteBuf> {
                    private long seen;

                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
                        seen += frame.readableBytes();
                    }
                }
                """);
        assertEquals(List.of(), items(diff));
    }

    @Test
    void an_allocated_buffer_filled_by_codec_helpers_and_dropped_when_the_channel_is_busy_is_reported() {
        String diff = newFile("src/main/java/a/Announcer.java", """
                package a;

                import io.netty.buffer.ByteBuf;
                import io.netty.channel.Channel;

                class Announcer {
                    void announce(Channel channel, String motd) {
                        ByteBuf out = channel.alloc().buffer();
                        Codec.writeVarInt(out, 7);
                        Codec.writeString(out, motd);
                        if (!channel.isActive()) {
                            return;
                        }
                        channel.writeAndFlush(out);
                    }
                }
                """);
        assertEquals(List.of("8:RES-01"), items(diff));
    }

    @Test
    void an_allocated_buffer_handed_to_a_sending_helper_or_released_on_the_busy_path_is_clean() {
        String diff = newFile("src/main/java/a/Announcer.java", """
                package a;

                import io.netty.buffer.ByteBuf;
                import io.netty.channel.Channel;

                class Announcer {
                    void announce(Channel channel, String motd) {
                        ByteBuf out = channel.alloc().buffer();
                        Codec.writeVarInt(out, 7);
                        Codec.writeString(out, motd);
                        if (!channel.isActive()) {
                            out.release();
                            return;
                        }
                        channel.writeAndFlush(out);
                    }

                    void greet(Channel channel) {
                        ByteBuf out = channel.alloc().buffer();
                        Codec.writeVarInt(out, 1);
                        Sender.writeFrame(channel, out);
                    }
                }
                """);
        assertEquals(List.of(), items(diff));
    }

    // --- a buffer handed to a queue in a condition: the queue holds it where the insertion succeeded (session 52) ---

    @Test
    void a_buffer_queued_in_a_condition_and_released_where_the_queue_refuses_it_is_clean() {
        String diff = newFile("src/main/java/a/EarlyBytes.java", """
                package a;

                import io.netty.buffer.ByteBuf;
                import io.netty.channel.ChannelHandlerContext;
                import io.netty.channel.ChannelInboundHandlerAdapter;
                import java.util.concurrent.ArrayBlockingQueue;
                import java.util.concurrent.BlockingQueue;

                class EarlyBytes extends ChannelInboundHandlerAdapter {
                    private final BlockingQueue<ByteBuf> waiting = new ArrayBlockingQueue<>(64);
                    private final BlockingQueue<ByteBuf> spare = new ArrayBlockingQueue<>(64);

                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        ByteBuf chunk = (ByteBuf) msg;
                        if (!waiting.offer(chunk)) {
                            chunk.release();
                            ctx.close();
                        }
                    }

                    @Override
                    public void channelReadComplete(ChannelHandlerContext ctx) {
                        ByteBuf extra = ctx.alloc().buffer(16);
                        if (spare.offer(extra)) {
                            return;
                        }
                        extra.release();
                    }
                    @Override
                    public void channelInactive(ChannelHandlerContext ctx) {
                        ByteBuf left;
                        while ((left = waiting.poll()) != null) {
                            left.release();
                        }
                        for (ByteBuf b : spare) {
                            b.release();
                        }
                        spare.clear();
                    }
                }
                """);
        assertEquals(List.of(), items(diff));
    }

    @Test
    void a_buffer_the_queue_refuses_and_nobody_releases_is_still_reported() {
        String diff = newFile("src/main/java/a/EarlyBytes.java", """
                package a;

                import io.netty.buffer.ByteBuf;
                import io.netty.channel.ChannelHandlerContext;
                import io.netty.channel.ChannelInboundHandlerAdapter;
                import java.util.concurrent.ArrayBlockingQueue;
                import java.util.concurrent.BlockingQueue;

                class EarlyBytes extends ChannelInboundHandlerAdapter {
                    private final BlockingQueue<ByteBuf> waiting = new ArrayBlockingQueue<>(64);

                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        ByteBuf chunk = (ByteBuf) msg;
                        if (!waiting.offer(chunk)) {
                            ctx.close();
                        }
                    }

                    @Override
                    public void channelInactive(ChannelHandlerContext ctx) {
                        ByteBuf left;
                        while ((left = waiting.poll()) != null) {
                            left.release();
                        }
                    }
                }
                """);
        assertEquals(List.of("14:RES-01"), items(diff));
    }

    @Test
    void a_buffer_queued_in_a_condition_where_no_method_drains_and_releases_the_queue_is_still_reported() {
        String diff = newFile("src/main/java/a/EarlyBytes.java", """
                package a;

                import io.netty.buffer.ByteBuf;
                import io.netty.channel.Channel;
                import io.netty.channel.ChannelHandlerContext;
                import io.netty.channel.ChannelInboundHandlerAdapter;
                import java.util.concurrent.ArrayBlockingQueue;
                import java.util.concurrent.BlockingQueue;

                class EarlyBytes extends ChannelInboundHandlerAdapter {
                    private final BlockingQueue<ByteBuf> waiting = new ArrayBlockingQueue<>(64);

                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        ByteBuf chunk = (ByteBuf) msg;
                        if (!waiting.offer(chunk)) {
                            chunk.release();
                            ctx.close();
                        }
                    }

                    void flushTo(Channel out) {
                        ByteBuf next;
                        while ((next = waiting.poll()) != null) {
                            out.write(next);
                        }
                    }
                }
                """);
        assertEquals(List.of("15:RES-01"), items(diff));
    }
}
