package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session 28 (res28): three change-act classes of Java lifecycle edits, each with five defects of its own words and
 * shapes and three or more clean look-alikes under {@code review/classes25/}.
 */
class Res28LifecycleEditsTest {

    /**
     * A shutdown (executor, Netty event loop group) deleted from the catch of a failed start or from the end of the
     * work, the acquisition kept or only given other arguments: reported at the acquisition. Clean: the shutdown moved
     * into finally, the group now taken from a shared owner, {@code shutdown} made {@code shutdownNow}, the executor
     * put in a try-with-resources.
     */
    @Test
    void shutdownDeletedFromAFailedStart() {
        ClassDiffs25.check("res-shutdown-deleted-on-failure", Set.of("RES-01"));
    }

    /**
     * A try-with-resources turned into a plain try that closes the value as its last statement, with catches that do
     * not close it: reported where the value was acquired (a local, or a caller's local passed to the method).
     * Clean: the close in finally, a catch that closes too, the header kept.
     */
    @Test
    void resourceClosedOnlyWhenTheTrySucceeds() {
        ClassDiffs25.check("res-closed-on-success", Set.of("RES-01"));
    }

    /**
     * A local that took a client or pool from a shared accessor, field or holder now builds one per call (a private
     * factory, a constructor, a builder). Clean: the swap in a constructor, the reverse swap (the fix), a factory that
     * returns what it builds, a value that is no client, test sources.
     */
    @Test
    void sharedClientSwappedForOneBuiltPerCall() {
        ClassDiffs25.check("res04-shared-client-swapped", Set.of("RES-04"));
    }

    /**
     * Go: a value assigned to a named result and handed back by a bare {@code return} is the caller's (a pooled
     * client wrapper's {@code (resp *http.Response, err error)}; set 20's T rows). Defects: a local that is no named
     * result, left open before a bare return (a body read, rows counted or collected, a file sized, a probe response).
     */
    @Test
    void goNamedResultReturnedByBareReturn() {
        ClassDiffs25.check("res-go-named-result-returned", Set.of("RES-01", "RES-02"));
    }

    /**
     * JAX-RS: {@code readEntity} of a whole value ({@code String}, {@code byte[]}) closes the response; a path that
     * reads it so is released (set 20's LI rows). Defects: a branch that only logs the status, a read as an
     * InputStream, a status or header only, a read on the success family alone.
     */
    @Test
    void jaxRsEntityReadWholeClosesTheResponse() {
        ClassDiffs25.check("res02-jaxrs-entity-read", Set.of("RES-02"));
    }

    /**
     * Breadth pass, Java (shapes of real fix threads, in new code): a server channel left open by a failed bind, a
     * socket by a refused connect or a failed handshake, a selector closed only after a successful wait (also as edits
     * that delete the closing catch or flatten the finally), an event loop group made for every connect.
     */
    @Test
    void breadthJava() {
        ClassDiffs25.check("res-breadth28-java", Set.of("RES-01", "RES-04"));
    }

    /**
     * Breadth pass, Go: a retried response dropped without its body closed, a file opened only to stat it, every
     * file of a walk opened and never closed.
     */
    @Test
    void breadthGo() {
        ClassDiffs25.check("res-breadth28-go", Set.of("RES-01", "RES-02"));
    }
}
