package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Where a deleted release counts as put back: a try-with-resources that now declares the value, also when its header
 * runs over several lines and the value is a later resource on a line of its own (a close moved into the header, round
 * 30's clean chcp case at the session-32 merge), and not on a line after the header has closed.
 */
class ReleasesPutBackTest {

    private static final RemovedReleases.Release CLOSE = new RemovedReleases.Release(
            Pattern.compile("^\\s*(?:this\\.)?([A-Za-z_]\\w*)\\.close\\(\\)\\s*;"), null, "RES-01", "closes");

    @Test
    void a_value_declared_on_a_later_line_of_a_multi_line_resource_header_is_put_back() {
        assertTrue(ReleasesPutBack.putBack("output", CLOSE, List.of(
                "        try (InputStream input = new BufferedInputStream(connection.getInputStream());",
                "             OutputStream output = new BufferedOutputStream(new FileOutputStream(path))) {"),
                true, false));
        assertTrue(ReleasesPutBack.putBack("output", CLOSE, List.of(
                "        try (OutputStream output = new FileOutputStream(path)) {"), true, false));
    }

    @Test
    void a_value_declared_after_the_header_closed_is_not_put_back() {
        assertFalse(ReleasesPutBack.putBack("output", CLOSE, List.of(
                "        try (InputStream input = connection.getInputStream()) {",
                "            OutputStream output = new FileOutputStream(path);"), true, false));
        assertFalse(ReleasesPutBack.putBack("output", CLOSE, List.of(
                "        OutputStream output = new FileOutputStream(path);"), true, false));
    }
}
