package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * RES-01/RES-02 (and TX-01 for a read transaction): the release is written, but as a {@code defer} below a check that
 * returns first (a status code, a Content-Type, a gzip reader's error, a Stat or a size limit, a Setenv, a Bind, a
 * missing bucket), so that path leaves the response body, file, rows, object, session, subscription or connection
 * open. Variants over net/http (client Get/Do, http.Post/Head), os.Open/Create, database/sql and pgx rows, minio and
 * aws-sdk-go-v2 objects, pkg/sftp files, x/crypto/ssh sessions, go-redis PubSub, bbolt transactions, gorilla
 * websocket and go-ldap connections, whole files and edits that move the defer down; a body or file read through a
 * second local ({@code var r io.Reader = resp.Body}) is the same value and is followed. Clean look-alikes: the defer
 * right after the error check, the early branch closing the body itself, the response or the alias returned to the
 * caller, the alias closed by its own name.
 */
class GoCloseBelowEarlyReturnTest {

    @Test
    void a_release_deferred_below_an_early_return_leaks_on_that_return() {
        ClassDiffs25.check("res-early-return", Set.of("RES-01", "RES-02", "TX-01"));
    }
}
