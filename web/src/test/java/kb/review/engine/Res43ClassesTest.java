package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 43 (branch res43), each directory under {@code review/classes25/} with its SOURCES.md.
 * <ul>
 * <li>A try-with-resources resource inlined into the statement that used it ({@code removed-release} through
 * {@link UnwrappedTryResources}): {@code return parse(in);} become {@code return parse(Files.newInputStream(p));}
 * with the header deleted, RES-01, or RES-02 for a response's body. Clean: an in-memory stream, a decorator over the
 * caller's reader, a resource renamed in its header.</li>
 * <li>A client built inside a {@code try} the hunk cuts before its catch, which the parser gives up on as an error
 * node ({@code built-per-call} through the cut-body reading of the construction's statements): RES-04. Clean: the
 * client kept in a field, or returned by a factory.</li>
 * <li>A Go method building a client of the type its receiver's struct already holds ({@code client := &http.Client{
 * Timeout: 8 * time.Second}} beside the struct's {@code hc *http.Client}; {@code built-per-call} through the model's
 * {@code peer: receiver-config}): RES-04. Clean: a struct that holds none, a constructor, a setter storing it.</li>
 * <li>A Go local taken from a shared field swapped for a package's client constructor ({@code api := cfg.api} become
 * {@code api, err := kvstore.NewClient(...)}; {@link ReplacedSharedClients}): RES-04. Clean: the swap in a
 * constructor function, or in a method returning the client.</li>
 * </ul>
 */
class Res43ClassesTest {

    @Test
    void a_resource_inlined_out_of_its_try_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res43-inlined-try-resources", Set.of("RES-01", "RES-02"));
    }

    @Test
    void a_client_built_inside_a_cut_try_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res43-clients-in-cut-tries", Set.of("RES-04"));
    }

    @Test
    void a_go_client_built_beside_the_one_its_receiver_holds_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res43-receiver-held-clients", Set.of("RES-04"));
    }

    @Test
    void a_go_shared_client_swapped_for_a_new_one_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res43-swapped-go-clients", Set.of("RES-04"));
    }
}
