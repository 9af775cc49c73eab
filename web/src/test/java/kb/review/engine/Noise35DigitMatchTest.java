package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session 35 (branch noise35): a Go conversion whose text a visible regular expression already constrained to digits
 * ({@link DigitCaptures}, rule {@code go-conversion-error-discarded}, class LR of precision sets 21, 23 and 24). The
 * class diffs hold a word group, a piece split from a digit group and a decimal group (reported) and version groups,
 * fixed-width groups in an if header, a range over all submatches and whole matches of {@code \d+} (quiet).
 */
class Noise35DigitMatchTest {

    @Test
    void a_conversion_of_a_digits_only_match_is_quiet_and_of_other_text_is_reported() {
        ClassDiffs25.check("noise35-conversion-of-digit-match", Set.of("ERR-01"));
    }

    @Test
    void groups_are_counted_past_escapes_classes_and_non_capturing_groups() {
        assertEquals("\\d+", DigitCaptures.group("^(?:v)?(\\d+)\\.([a-z(]+)$", 1));
        assertEquals("[a-z(]+", DigitCaptures.group("^(?:v)?(\\d+)\\.([a-z(]+)$", 2));
        assertEquals("-\\d+", DigitCaptures.group("^(-?)f(-\\d+)?$", 2));
        assertEquals("\\d{2}", DigitCaptures.group("\\((x)\\)(?P<n>\\d{2})", 2));
    }

    @Test
    void only_a_digit_match_in_a_decimal_or_hex_base_counts() {
        String file = "var re = regexp.MustCompile(`^(\\d+)-(-?\\d+)$`)\n";
        String scope = "func f(s string) {\n\tm := re.FindStringSubmatch(s)\n}";
        assertEquals("digits", DigitCaptures.of("n, _ := strconv.ParseInt(m[1], 10, 64)", scope, file));
        assertEquals("", DigitCaptures.of("n, _ := strconv.ParseInt(m[1], 0, 64)", scope, file));
        assertEquals("", DigitCaptures.of("n, _ := strconv.ParseUint(m[2], 10, 64)", scope, file));
        assertEquals("digits", DigitCaptures.of("n, _ := strconv.Atoi(m[2])", scope, file));
        assertEquals("", DigitCaptures.of("n, _ := strconv.Atoi(m[2])", scope + "\nm = strings.Fields(s)", file));
    }
}
