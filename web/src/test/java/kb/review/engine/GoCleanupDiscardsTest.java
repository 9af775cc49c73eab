package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go {@code _ = call(...)} lines whose dropped error costs nothing (ERR-01's {@code go-error-assigned-to-blank},
 * analysis/GoCleanupDiscards; precision set 16's classes C and DR stand for the class, none of their code is here):
 * a clean-up step in a deferred function (a temporary ref deleted, a callback that removes matching entries, the
 * exit status of a child being killed, waited for in a goroutine of the defer), a clean-up step in an error branch
 * that reports the first error through a handler or a log and returns, and Encode or Decode on a parsed
 * {@code yaml.Node}. Look-alikes that stay reported: a save or a send in a deferred function, a clean-up in a branch
 * that never reports the error in hand, a clean-up on the success path, and a stream decoder's Decode.
 */
class GoCleanupDiscardsTest {

    private static final String RULE = "go-error-assigned-to-blank";

    private static List<String> found(String path, String code) {
        return TestRules.reviewDiff(GoNewFileDiffs.newFile(path, code)).active().stream()
                .filter(f -> f.rule().equals(RULE)).map(f -> f.line() + ":" + f.rule()).sorted().toList();
    }

    @Test
    void clean_up_after_the_result_is_decided_and_parsed_node_coding_are_not_reported() {
        String code = """
                package cache

                func (c *Cache) fetch(ctx context.Context, repo *git.Repository, ref string) (string, error) {
                \ttmp := "fetch-" + ref
                \tdefer func() {
                \t\t_ = repo.DeleteBranch(tmp)
                \t}()
                \tdefer func() {
                \t\tif refs, err := repo.References(); err == nil {
                \t\t\t_ = refs.ForEach(func(r *plumbing.Reference) error {
                \t\t\t\treturn repo.Storer.RemoveReference(r.Name())
                \t\t\t})
                \t\t}
                \t}()
                \treturn c.resolve(ctx, repo, tmp)
                }

                func replay(ctx context.Context, cmd *exec.Cmd) error {
                \tif err := cmd.Start(); err != nil {
                \t\treturn err
                \t}
                \tdefer func() {
                \t\texited := make(chan struct{})
                \t\tgo func() {
                \t\t\t_ = cmd.Wait()
                \t\t\tclose(exited)
                \t\t}()
                \t\tselect {
                \t\tcase <-exited:
                \t\tcase <-time.After(10 * time.Second):
                \t\t\t_ = cmd.Process.Kill()
                \t\t}
                \t}()
                \treturn apply(ctx)
                }

                func (h *Handler) stream(ctx context.Context) {
                \terr := h.fetch(ctx)
                \tif err != nil {
                \t\tlog.Printf("streaming failed: %v", err)
                \t\t_ = h.drainStreamer()
                \t\th.fail(err)
                \t\treturn
                \t}
                }

                func inputs(with map[string]interface{}, name string) interface{} {
                \tvalue := with[name]
                \tnode := yaml.Node{}
                \t_ = node.Encode(value)
                \t_ = node.Decode(&value)
                \treturn value
                }
                """;
        assertEquals(List.of(), found("cache/fetch.go", code));
    }

    @Test
    void saves_cleanups_that_hide_the_only_error_and_stream_decodes_stay_reported() {
        String code = """
                package cache

                func (c *Cache) fetch(ctx context.Context, key string) (string, error) {
                \tdefer func() {
                \t\t_ = c.store.SaveIndex(ctx)
                \t}()
                \treturn c.resolve(ctx, key)
                }

                func (h *Handler) stream(ctx context.Context) {
                \terr := h.fetch(ctx)
                \tif err != nil {
                \t\t_ = h.drainStreamer()
                \t\treturn
                \t}
                \t_ = h.deleteCheckpoint(ctx)
                }

                func load(r io.Reader) map[string]any {
                \tvar cfg map[string]any
                \tdec := yaml.NewDecoder(r)
                \t_ = dec.Decode(&cfg)
                \treturn cfg
                }
                """;
        assertEquals(List.of("13:" + RULE, "16:" + RULE, "22:" + RULE, "5:" + RULE), found("cache/fetch.go", code));
    }
}
