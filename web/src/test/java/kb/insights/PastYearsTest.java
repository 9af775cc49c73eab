package kb.insights;

import kb.incidents.Incidents;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PastYearsTest {

    private static Incidents.Facts started(String id, String at) {
        return new Incidents.Facts(id, id, "P2", OffsetDateTime.parse(at), null, null, null, false, List.of(), List.of(), List.of());
    }

    @Test
    void incidents_within_three_days_of_today_in_earlier_years_are_remembered_newest_year_first() {
        List<Incidents.Facts> facts = List.of(
                started("two-years-ago", "2024-12-01T05:00:00Z"),
                started("five-years-ago", "2021-11-27T23:00:00Z"),
                started("a-week-off", "2024-12-08T05:00:00Z"),
                started("this-year", "2026-11-29T05:00:00Z"),
                started("utc-day-counts", "2023-12-04T07:00:00+08:00"));
        var memories = PastYears.around(facts, LocalDate.of(2026, 11, 30));
        assertEquals(List.of("two-years-ago", "utc-day-counts", "five-years-ago"),
                memories.stream().map(PastYears.Memory::id).toList());
        assertEquals(2, memories.get(0).yearsAgo());
    }

    @Test
    void the_week_spans_new_year() {
        var memories = PastYears.around(List.of(started("late-december", "2023-12-30T10:00:00Z")), LocalDate.of(2026, 1, 1));
        assertEquals(1, memories.size());
    }
}
