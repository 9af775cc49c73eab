package kb.insights;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The charts' hand-written number formatting writes what {@code %.2f} and {@code %.1f} write. */
class SvgNumbersTest {

    @Test
    void coordinates_and_values_are_written_like_string_format_with_fixed_decimals() {
        Random r = new Random(42);
        double[] edges = {0, 0.004, 0.005, 0.125, 0.5, 1, 9.995, 10.5, 99.999, 123.45, 640, -0.5, -3.25};
        for (int i = 0; i < 20_000 + edges.length; i++) {
            double v = i < edges.length ? edges[i] : (r.nextDouble() - 0.1) * Math.pow(10, r.nextInt(5));
            StringBuilder two = new StringBuilder();
            Svg.decimals(two, v, 2);
            assertEquals(String.format(Locale.ROOT, "%.2f", v), two.toString(), "two decimals of " + v);
            StringBuilder one = new StringBuilder();
            Svg.decimals(one, v, 1);
            assertEquals(String.format(Locale.ROOT, "%.1f", v), one.toString(), "one decimal of " + v);
        }
        assertEquals("12", Svg.number(12));
        assertEquals("2.5", Svg.number(2.5));
    }
}
