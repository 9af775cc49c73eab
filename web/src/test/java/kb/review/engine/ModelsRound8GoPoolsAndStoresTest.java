package kb.review.engine;

import static kb.review.engine.ModelsRound8Test.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round-8 Go platform models of pooled and streamed objects (content/rules/models/go-platform.yaml): fasthttp's
 * Acquire* objects given back by Release*, and object-store reads (minio, the S3 v2 SDK) matched by their argument
 * types whatever the client is called (RES-01). Split from {@link ModelsRound8Test}, whose {@code items} check they
 * share: each defect is paired with the look-alike that releases or hands the object on; findings are compared as
 * "line:item".
 */
class ModelsRound8GoPoolsAndStoresTest {

    // --- fasthttp: Acquire* borrows from a pool, Release* gives it back ---

    private static final String FASTHTTP_PROXY = """
            package proxy

            import "github.com/valyala/fasthttp"

            type Proxy struct {
            \tclient   *fasthttp.Client
            \tupstream string
            }

            func (p *Proxy) forward(ctx *fasthttp.RequestCtx) {
            \treq := fasthttp.AcquireRequest()
            \tresp := fasthttp.AcquireResponse()
            %s\tctx.Request.CopyTo(req)
            \treq.SetHost(p.upstream)
            \tif err := p.client.Do(req, resp); err != nil {
            \t\tctx.SetStatusCode(fasthttp.StatusBadGateway)
            \t\treturn
            \t}
            \tresp.CopyTo(&ctx.Response)
            }
            """;

    @Test
    void pooled_fasthttp_request_and_response_never_released_are_reported() {
        assertEquals(List.of("11:RES-01", "12:RES-01"), items("proxy/proxy.go", FASTHTTP_PROXY.formatted("")));
    }

    @Test
    void pooled_fasthttp_request_and_response_released_by_defer_are_clean() {
        assertEquals(List.of(), items("proxy/proxy.go", FASTHTTP_PROXY.formatted(
                "\tdefer fasthttp.ReleaseRequest(req)\n\tdefer fasthttp.ReleaseResponse(resp)\n")));
    }

    @Test
    void a_pooled_fasthttp_response_returned_to_the_caller_is_clean() {
        assertEquals(List.of(), items("proxy/fetch.go", """
                package proxy

                import "github.com/valyala/fasthttp"

                func fetch(c *fasthttp.Client, url string) (*fasthttp.Response, error) {
                \treq := fasthttp.AcquireRequest()
                \tdefer fasthttp.ReleaseRequest(req)
                \treq.SetRequestURI(url)
                \tresp := fasthttp.AcquireResponse()
                \tif err := c.Do(req, resp); err != nil {
                \t\tfasthttp.ReleaseResponse(resp)
                \t\treturn nil, err
                \t}
                \treturn resp, nil
                }
                """));
    }

    // --- object stores matched by their argument types, whatever the client variable is called ---

    private static final String MINIO_SERVE = """
            package site

            import (
            \t"net/http"

            \t"github.com/minio/minio-go/v7"
            )

            type handler struct {
            \tstore  *minio.Client
            \tbucket string
            }

            func (h handler) serve(w http.ResponseWriter, r *http.Request, name string) {
            \tobj, err := h.store.GetObject(r.Context(), h.bucket, name, minio.GetObjectOptions{})
            \tif err != nil {
            \t\thttp.Error(w, err.Error(), http.StatusBadGateway)
            \t\treturn
            \t}
            %s\tinfo, err := obj.Stat()
            \tif err != nil {
            \t\thttp.NotFound(w, r)
            \t\treturn
            \t}
            %s\thttp.ServeContent(w, r, name, info.LastModified, obj)
            }
            """;

    @Test
    void a_minio_object_dropped_when_stat_fails_is_reported() {
        assertEquals(List.of("15:RES-01"), items("site/serve.go", MINIO_SERVE.formatted("", "\tdefer obj.Close()\n")));
    }

    @Test
    void a_minio_object_closed_by_defer_before_stat_is_clean() {
        assertEquals(List.of(), items("site/serve.go", MINIO_SERVE.formatted("\tdefer obj.Close()\n", "")));
    }

    private static final String S3_READ = """
            package blobs

            import (
            \t"context"
            \t"io"

            \t"github.com/aws/aws-sdk-go-v2/aws"
            \t"github.com/aws/aws-sdk-go-v2/service/s3"
            )

            type Store struct {
            \tapi    *s3.Client
            \tbucket string
            }

            func (s *Store) Read(ctx context.Context, key string) ([]byte, error) {
            \tout, err := s.api.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(s.bucket), Key: aws.String(key)})
            \tif err != nil {
            \t\treturn nil, err
            \t}
            %s\treturn io.ReadAll(out.Body)
            }
            """;

    @Test
    void an_s3_v2_object_body_never_closed_is_reported() {
        assertEquals(List.of("17:RES-02"), items("blobs/store.go", S3_READ.formatted("")));
    }

    @Test
    void an_s3_v2_object_body_closed_by_defer_is_clean() {
        assertEquals(List.of(), items("blobs/store.go", S3_READ.formatted("\tdefer out.Body.Close()\n")));
    }
}
