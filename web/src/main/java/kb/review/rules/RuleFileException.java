package kb.review.rules;

import java.util.List;

/** Rule files that cannot be used; each error reads {@code file:line: message}. */
public final class RuleFileException extends Exception {

    private final List<String> errors;

    public RuleFileException(List<String> errors) {
        super("invalid rule files:\n  " + String.join("\n  ", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
