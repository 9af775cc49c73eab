package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CONC-07, the class behind round 20's go-29, go-31 and go-35: a long-lived consume or poll loop (or a periodic one)
 * whose error path leaves the loop with a bare {@code return}, {@code return nil} or {@code break}: the first transient
 * failure of a fetch, receive or flush ends the goroutine's work for good while the process looks healthy. The item:
 * "stop the loop through its context, never because one run failed". Such hunks usually start inside the loop (the
 * {@code for}, the fetch and sometimes the error check are above them), so the rule reads the blocks around the exit
 * from gofmt's indentation ({@link GoLoopExits}). Variants differ in library (kafka-go, sarama, franz-go, NATS, SQS,
 * Kinesis, Redis streams, gRPC client streams, a periodic exporter), in the loop's header ({@code for {}}, {@code for
 * !stopped}, {@code for ctx.Err() == nil}, cut off above the hunk) and in the exit ({@code return}, {@code return nil},
 * {@code break}).
 *
 * <p>Clean look-alikes ({@link GoConsumeLoopExitLookAlikesTest}): the loop logs, backs off and goes on; it returns only on the context or the end of input; a
 * WebSocket read loop (the peer has gone); a one-shot fetch that is no loop; a retry that gives up after a stated
 * bound; an error handed to the owner's errors channel; a gRPC server stream's handler; a callback's return.
 * Code written for this test.
 */
class GoConsumeLoopExitsTest {

    static final String RULE = "go-consume-loop-gives-up-on-error";

    static List<String> conc07(String diff) {
        return item(diff, "CONC-07");
    }

    // --- defects

    @Test
    void a_cut_kafka_go_read_loop_that_now_returns_on_a_read_error_is_found() {
        String diff = """
                diff --git a/ingest/orders.go b/ingest/orders.go
                index 1111111..2222222 100644
                --- a/ingest/orders.go
                +++ b/ingest/orders.go
                @@ -40,9 +40,8 @@ func (w *OrderWorker) pump(ctx context.Context) {
                 		m, err := w.reader.ReadMessage(ctx)
                 		if err != nil {
                 			w.log.Warn("read failed", "err", err)
                -			time.Sleep(w.pause)
                -			continue
                +			return
                 		}
                 		w.handle(ctx, m)
                 	}
                 }
                """;
        assertEquals(List.of("43:" + RULE), conc07(diff));
    }

    @Test
    void a_sarama_group_consume_loop_in_a_goroutine_that_returns_on_its_error_is_found() {
        String diff = """
                diff --git a/events/group.go b/events/group.go
                new file mode 100644
                --- /dev/null
                +++ b/events/group.go
                @@ -0,0 +1,19 @@
                +package events
                +
                +import (
                +	"context"
                +	"log"
                +
                +	"github.com/IBM/sarama"
                +)
                +
                +func Start(ctx context.Context, group sarama.ConsumerGroup, topics []string, h sarama.ConsumerGroupHandler) {
                +	go func() {
                +		for {
                +			if err := group.Consume(ctx, topics, h); err != nil {
                +				log.Printf("consume: %v", err)
                +				return
                +			}
                +		}
                +	}()
                +}
                """;
        assertEquals(List.of("15:" + RULE), conc07(diff));
    }

    @Test
    void a_nats_subscription_loop_until_stopped_that_returns_on_a_timeout_is_found() {
        String diff = """
                diff --git a/notify/listener.go b/notify/listener.go
                new file mode 100644
                --- /dev/null
                +++ b/notify/listener.go
                @@ -0,0 +1,16 @@
                +package notify
                +
                +import "time"
                +
                +func (l *Listener) listen() {
                +	for !l.closing.Load() {
                +		msg, err := l.sub.NextMsg(2 * time.Second)
                +		if err != nil {
                +			l.metrics.Errors.Inc()
                +			return
                +		}
                +		l.dispatch(msg.Data)
                +	}
                +}
                +
                +var _ = time.Second
                """;
        assertEquals(List.of("10:" + RULE), conc07(diff));
    }

