package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LOG-01's Go class of a line added in the body of a message loop whose header is above the hunk (round 19's go-32:
 * a consumer prints every message it reads). Git's three lines of context start inside the body; what shows the loop
 * is what the block does with each message: it takes one from a channel ({@code ev, ok := <-ch}) or hands one on in a
 * select that also waits for cancellation ({@code case out <- msg: ... case <-ctx.Done():}), and the new line names
 * that message, so it is written once per message: the item's "once per element of a loop". Variants differ in
 * logger (standard {@code log}, {@code slog}, zap, logrus, a logger field), in how the message arrives (a read call,
 * a receive) and how it leaves (a send in a select, a call). The clean look-alikes: a line that names nothing the
 * channel moves, a select with no cancellation case and no receive, a block whose opening the hunk shows, a line at a
 * function's top level.
 */
class GoHiddenChannelLoopLogTest {

    private static String hunk(String body) {
        long context = body.lines().filter(l -> l.startsWith(" ")).count();
        long added = body.lines().filter(l -> l.startsWith("+")).count();
        return """
                diff --git a/relay/pump.go b/relay/pump.go
                index 1111111..2222222 100644
                --- a/relay/pump.go
                +++ b/relay/pump.go
                @@ -30,%d +30,%d @@ func (r *Relay) pump(ctx context.Context) error {
                %s
                """.formatted(context, context + added, body);
    }

    private static List<String> log01(String body) {
        return GoRound8ClassesTest.item(hunk(body), "LOG-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // a read, then the message forwarded in a cancellable select
            " \t\tif err != nil {\n \t\t\treturn err\n \t\t}\n+\t\tlog.Printf(\"got %s: %+v\", frame.Kind, frame)\n"
                    + " \t\tselect {\n \t\tcase r.out <- frame:\n \t\tcase <-ctx.Done():",
            // a receive, a closed-channel check, then a structured line naming the value
            " \t\tev, ok := <-r.events\n \t\tif !ok {\n \t\t\treturn nil\n \t\t}\n+\t\tslog.Info(\"event\", \"id\", ev.ID)\n"
                    + " \t\tr.apply(ev)",
            // zap on a logger field, the batch handed on, a stop channel
            " \t\t\tb := r.next()\n+\t\t\tr.logger.Info(\"forwarding batch\", zap.Any(\"batch\", b))\n \t\t\tselect {\n"
                    + " \t\t\tcase r.batches <- b:\n \t\t\tcase <-r.stop:",
            // logrus after a receive from a job queue
            " \t\tjob := <-r.jobs\n \t\tr.running.Add(1)\n+\t\tr.entry.Infof(\"running job %v\", job)\n \t\tr.run(job)",
            // a receive case of a select: the value moves out through another case below
            " \t\tmsg, err := r.conn.Read(ctx)\n \t\tr.seen++\n+\t\tr.log.Info(\"read\", \"msg\", msg)\n \t\tselect {\n"
                    + " \t\tcase r.inbox <- msg:\n \t\tcase <-ctx.Done():"})
    void a_line_per_message_of_a_hidden_channel_loop_is_found(String body) {
        assertEquals(1, log01(body).size(), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // names nothing the channel moves
            " \t\tif err != nil {\n \t\t\treturn err\n \t\t}\n+\t\tlog.Printf(\"peer %s connected\", r.addr)\n"
                    + " \t\tselect {\n \t\tcase r.out <- frame:\n \t\tcase <-ctx.Done():",
            // a select without a way out and no receive above: a blocking hand-off, not a consumer's shape
            " \t\tif err != nil {\n \t\t\treturn err\n \t\t}\n+\t\tlog.Printf(\"got %v\", frame)\n"
                    + " \t\tselect {\n \t\tcase r.out <- frame:\n \t\tdefault:",
            // the block opens in sight: an if, judged by the pass from what it shows
            " \tif r.verbose {\n \t\tev := <-r.events\n+\t\tlog.Printf(\"event %v\", ev)\n \t\tr.apply(ev)\n \t}",
            // a line at the function's top level
            " \tev := <-r.events\n \tr.apply(ev)\n+\tlog.Printf(\"event %v\", ev)\n \treturn nil"})
    void a_line_without_a_per_message_shape_is_left_alone(String body) {
        assertEquals(List.of(), log01(body), body);
    }
}
