package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Classes of session 38 (branch time38): TIME-01's first detectors. The directory {@code review/classes25/
 * time38-zone-dropped/} holds defects in different libraries and shapes, modelled on real fixes in other repositories
 * (its SOURCES.md), and clean look-alikes the same rules must not report.
 * <ul>
 * <li>A change that takes the explicit zone off a time it keeps computing ({@code stripped-time-zone}): a deleted
 * {@code setTimeZone} on a SimpleDateFormat, a Joda chain's {@code .withZoneUTC()} step deleted,
 * {@code LocalDateTime.now(ZoneOffset.UTC)} become {@code now()} for a stored audit time, a Go struct literal's
 * {@code time.Now().UTC()} become {@code time.Now()}, {@code time.ParseInLocation} become {@code time.Parse} for a
 * stored start. Clean: a Go start time only timed with {@code time.Since}, a Go expiry comparison, a zone moved into
 * the constructor, an explicit system default dropped, a formatter rewritten to {@code ISO_INSTANT}.</li>
 * <li>A new format whose pattern quotes {@code 'Z'} (says UTC) and gets no zone
 * ({@code utc-literal-format-without-zone}): SimpleDateFormat through a string constant, commons-lang
 * FastDateFormat. Clean: the same with {@code setTimeZone}, a zone field {@code XXX}, Joda with {@code withZoneUTC()}.
 * </li>
 * </ul>
 */
class Time38ClassesTest {

    @Test
    void a_dropped_zone_or_a_utc_literal_without_zone_is_reported_and_its_look_alikes_are_not() {
        ClassDiffs25.check("time38-zone-dropped", Set.of("TIME-01"));
    }
}
