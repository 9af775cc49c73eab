package kb.incidents;

import kb.incidents.Parts.TimelineRow;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * An incident's timeline laid out on a time axis, in percent of the axis width so the page can draw it with
 * plain CSS at any width: one mark per entry, the detect/mitigate/resolve spans from the start, and the long
 * quiet gaps between entries labelled with their length.
 *
 * @param marks the entries, in list order, with their place on the axis
 * @param spans time to detect, mitigate and resolve, each from the start of the incident (missing ones left out)
 * @param gaps  stretches with no entry longer than a fifth of the whole incident
 * @param from  the earliest time on the axis (ISO-8601)
 * @param to    the latest time on the axis (ISO-8601)
 * @param totalSeconds the length of the axis
 */
public record TimelineAxis(List<Mark> marks, List<Span> spans, List<Span> gaps, String from, String to, long totalSeconds) {

    /** An entry at {@code left} percent; {@code position} is its index in the list below the axis. */
    public record Mark(int position, String kind, String at, double left) {
    }

    /** A stretch of the axis from {@code left} percent, {@code width} percent wide, {@code seconds} long. */
    public record Span(String key, String label, double left, double width, long seconds) {
    }

    private static final double GAP_SHARE = 0.2;

    /** The axis of {@code incident}, or null when it has fewer than two distinct times to place. */
    public static TimelineAxis of(Incident incident) {
        IncidentHeader h = incident.header();
        OffsetDateTime start = parse(h.started());
        List<OffsetDateTime> times = new ArrayList<>();
        for (TimelineRow t : incident.timeline()) {
            times.add(parse(t.atTime()));
        }
        OffsetDateTime min = start;
        OffsetDateTime max = start;
        for (OffsetDateTime t : times) {
            min = earliest(min, t);
            max = latest(max, t);
        }
        for (String s : new String[] {h.detected(), h.mitigated(), h.resolved()}) {
            max = latest(max, parse(s));
        }
        if (min == null || max == null || !max.isAfter(min)) {
            return null;
        }
        double length = Duration.between(min, max).toSeconds();
        List<Mark> marks = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            if (times.get(i) != null) {
                TimelineRow row = incident.timeline().get(i);
                marks.add(new Mark(row.position(), row.kind(), row.atTime(), pct(min, times.get(i), length)));
            }
        }
        List<Span> spans = new ArrayList<>();
        if (start != null) {
            span(spans, "ttd", "Time to detect", h.ttdSeconds(), start, min, length);
            span(spans, "ttm", "Time to mitigate", h.ttmSeconds(), start, min, length);
            span(spans, "ttr", "Time to resolve", h.ttrSeconds(), start, min, length);
        }
        List<Span> gaps = new ArrayList<>();
        List<OffsetDateTime> sorted = times.stream().filter(t -> t != null).sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            long gap = Duration.between(sorted.get(i - 1), sorted.get(i)).toSeconds();
            if (gap > length * GAP_SHARE) {
                gaps.add(new Span("gap", "No entries", pct(min, sorted.get(i - 1), length), gap * 100.0 / length, gap));
            }
        }
        return new TimelineAxis(marks, spans, gaps, min.toString(), max.toString(), (long) length);
    }

    private static void span(List<Span> spans, String key, String label, Long seconds, OffsetDateTime start,
                             OffsetDateTime min, double length) {
        if (seconds != null && seconds >= 0) {
            spans.add(new Span(key, label, pct(min, start, length), seconds * 100.0 / length, seconds));
        }
    }

    private static double pct(OffsetDateTime min, OffsetDateTime t, double length) {
        double p = Duration.between(min, t).toSeconds() * 100.0 / length;
        return Math.round(Math.max(0, Math.min(100, p)) * 100) / 100.0;
    }

    private static OffsetDateTime earliest(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static OffsetDateTime parse(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
