package kb.format;

import org.junit.jupiter.api.Test;

import static kb.format.Fixture.VALID;
import static kb.format.Fixture.onlyProblem;
import static kb.format.Fixture.valid;
import static kb.format.Fixture.withFront;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code exclude-from-metrics}: a boolean, false by default, kept by a rewrite. */
class ExcludeFromMetricsTest {

    @Test
    void incidents_count_in_metrics_unless_they_say_otherwise() {
        assertFalse(valid(VALID).excludeFromMetrics());
        assertFalse(valid(withFront("exclude-from-metrics: false\n")).excludeFromMetrics());
        assertTrue(valid(withFront("exclude-from-metrics: true\n")).excludeFromMetrics());
    }

    @Test
    void anything_but_true_or_false_is_an_error_on_its_line() {
        for (String bad : new String[] {"yes", "1", "TRUE", "maybe"}) {
            Problem p = onlyProblem(withFront("exclude-from-metrics: " + bad + "\n"), 6, "exclude-from-metrics must be true or false");
            assertTrue(p.message().contains("'" + bad + "'"), p.message());
        }
        onlyProblem(withFront("exclude-from-metrics: [true]\n"), 6, "must be a single value");
        onlyProblem(withFront("exclude-from-metric: true\n"), 6, "exclude-from-metric");
    }

    @Test
    void the_writer_keeps_the_flag_and_leaves_it_out_when_false() {
        PostmortemWriter writer = new PostmortemWriter();
        Postmortem excluded = valid(withFront("exclude-from-metrics: true\n"));
        String written = writer.write(excluded);
        assertTrue(written.contains("\nexclude-from-metrics: true\n"), written);
        assertTrue(valid(written).excludeFromMetrics());
        assertFalse(writer.write(valid(VALID)).contains("exclude-from-metrics"));
        assertEquals(written, writer.write(valid(written)));
    }
}
