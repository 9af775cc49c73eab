package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A root context made the parent of a cancellable context that the object keeps (TMO-02's
 * {@code go-context-not-propagated}, analysis/OutlivingContexts; round 19's go-22 false positive stands for the class,
 * none of its code is here). TMO-02 asks that the caller's context reach the downstream work of a request. Work the
 * object owns beyond the call (a subscription, a watch, a worker), whose cancel is stored in a field, a field's map or
 * slice for a later stop, must not end with the request that started it: detaching it is the point, as for work
 * started by {@code go}. A root context whose cancel is deferred or called in the function is request-scoped work
 * and stays reported, as does a root context handed straight to a call.
 */
class GoOutlivingContextsTest {

    private static final String RULE = "go-context-not-propagated";

    private static List<String> found(String code) {
        return TestRules.reviewDiff(GoNewFileDiffs.newFile("svc/svc.go", code)).active().stream()
                .filter(f -> f.rule().equals(RULE)).map(f -> f.line() + ":" + f.rule()).sorted().toList();
    }

    @Test
    void a_context_whose_cancel_the_object_keeps_is_not_reported() {
        String code = """
                package svc

                func (w *Watcher) Start(ctx context.Context, key string) error {
                \twatchCtx, stop := context.WithCancel(context.Background())
                \tw.stop = stop
                \tgo w.loop(watchCtx, key)
                \treturn nil
                }

                func (p *Pool) Spawn(ctx context.Context, id string) {
                \twctx, cancel := context.WithCancel(context.TODO())
                \tp.workers[id] = cancel
                \tgo p.run(wctx, id)
                }

                func (s *Streams) Open(ctx context.Context, topic string) {
                \tsctx, done := context.WithCancelCause(context.Background())
                \ts.cancels = append(s.cancels, done)
                \ts.bus.Subscribe(sctx, topic)
                }

                func (r *Refresher) Begin(ctx context.Context) {
                \tr.ctx, r.cancel = context.WithTimeout(context.Background(), time.Hour)
                \tr.client.Refresh(r.ctx)
                }
                """;
        assertEquals(List.of(), found(code));
    }

    @Test
    void request_scoped_root_contexts_stay_reported() {
        String code = """
                package svc

                func (h *Handler) Load(ctx context.Context, id string) (*Row, error) {
                \tqctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
                \tdefer cancel()
                \treturn h.store.Get(qctx, id)
                }

                func (h *Handler) Save(ctx context.Context, row *Row) error {
                \tsctx, cancel := context.WithCancel(context.Background())
                \terr := h.store.Put(sctx, row)
                \tcancel()
                \treturn err
                }

                func (h *Handler) Ping(ctx context.Context) error {
                \treturn h.store.Ping(context.Background())
                }

                func (h *Handler) Audit(ctx context.Context, e Event) {
                \tactx, cancel := context.WithTimeout(context.TODO(), time.Second)
                \th.last = e
                \tdefer cancel()
                \th.audit.Write(actx, e)
                }
                """;
        assertEquals(List.of("10:" + RULE, "17:" + RULE, "21:" + RULE, "4:" + RULE), found(code));
    }
}
