package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An edit that drops the context a call carried through an option or a builder method (TMO-02's
 * {@code go-context-option-dropped}, engine/ReplacedLines; round 19's go-07 stands for the class, none of its code is
 * here). TMO-02: "accept {@code ctx} ... and pass it on". Clients that take the context as an option
 * ({@code WithContext(ctx)} among a registry client's options), a builder method (gorm's {@code db.WithContext(ctx)},
 * Resty's {@code R().SetContext(ctx)}, an Elasticsearch service's {@code .Context(ctx)}) or a request copy
 * ({@code req.WithContext(ctx)}) fall back to a background context when it is left out: the caller's deadline and
 * cancellation stop reaching the call. Look-alikes that stay quiet: the context moved to a line of its own, a
 * different context passed, the context now passed as an argument, an edit of a line that never carried one, and a
 * new file.
 */
class GoDroppedContextOptionsTest {

    private static final String RULE = "go-context-option-dropped";

    private static List<String> found(String diff) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.rule().equals(RULE))
                .map(f -> f.line() + ":" + f.rule()).sorted().toList();
    }

    private static String edit(String section, String... lines) {
        return GoLostWritesTest.edit("svc/client.go", section, lines);
    }

    @Test
    void a_context_option_or_builder_call_dropped_by_the_edit_is_reported() {
        assertEquals(List.of("21:" + RULE), found(edit("func (r *Registry) Digests(ctx context.Context, ref string) ([]string, error) {",
                "\topts := r.options()",
                "-\tlist, err := crane.ListTags(ref, append(opts, crane.WithContext(ctx))...)",
                "+\tlist, err := crane.ListTags(ref, opts...)",
                "\tif err != nil {")));
        assertEquals(List.of("20:" + RULE), found(edit("func (s *Store) Active(ctx context.Context) ([]User, error) {",
                "-\terr := s.orm.WithContext(ctx).Where(\"active = ?\", true).Find(&users).Error",
                "+\terr := s.orm.Where(\"active = ?\", true).Find(&users).Error",
                "\treturn users, err")));
        assertEquals(List.of("20:" + RULE), found(edit("func (c *Notifier) Send(reqCtx context.Context, m Message) error {",
                "-\tresp, err := c.http.R().SetContext(reqCtx).SetBody(m).Post(c.url)",
                "+\tresp, err := c.http.R().SetBody(m).Post(c.url)",
                "\tif err != nil {")));
        assertEquals(List.of("20:" + RULE), found(edit("func fetch(parent context.Context, hc *http.Client, req *http.Request) error {",
                "-\tres, err := hc.Do(req.WithContext(parent))",
                "+\tres, err := hc.Do(req)",
                "\tif err != nil {")));
        assertEquals(List.of("20:" + RULE), found(edit("func (s *Search) Hits(ctx context.Context, q elastic.Query) (int64, error) {",
                "-\tres, err := s.es.Search().Index(s.index).Query(q).Context(ctx).Do()",
                "+\tres, err := s.es.Search().Index(s.index).Query(q).Do()",
                "\tif err != nil {")));
    }

    @Test
    void a_context_kept_moved_replaced_or_never_carried_is_not_reported() {
        // moved to a line of its own
        assertEquals(List.of(), found(edit("func (s *Store) Active(ctx context.Context) ([]User, error) {",
                "-\terr := s.orm.WithContext(ctx).Where(\"active = ?\", true).Find(&users).Error",
                "+\tq := s.orm.WithContext(ctx)",
                "+\terr := q.Where(\"active = ?\", true).Find(&users).Error",
                "\treturn users, err")));
        // another context passed in its place
        assertEquals(List.of(), found(edit("func (r *Registry) Digests(ctx context.Context, ref string) ([]string, error) {",
                "-\tlist, err := crane.ListTags(ref, crane.WithContext(ctx))",
                "+\tlist, err := crane.ListTags(ref, crane.WithContext(boundedCtx))",
                "\tif err != nil {")));
        // the context now the call's first argument
        assertEquals(List.of(), found(edit("func fetch(parent context.Context, api *Client, id string) error {",
                "-\tres, err := api.Get(id).WithContext(parent).Do()",
                "+\tres, err := api.Get(parent, id)",
                "\tif err != nil {")));
        // a line that never carried a context
        assertEquals(List.of(), found(edit("func (c *Cache) Put(ctx context.Context, k string, v []byte) error {",
                "-\terr := c.store.Set(k, v, time.Minute)",
                "+\terr := c.store.Set(k, v, c.ttl)",
                "\treturn err")));
        // a new file
        assertEquals(List.of(), found(GoNewFileDiffs.newFile("svc/list.go", """
                package svc

                func (r *Registry) Digests(ctx context.Context, ref string) ([]string, error) {
                \treturn crane.ListTags(ref, r.options()...)
                }
                """)));
    }
}