    @Test
    void an_sqs_receive_loop_that_breaks_out_on_a_failed_receive_is_found() {
        String diff = """
                diff --git a/jobs/poller.go b/jobs/poller.go
                new file mode 100644
                --- /dev/null
                +++ b/jobs/poller.go
                @@ -0,0 +1,20 @@
                +package jobs
                +
                +import (
                +	"context"
                +
                +	"github.com/aws/aws-sdk-go-v2/service/sqs"
                +)
                +
                +func (p *Poller) Run(ctx context.Context) {
                +	for ctx.Err() == nil {
                +		out, err := p.api.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: &p.queue})
                +		if err != nil {
                +			p.logger.Error("receive", "err", err)
                +			break
                +		}
                +		for _, m := range out.Messages {
                +			p.process(ctx, m)
                +		}
                +	}
                +}
                """;
        assertEquals(List.of("14:" + RULE), conc07(diff));
    }

    @Test
    void a_cut_redis_stream_reader_whose_edit_drops_the_back_off_for_a_return_is_found() {
        String diff = """
                diff --git a/stream/reader.go b/stream/reader.go
                index 1111111..2222222 100644
                --- a/stream/reader.go
                +++ b/stream/reader.go
                @@ -71,12 +71,11 @@ func (c *Consumer) follow(ctx context.Context) {
                 			Block:    5 * time.Second,
                 		}).Result()
                 		if err != nil && err != redis.Nil {
                 			c.log.Printf("xreadgroup: %v", err)
                -			c.backoff.Wait(ctx)
                -			continue
                +			return
                 		}
                 		for _, s := range res {
                 			c.apply(ctx, s.Messages)
                 		}
                 	}
                 }
                """;
        assertEquals(List.of("75:" + RULE), conc07(diff));
    }

    @Test
    void a_cut_exporter_loop_that_returns_after_a_failed_export_in_its_ticker_case_is_found() {
        String diff = """
                diff --git a/telemetry/exporter.go b/telemetry/exporter.go
                index 1111111..2222222 100644
                --- a/telemetry/exporter.go
                +++ b/telemetry/exporter.go
                @@ -88,6 +88,7 @@ func (e *Exporter) exportLoop(ctx context.Context) {
                 			batch := e.buf.Drain()
                 			if err := e.sink.Export(ctx, batch); err != nil {
                 				e.dropped.Add(float64(len(batch)))
                +				return
                 			}
                 		}
                 	}
                """;
        assertEquals(List.of("91:" + RULE), conc07(diff));
    }

    @Test
    void a_kinesis_shard_reader_that_returns_nil_on_a_failed_get_records_is_found() {
        String diff = """
                diff --git a/shards/reader.go b/shards/reader.go
                new file mode 100644
                --- /dev/null
                +++ b/shards/reader.go
                @@ -0,0 +1,22 @@
                +package shards
                +
                +import (
                +	"context"
                +
                +	"github.com/aws/aws-sdk-go-v2/service/kinesis"
                +)
                +
                +func (r *ShardReader) Run(ctx context.Context) error {
                +	it := r.start
                +	for {
                +		out, err := r.api.GetRecords(ctx, &kinesis.GetRecordsInput{ShardIterator: it})
                +		if err != nil {
                +			r.log.Warn("get records", "shard", r.id, "err", err)
                +			return nil
                +		}
                +		r.emit(out.Records)
                +		it = out.NextShardIterator
                +	}
                +}
                +
                +var _ = kinesis.GetRecordsInput{}
                """;
        assertEquals(List.of("15:" + RULE), conc07(diff));
    }

    @Test
    void a_cut_franz_go_poll_loop_that_returns_on_the_fetches_error_is_found() {
        String diff = """
                diff --git a/feed/poll.go b/feed/poll.go
                index 1111111..2222222 100644
                --- a/feed/poll.go
                +++ b/feed/poll.go
                @@ -30,6 +30,10 @@ func (s *Stream) run(ctx context.Context) {
                 		if fs.IsClientClosed() {
                 			return
                 		}
                +		if err := fs.Err(); err != nil {
                +			s.log.Warn("poll", "err", err)
                +			return
                +		}
                 		fs.EachRecord(func(rec *kgo.Record) {
                 			s.out <- rec.Value
                 		})
                """;
        assertEquals(List.of("35:" + RULE), conc07(diff));
    }
}
