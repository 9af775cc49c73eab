package kb.system;

import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Template filters: {@code duration} (seconds to "1 h 10 min"), {@code when} (ISO time to a readable one), {@code query},
 * {@code httpUrl} (the value when it is a safe link target, else null). */
final class PebbleFilters extends AbstractExtension {

    @Override
    public Map<String, Filter> getFilters() {
        return Map.of("duration", new Simple(v -> v == null ? "" : human(((Number) v).longValue())),
                "when", new Simple(v -> v == null ? "" : when(v.toString())),
                "query", new Simple(v -> v == null ? "" : query((Map<?, ?>) v)),
                // a link target only when it is an http(s) URL: rows stored before addresses were checked stay inert
                "httpUrl", new Simple(v -> v == null ? null : kb.format.WebAddress.http(v.toString()).orElse(null)));
    }

    /** Seconds as the two largest units: {@code 45 s}, {@code 4 min}, {@code 1 h 10 min}, {@code 2 d 3 h}. */
    static String human(long seconds) {
        if (seconds < 0) {
            return "-" + human(-seconds);
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
        }
        long days = hours / 24;
        return days + " d" + (hours % 24 == 0 ? "" : " " + hours % 24 + " h");
    }

    /** Built once: parsing a pattern per call was a third of the rendering time of an incident page with its timeline. */
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static String when(String iso) {
        try {
            OffsetDateTime t = OffsetDateTime.parse(iso);
            return t.format(t.getSecond() == 0 ? MINUTES : SECONDS)
                    + " " + (t.getOffset().getId().equals("Z") ? "UTC" : t.getOffset().getId());
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    static String query(Map<?, ?> params) {
        if (params.isEmpty()) {
            return "";
        }
        // a parameter with several values (a list) repeats: ?tag=a&tag=b
        return "?" + params.entrySet().stream()
                .flatMap(e -> (e.getValue() instanceof java.util.Collection<?> c ? c.stream() : java.util.stream.Stream.of(e.getValue()))
                        .map(v -> enc(e.getKey().toString()) + "=" + enc(String.valueOf(v))))
                .collect(Collectors.joining("&"));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private record Simple(java.util.function.Function<Object, Object> f) implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return List.of();
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext ctx, int line) {
            return f.apply(input);
        }
    }
}
