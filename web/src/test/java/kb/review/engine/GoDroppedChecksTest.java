package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two classes of an edit that takes the check off a call and keeps the call as a bare statement (session 26, round
 * 22's go-12 and go-13):
 * <ul>
 * <li>ERR-01 ({@code dropped-returned-error}): the check bound more results than the error,
 * {@code if _, err := c.text.Cmd("QUIT"); err != nil { return ...err }}, and the new line is the bare call. The other
 * results were thrown away already; now the error goes too.</li>
 * <li>CONC-06 ({@code go-group-wait-check-removed}): {@code if err := eg.Wait(); err != nil} becomes {@code eg.Wait()}
 * where the hunk does not show how the group was made. The removed check proves the Wait returned an error (a
 * sync.WaitGroup's returns nothing and could not have been checked).</li>
 * </ul>
 * Clean look-alikes: an ok-flag test turned bare, a check that only logged, a discard that says why, a WaitGroup's
 * Wait, and a Wait whose check the edit keeps. Code written for this test.
 */
class GoDroppedChecksTest {

    /** An edit of {@code path}: {@code body} lines start with ' ', '-' or '+'; the hunk starts at old and new line 20. */
    private static String edit(String path, String function, String body) {
        List<String> lines = body.lines().toList();
        long removed = lines.stream().filter(l -> l.startsWith("-")).count();
        long added = lines.stream().filter(l -> l.startsWith("+")).count();
        long context = lines.size() - removed - added;
        return "diff --git a/" + path + " b/" + path + "\nindex 1111111..2222222 100644\n--- a/" + path + "\n+++ b/" + path
                + "\n@@ -20," + (context + removed) + " +20," + (context + added) + " @@ " + function + "\n" + body;
    }

    private static List<String> found(String diff, String item) {
        List<String> out = new ArrayList<>();
        TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().equals(item))
                .forEach(f -> out.add(f.path() + ":" + f.line() + ":" + f.rule()));
        return out.stream().sorted().toList();
    }

    // --- ERR-01: a multi-value check made bare

    @Test
    void checks_of_multi_value_calls_made_bare_are_reported_in_every_shape() {
        String diff = edit("mail/session.go", "func (s *Session) Close() error {", """
                 \tdefer s.mu.Unlock()
                -\tif _, err := s.text.Cmd("LOGOUT"); err != nil {
                -\t\treturn fmt.Errorf("logout: %w", err)
                -\t}
                +\ts.text.Cmd("LOGOUT")
                 \treturn s.conn.Close()
                 }
                """) + edit("blob/copy.go", "func mirror(dst io.Writer, src io.Reader) error {", """
                 \tsrc = io.LimitReader(src, maxBlob)
                -\tif _, err := io.Copy(dst, src); err != nil {
                -\t\treturn fmt.Errorf("mirror blob: %w", err)
                -\t}
                +\tio.Copy(dst, src)
                 \treturn nil
                 }
                """) + edit("cache/evict.go", "func (c *Cache) Evict(ctx context.Context, key string) error {", """
                 \tc.local.Delete(key)
                -\tif _, err := c.rdb.Del(ctx, "item:"+key).Result(); err != nil {
                -\t\treturn err
                -\t}
                +\tc.rdb.Del(ctx, "item:"+key).Result()
                 \treturn nil
                 }
                """) + edit("queue/ack.go", "func (w *Worker) finish(ctx context.Context, id string) error {", """
                 \tw.inflight.Add(-1)
                -\tif _, err := w.client.Ack(ctx, &pb.AckRequest{Id: id}); err != nil {
                -\t\treturn status.Errorf(codes.Unavailable, "ack %s: %v", id, err)
                -\t}
                +\tw.client.Ack(ctx, &pb.AckRequest{Id: id})
                 \treturn nil
                 }
                """) + edit("notify/push.go", "func (n *Notifier) announce(ctx context.Context, in *sns.PublishInput) error {", """
                 \tin.TopicArn = aws.String(n.topic)
                -\tif out, err = n.api.Publish(ctx, in); err != nil {
                -\t\treturn fmt.Errorf("publish to %s: %w", n.topic, err)
                -\t}
                +\tn.api.Publish(ctx, in)
                 \treturn nil
                 }
                """);
        assertEquals(List.of("blob/copy.go:21:dropped-returned-error", "cache/evict.go:21:dropped-returned-error",
                "mail/session.go:21:dropped-returned-error", "notify/push.go:21:dropped-returned-error",
                "queue/ack.go:21:dropped-returned-error"), found(diff, "ERR-01"));
    }

    @Test
    void checks_whose_block_cleaned_up_logged_or_renamed_the_error_before_returning_are_reported_when_made_bare() {
        // the failure used to leave the function; the bare call goes on (round 23's go-02, go-06 and go-38)
        String diff = edit("rpc/call.go", "func (c *Client) Call(id string, frame []byte) error {", """
                 \tc.pending.Store(id, struct{}{})
                -\tif err := c.link.Write(frame); err != nil {
                -\t\tc.pending.Delete(id)
                -\t\treturn fmt.Errorf("send %s: %w", id, err)
                -\t}
                +\tc.link.Write(frame)
                 \treturn nil
                 }
                """) + edit("ws/keepalive.go", "func (c *Conn) keepAlive() {", """
                 \tfor range c.ticker.C {
                -\t\tif err := c.ping(); err != nil {
                -\t\t\tc.log.Printf("ping: %v", err)
                -\t\t\treturn
                -\t\t}
                +\t\tc.ping()
                 \t}
                 }
                """) + edit("db/tx.go", "func finish(tx *sql.Tx, empty bool) error {", """
                 \tif empty {
                -\t\tif rbErr := tx.Rollback(); rbErr != nil {
                -\t\t\treturn fmt.Errorf("rollback of empty result: %w", rbErr)
                -\t\t}
                +\t\ttx.Rollback()
                 \t\treturn errEmpty
                 \t}
                """);
        assertEquals(List.of("db/tx.go:21:dropped-returned-error", "rpc/call.go:21:dropped-returned-error",
                "ws/keepalive.go:21:dropped-returned-error"), found(diff, "ERR-01"));
    }

    @Test
    void an_ok_test_a_logged_check_and_a_commented_discard_made_of_multi_value_calls_are_quiet() {
        String diff = edit("route/table.go", "func (t *Table) touch(key string) {", """
                 \tt.mu.Lock()
                -\tif _, ok := t.entries.Get(key); ok {
                -\t\treturn
                -\t}
                +\tt.entries.Get(key)
                 \tt.mu.Unlock()
                 }
                """) + edit("ftp/quit.go", "func (c *Client) Quit() error {", """
                 \tdefer c.conn.Close()
                -\tif _, err := c.text.Cmd("QUIT"); err != nil {
                -\t\tlog.Printf("quit: %v", err)
                -\t}
                +\tc.text.Cmd("QUIT")
                 \treturn nil
                 }
                """) + edit("smtp/bye.go", "func (c *Conn) Bye() error {", """
                 \tdefer c.tp.Close()
                -\tif _, err := c.tp.Cmd("QUIT"); err != nil {
                -\t\treturn err
                -\t}
                +\t_, _ = c.tp.Cmd("QUIT") // the server may hang up first; the close below is what matters
                 \treturn nil
                 }
                """);
        assertEquals(List.of(), found(diff, "ERR-01"));
    }

    // --- CONC-06: a group's checked Wait made bare, the group made above the hunk

    @Test
    void checked_group_waits_made_bare_are_reported_whatever_the_group_and_check() {
        String diff = edit("starter/runners.go", "func (s *Starter) startAll(ctx context.Context, jobs []Job) error {", """
                 \t\t})
                 \t}
                -\tif err := eg.Wait(); err != nil {
                -\t\treturn fmt.Errorf("start %d runners: %w", len(jobs), err)
                -\t}
                +\teg.Wait()
                 \ts.started.Add(float64(len(jobs)))
                 \treturn nil
                """) + edit("index/shards.go", "func (ix *Index) refresh(ctx context.Context) error {", """
                 \t\t}
                 \t}
                -\treturn group.Wait()
                +\tgroup.Wait()
                +\treturn nil
                 }
                """) + edit("crawl/fetch.go", "func crawl(ctx context.Context, seeds []string) (int, error) {", """
                 \t\t})
                 \t}
                -\terr = p.Wait()
                +\tp.Wait()
                 \treturn len(seeds), err
                 }
                """) + edit("deploy/rollout.go", "func (r *Rollout) apply(ctx context.Context) error {", """
                 \t\t})
                 \t}
                -\tif waitErr := workers.Wait(); waitErr != nil {
                -\t\tr.failed.Inc()
                -\t\treturn waitErr
                -\t}
                +\tworkers.Wait()
                 \tr.done.Inc()
                 \treturn nil
                """) + edit("thumbs/batch.go", "func (b *Batch) render(ctx context.Context, imgs []Image) ([]Thumb, error) {", """
                 \t\t})
                 \t}
                -\treturn out, tasks.Wait()
                +\ttasks.Wait()
                +\treturn out, nil
                 }
                """);
        assertEquals(List.of("crawl/fetch.go:22:go-group-wait-check-removed",
                "deploy/rollout.go:22:go-group-wait-check-removed", "index/shards.go:22:go-group-wait-check-removed",
                "starter/runners.go:22:go-group-wait-check-removed", "thumbs/batch.go:22:go-group-wait-check-removed"),
                found(diff, "CONC-06"));
    }

    @Test
    void a_wait_group_a_kept_check_and_a_commented_wait_are_quiet() {
        String diff = edit("scan/ports.go", "func scan(hosts []string) []Result {", """
                 \t\t}()
                 \t}
                -\twg.Wait()
                -\tclose(results)
                +\twg.Wait()
                +\tclose(results) // all senders are done
                 \treturn collect(results)
                 }
                """) + edit("sync/pull.go", "func (m *Mirror) pull(ctx context.Context) error {", """
                 \t\t})
                 \t}
                -\tif err := g.Wait(); err != nil {
                -\t\treturn err
                +\tif err := g.Wait(); err != nil {
                +\t\treturn fmt.Errorf("pull: %w", err)
                 \t}
                 \treturn nil
                """) + edit("probe/all.go", "func (p *Prober) all(ctx context.Context) {", """
                 \t\t})
                 \t}
                -\tif err := g.Wait(); err != nil {
                -\t\treturn
                -\t}
                +\tg.Wait() // each probe records its own failure in p.status
                 \tp.lastRun = time.Now()
                 }
                """);
        assertEquals(List.of(), found(diff, "CONC-06"));
    }
}
