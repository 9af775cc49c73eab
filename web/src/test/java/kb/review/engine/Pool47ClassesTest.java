package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 47 (branch pool47), each directory under {@code review/classes25/} with its SOURCES.md.
 * <ul>
 * <li>A pooled client built by a helper of the same file, a function or a method of the receiver, whose body builds
 * and returns it (RES-04): reported at the call where per-call code makes it ({@code e.client().Get(url)} in a
 * scrape, {@code newUpstream(...)} in {@code ServeHTTP}). Clean: a helper's client with keep-alives off (single use
 * by design) or with only a timeout (the default transport's pool); the helper called by the constructor and kept;
 * a Java pool built in a component's no-argument {@code start()}, which runs once per component.</li>
 * </ul>
 */
class Pool47ClassesTest {

    @Test
    void a_pooled_client_built_by_a_helper_of_the_file_per_call_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("pool47-helpers-built-per-call", Set.of("RES-04"));
    }
}
