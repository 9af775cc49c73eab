package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The round-11 Go models of background goroutines and pooled objects (content/rules/models/go-libraries-5.yaml): an
 * OpenTelemetry TracerProvider built per call (and one handed to the caller), a ristretto cache, a rueidis dedicated
 * connection and a bytebufferpool buffer, each held until Shutdown, Close or Put (RES-01). Split from
 * {@link GoLibraryModelsRound11Test}: each defect is written as the pull request that introduces it, next to the
 * look-alike that releases it; {@code file} puts "package svc" and a blank line first, so a body's line n is the
 * file's line n + 2.
 */
class GoLibraryModelsRound11GoroutinesAndPoolsTest {

    // --- RES-01: an OpenTelemetry TracerProvider built per call runs its batch processor until Shutdown
    private static final String OTEL_PROVIDER = """
            import (
            	"context"

            	"go.opentelemetry.io/otel/sdk/trace"
            )

            func traceOnce(ctx context.Context, exp trace.SpanExporter, name string) error {
            	tp := trace.NewTracerProvider(trace.WithBatcher(exp))
            %s	_, span := tp.Tracer("probe").Start(ctx, name)
            	span.End()
            	return nil
            }
            """;

    @Test
    void otel_provider_defect_is_reported() {
        assertEquals(List.of("10:go-resource-not-closed"),
                item(file("telemetry/setup.go", OTEL_PROVIDER.formatted("")), "RES-01"));
    }

    @Test
    void otel_provider_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("telemetry/setup.go", OTEL_PROVIDER.formatted("\tdefer tp.Shutdown(ctx)\n")), "RES-01"));
    }

    // --- a provider installed as the global one, whose Shutdown the setup function returns, is the caller's
    private static final String OTEL_PROVIDER_HANDED = """
            import (
            	"context"

            	"go.opentelemetry.io/otel"
            	"go.opentelemetry.io/otel/sdk/trace"
            )

            func Install(ctx context.Context, exp trace.SpanExporter) func(context.Context) error {
            	tp := trace.NewTracerProvider(trace.WithBatcher(exp))
            	otel.SetTracerProvider(tp)
            %s	return tp.Shutdown
            }
            """;

    @Test
    void otel_provider_handed_is_clean() {
        assertEquals(List.of(),
                item(file("telemetry/global.go", OTEL_PROVIDER_HANDED.formatted("")), "RES-01"));
    }

    // --- RES-01: a ristretto cache starts goroutines that only Close stops
    private static final String RISTRETTO_CACHE = """
            import (
            	"github.com/dgraph-io/ristretto"
            )

            func quoteAll(skus []string, price func(string) int64) (map[string]int64, error) {
            	cache, err := ristretto.NewCache(&ristretto.Config{NumCounters: 1e4, MaxCost: 1 << 20, BufferItems: 64})
            	if err != nil {
            		return nil, err
            	}
            %s	out := make(map[string]int64, len(skus))
            	for _, s := range skus {
            		if v, ok := cache.Get(s); ok {
            			out[s] = v.(int64)
            			continue
            		}
            		p := price(s)
            		cache.Set(s, p, 1)
            		out[s] = p
            	}
            	return out, nil
            }
            """;

    @Test
    void ristretto_cache_defect_is_reported() {
        assertEquals(List.of("8:go-resource-not-closed"),
                item(file("pricing/quote.go", RISTRETTO_CACHE.formatted("")), "RES-01"));
    }

    @Test
    void ristretto_cache_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("pricing/quote.go", RISTRETTO_CACHE.formatted("\tdefer cache.Close()\n")), "RES-01"));
    }

    // --- RES-01: rueidis Dedicate() pins a connection until its returned function is called
    private static final String RUEIDIS_DEDICATE = """
            import (
            	"context"

            	"github.com/redis/rueidis"
            )

            func watchAndSet(ctx context.Context, client rueidis.Client, key, val string) error {
            	c, release := client.Dedicate()
            %s	if err := c.Do(ctx, c.B().Watch().Key(key).Build()).Error(); err != nil {
            		return err
            	}
            	return c.Do(ctx, c.B().Set().Key(key).Value(val).Build()).Error()
            }
            """;

    @Test
    void rueidis_dedicate_defect_is_reported() {
        assertEquals(List.of("10:go-resource-not-closed"),
                item(file("locks/redis.go", RUEIDIS_DEDICATE.formatted("")), "RES-01"));
    }

    @Test
    void rueidis_dedicate_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("locks/redis.go", RUEIDIS_DEDICATE.formatted("\tdefer release()\n")), "RES-01"));
    }

    // --- RES-01: a bytebufferpool buffer never put back (low confidence: the template engine is an unknown callee)
    private static final String BYTEBUFFERPOOL = """
            import (
            	"html/template"

            	"github.com/valyala/bytebufferpool"
            )

            func render(t *template.Template, data interface{}) (string, error) {
            	buf := bytebufferpool.Get()
            %s	if err := t.Execute(buf, data); err != nil {
            		return "", err
            	}
            	return buf.String(), nil
            }
            """;

    @Test
    void bytebufferpool_defect_is_reported() {
        assertEquals(List.of("10:go-resource-not-closed"),
                item(file("render/page.go", BYTEBUFFERPOOL.formatted("")), "RES-01"));
    }

    @Test
    void bytebufferpool_look_alike_is_clean() {
        assertEquals(List.of(),
                item(file("render/page.go", BYTEBUFFERPOOL.formatted("\tdefer bytebufferpool.Put(buf)\n")), "RES-01"));
    }
}
