package kb.insights;

import kb.incidents.Incidents;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/** "This week in past years": incidents that started within three days of today's date in an earlier year. */
final class PastYears {

    /** One remembered incident and how many years ago it started. */
    record Memory(String id, String title, String severity, String started, int yearsAgo) {
    }

    private PastYears() {
    }

    static List<Memory> around(List<Incidents.Facts> facts, LocalDate today) {
        return facts.stream().map(f -> {
            LocalDate day = f.startedAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
            int years = today.getYear() - day.getYear();
            if (years < 1) {
                return null;
            }
            LocalDate sameYear = day.plusYears(years);
            long apart = Math.abs(java.time.temporal.ChronoUnit.DAYS.between(sameYear, today));
            // near New Year the same week can fall in the neighbouring year
            long apartPrev = Math.abs(java.time.temporal.ChronoUnit.DAYS.between(sameYear.minusYears(1), today));
            long apartNext = Math.abs(java.time.temporal.ChronoUnit.DAYS.between(sameYear.plusYears(1), today));
            return Math.min(apart, Math.min(apartPrev, apartNext)) <= 3
                    ? new Memory(f.id(), f.title(), f.severity(), day.toString(), years) : null;
        }).filter(m -> m != null).sorted(Comparator.comparingInt(Memory::yearsAgo).thenComparing(Memory::id)).toList();
    }
}
