package kb.review.engine;

import static kb.review.engine.GoRound8ClassesTest.file;
import static kb.review.engine.GoRound8ClassesTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go classes of round 9, from the Go misses of the round-8 held-out corpus (heldout8/RESULTS.md, by class of code),
 * each built for the family of real code the miss stands for rather than for its case: long-lived broker, document
 * store and search clients built on a per-request path (RES-04), pooled objects released by a defer while something
 * that outlives the function still reads them (MEM-02). Each fixture is our own code of the class, next to the
 * look-alike of the other verdict.
 */
class GoRound9ClassesTest {

    // --- RES-04: a long-lived client (broker, document store, search) built per call

    private static final String PER_REQUEST = """
            import (
            	"context"

            	"CLIENTPKG"
            )

            type Handler struct {
            	cfg Config
            }

            func (h *Handler) Serve(ctx context.Context, key string) error {
            	BUILD
            	if err != nil {
            		return err
            	}
            	defer CLOSE
            	h.use(ctx, c, key)
            	return nil
            }
            """;

    private static String perRequest(String pkg, String build, String close) {
        return file("api/handler.go", PER_REQUEST.replace("CLIENTPKG", pkg).replace("BUILD", build)
                .replace("CLOSE", close));
    }

    @Test
    void a_kafka_client_built_in_a_request_method_and_closed_there_is_still_built_per_call() {
        String diff = perRequest("github.com/IBM/sarama",
                "c, err := sarama.NewClient(strings.Split(h.cfg.Brokers, \",\"), h.cfg.Sarama)", "c.Close()");
        assertEquals(List.of("14:go-client-per-call"), item(diff, "RES-04"));
        // a consumer group per request is the same construction
        assertEquals(List.of("14:go-client-per-call"), item(perRequest("github.com/IBM/sarama",
                "c, err := sarama.NewConsumerGroup(h.cfg.Brokers, key, h.cfg.Sarama)", "c.Close()"), "RES-04"));
    }

    @Test
    void mongo_amqp_nats_and_elasticsearch_clients_per_request_are_found() {
        assertEquals(List.of("14:go-client-per-call"), item(perRequest("go.mongodb.org/mongo-driver/mongo",
                "c, err := mongo.Connect(ctx, options.Client().ApplyURI(h.cfg.URI))", "c.Disconnect(ctx)"), "RES-04"));
        assertEquals(List.of("14:go-client-per-call"), item(perRequest("github.com/rabbitmq/amqp091-go",
                "c, err := amqp.Dial(h.cfg.URL)", "c.Close()"), "RES-04"));
        assertEquals(List.of("14:go-client-per-call"), item(perRequest("github.com/nats-io/nats.go",
                "c, err := nats.Connect(h.cfg.URL)", "c.Close()"), "RES-04"));
        assertEquals(List.of("14:go-client-per-call"), item(perRequest("github.com/olivere/elastic/v7",
                "c, err := elastic.NewClient(elastic.SetURL(h.cfg.URL))", "c.Stop()"), "RES-04"));
    }

    @Test
    void the_request_scoped_elastic_client_its_docs_recommend_is_clean() {
        // olivere/elastic documents NewSimpleClient for request-scoped use: no sniffer, no health-check goroutines
        assertEquals(List.of(), item(perRequest("github.com/olivere/elastic/v7",
                "c, err := elastic.NewSimpleClient(elastic.SetURL(h.cfg.URL))", "c.Stop()"), "RES-04"));
    }

    @Test
    void the_same_clients_built_once_in_a_constructor_or_main_are_clean() {
        String diff = file("api/handler.go", """
                import (
                	"github.com/IBM/sarama"
                	"github.com/nats-io/nats.go"
                )

                type Handler struct {
                	kafka sarama.Client
                	nc    *nats.Conn
                }

                func NewHandler(cfg Config) (*Handler, error) {
                	k, err := sarama.NewClient(cfg.Brokers, cfg.Sarama)
                	if err != nil {
                		return nil, err
                	}
                	nc, err := nats.Connect(cfg.NatsURL)
                	if err != nil {
                		return nil, err
                	}
                	return &Handler{kafka: k, nc: nc}, nil
                }

                func main() {
                	c, err := amqp.Dial(os.Getenv("AMQP_URL"))
                	if err != nil {
                		log.Fatal(err)
                	}
                	defer c.Close()
                	run(c)
                }
                """);
        assertEquals(List.of(), item(diff, "RES-04"));
    }

