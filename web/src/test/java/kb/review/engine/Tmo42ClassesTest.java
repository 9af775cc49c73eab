package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 42 (branch tmo42); each directory under {@code review/classes25/} holds defects in different
 * libraries and shapes, modelled on real fixes in other repositories (its SOURCES.md), and clean look-alikes the same
 * rules must not report.
 * <ul>
 * <li>A client or connection the edit builds again without the timeouts its deleted lines gave it (TMO-01,
 * {@code client-rebuilt-without-timeouts}, engine {@code RebuiltWithoutTimeouts}): an Apache client rebuilt without the
 * request config that carried its connect and socket timeouts, a {@code URLConnection} read with timeouts replaced by
 * {@code openStream()} on the same URL, a {@code RestTemplate} built without the request factory that carried them, an
 * Elasticsearch builder inlined without its request-config callback. Clean: the construction handed to a project
 * factory, a shared client in place of a per-call one, a builder derived from a kept client (it copies the kept
 * client's timeouts), a download replaced by a local file while the URL is still named in a log line, a rebuilt
 * client whose timeout comes from a config record.</li>
 * <li>A timeout handed to a constructor or method that builds a client, connection or session and never reads it
 * (TMO-01, {@code java-timeout-parameter-never-read}, visitor {@code UnreadTimeouts}): an RPC client's constructor,
 * a TCP connection's factory method. Clean: the timeouts reach the builder, an override of an interface with nothing
 * to bound, an unused idle limit.</li>
 * </ul>
 */
class Tmo42ClassesTest {

    @Test
    void a_client_rebuilt_without_its_old_timeouts_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("tmo42-client-rebuilt-without-timeouts", Set.of("TMO-01"));
    }

    @Test
    void a_timeout_parameter_that_never_reaches_the_client_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("tmo42-timeout-parameter-never-read", Set.of("TMO-01"));
    }
}
