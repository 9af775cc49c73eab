package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 48 (branch res48), each directory under {@code review/classes25/} with its SOURCES.md.
 * <ul>
 * <li>A resource opened in a try-with-resources header only as the receiver of the chain that makes the declared
 * value (RES-01): {@code try (PreparedStatement ps = dataSource.getConnection().prepareStatement(sql))} closes the
 * statement, and nothing closes the connection; the same for a metadata query or a driver connection. Clean: the
 * connection declared in the header first; a stream pipeline or a file's channel, whose close ends its source.</li>
 * </ul>
 */
class Resource48ClassesTest {

    @Test
    void a_resource_opened_in_a_try_header_only_to_make_the_declared_value_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("res48-header-chained-sources", Set.of("RES-01"));
    }
}
