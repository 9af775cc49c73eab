package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LOG-01's class of a line on the idle branch of a poll loop (round 20's go-32): a consume loop takes a batch per turn
 * and, when the batch is empty, logs and goes round again, so an idle queue writes a line per poll. The diffs in
 * {@code review/polls} vary the client (franz-go, SQS, go-redis BLPOP, NATS pull, a hand-written poller, Kafka's
 * KafkaConsumer, SQS v2, JMS), the logger (slog-style, zap, zerolog, logrus, klog, SLF4J, JUL), the loop header
 * (shown: {@code for}, {@code for !stopped()}, {@code for ctx.Err() == nil}, {@code while (running)},
 * {@code for (;;)}; or above the hunk) and the empty test ({@code Empty()}, {@code len(x) == 0}, a sentinel error,
 * {@code isEmpty()}, {@code == null}). The clean look-alikes are what a reviewer would accept: a rate-limited
 * warning, a counter, a debug line under a level test or a plain debug line, a back-off before going round, a long
 * poll that waits 20 seconds, a periodic summary of idle polls.
 */
class PollLoopIdleLogTest {

    private static List<String> log01(String name) throws IOException {
        String diff = Files.readString(Path.of("web", "src", "test", "resources", "review", "polls", name + ".diff"),
                StandardCharsets.UTF_8);
        return GoRound8ClassesTest.item(diff, "LOG-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"defect-g1-franz", "defect-g2-sqs", "defect-g3-redis", "defect-g4-nats",
            "defect-g5-logrus", "defect-g6-klog", "defect-g7-hidden-poll", "defect-j1-kafka", "defect-j2-sqs", "defect-j3-jms"})
    void a_line_per_idle_poll_is_found(String name) throws IOException {
        assertEquals(1, log01(name).size(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"clean-c1-ratelimited", "clean-c2-counter", "clean-c3-debugguard", "clean-c4-sleep", "clean-c5-config-walk",
            "clean-jc1-debug", "clean-jc2-longpoll", "clean-jc3-counter"})
    void a_paced_counted_or_detail_line_is_left_alone(String name) throws IOException {
        assertEquals(List.of(), log01(name), name);
    }
}
