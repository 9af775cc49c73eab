package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * RES-04: a client that owns connections built on every request, from the receiver's own configuration, inside the
 * request method or a helper it calls: an http.Client with its own Transport, go-redis, sql.Open, pgxpool, mongo, a
 * gRPC ClientConn to the receiver's target and an aws-sdk-go-v2 service client (the last two from
 * models/go-clients-25.yaml). Clean look-alikes: the client built once in a constructor, in a lifecycle method without
 * parameters, under sync.Once, and a gRPC connection to the target the caller passes (a probe).
 */
class GoClientPerRequestTest {

    @Test
    void a_pooled_client_built_per_request_from_the_receivers_settings_is_reported() {
        ClassDiffs25.check("res04-per-request", Set.of("RES-04"));
    }
}
