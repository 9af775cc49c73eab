package kb.format;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of parsing one file: the value when the file is valid, otherwise every problem found.
 * A value is never returned together with problems, so a caller cannot store half-valid content.
 */
public record Parsed<T>(Optional<T> value, List<Problem> problems) {

    public Parsed {
        problems = List.copyOf(problems.stream().sorted().toList());
        if (value.isPresent() && !problems.isEmpty()) {
            value = Optional.empty();
        }
    }

    public static <T> Parsed<T> ok(T value) {
        return new Parsed<>(Optional.of(value), List.of());
    }

    public static <T> Parsed<T> failed(List<Problem> problems) {
        return new Parsed<>(Optional.empty(), problems);
    }

    public boolean valid() {
        return value.isPresent();
    }
}