    // --- MEM-02: a pooled object released by a defer while a reader that outlives the function still holds it

    private static final String FAST_GET = """
            import "github.com/valyala/fasthttp"

            func fetch(url string) ([]byte, error) {
            	req := fasthttp.AcquireRequest()
            	resp := fasthttp.AcquireResponse()
            	defer fasthttp.ReleaseRequest(req)
            	defer fasthttp.ReleaseResponse(resp)
            	req.SetRequestURI(url)
            	if err := fasthttp.Do(req, resp); err != nil {
            		return nil, err
            	}
            	RETURN
            }
            """;

    @Test
    void a_fasthttp_body_returned_under_a_deferred_release_is_found_at_the_release() {
        assertEquals(List.of("9:go-pooled-value-released-under-reader"),
                item(file("up/get.go", FAST_GET.replace("RETURN", "return resp.Body(), nil")), "MEM-02"));
    }

    @Test
    void a_copy_of_the_body_or_a_value_decoded_from_it_is_clean() {
        assertEquals(List.of(), item(file("up/get.go", FAST_GET.replace("RETURN",
                "return append([]byte(nil), resp.Body()...), nil")), "MEM-02"));
        assertEquals(List.of(), item(file("up/get.go", FAST_GET.replace("RETURN",
                "var v []byte\n\treturn v, json.Unmarshal(resp.Body(), &v)")), "MEM-02"));
    }

    private static final String POOLED_READER = """
            var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

            func parse(raw []byte, req *http.Request) (*http.Response, error) {
            	buf := bufPool.Get().(*bytes.Buffer)
            	defer func() {
            		buf.Reset()
            		bufPool.Put(buf)
            	}()
            	buf.Write(raw)
            	RETURN
            }
            """;

    @Test
    void a_reader_over_a_pooled_buffer_returned_under_a_deferred_put_is_found() {
        assertEquals(List.of("9:go-pooled-value-released-under-reader"), item(file("cache/parse.go",
                POOLED_READER.replace("RETURN", "return http.ReadResponse(bufio.NewReader(buf), req)")), "MEM-02"));
        assertEquals(List.of("9:go-pooled-value-released-under-reader"), item(file("cache/parse.go",
                POOLED_READER.replace("RETURN", "return &http.Response{Body: io.NopCloser(buf)}, nil")), "MEM-02"));
    }

    @Test
    void a_value_decoded_from_the_buffer_before_the_release_is_clean() {
        assertEquals(List.of(), item(file("cache/parse.go", POOLED_READER.replace("RETURN",
                "var r http.Response\n\treturn &r, json.NewDecoder(buf).Decode(&r)")), "MEM-02"));
    }

    private static final String POOLED_CONTEXT = """
            var ctxPool = sync.Pool{New: func() any { return new(reqCtx) }}

            func (s *Server) handle(w http.ResponseWriter, r *http.Request) {
            	c := ctxPool.Get().(*reqCtx)
            	c.req = r
            	defer func() {
            		*c = reqCtx{}
            		ctxPool.Put(c)
            	}()
            	SPAWN
            	s.router.ServeHTTP(w, r)
            }
            """;

    @Test
    void a_pooled_object_handed_to_a_goroutine_under_a_deferred_put_is_found() {
        assertEquals(List.of("10:go-pooled-value-released-under-reader"), item(file("srv/handle.go",
                POOLED_CONTEXT.replace("SPAWN", "go s.audit(c)")), "MEM-02"));
        assertEquals(List.of("10:go-pooled-value-released-under-reader"), item(file("srv/handle.go",
                POOLED_CONTEXT.replace("SPAWN", "go func() { s.audit(c.req) }()")), "MEM-02"));
    }

    @Test
    void a_goroutine_given_a_copy_or_one_the_handler_waits_for_is_clean() {
        assertEquals(List.of(), item(file("srv/handle.go",
                POOLED_CONTEXT.replace("SPAWN", "go s.audit(c.req.URL.Path)")), "MEM-02"));
        assertEquals(List.of(), item(file("srv/handle.go", POOLED_CONTEXT.replace("SPAWN",
                "var wg sync.WaitGroup\n\twg.Add(1)\n\tgo func() { defer wg.Done(); s.audit(c.req) }()\n\twg.Wait()")),
                "MEM-02"));
    }
}
