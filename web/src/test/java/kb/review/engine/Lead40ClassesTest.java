package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The lead's merge fix of session 40 (the folder's SOURCES.md): a client built by a lazy getter, which tests the
 * field it stores the client in against null before building and returns that field, is built once, not per call;
 * and {@code return client;} no longer reads as the declaration of a local {@code client}. The defects beside them
 * (a provider returning a fresh client per call, a getter that overwrites the field on every call) are still
 * reported.
 */
class Lead40ClassesTest {

    @Test
    void lazy_getters_build_their_client_once_and_per_call_providers_are_still_reported() {
        ClassDiffs25.check("lead40-field-returned-by-lazy-getter", Set.of("RES-04"));
    }
}
