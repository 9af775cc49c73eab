package kb.review.rules;

import java.util.regex.Pattern;

/**
 * Maps results of another analyser (read from its SARIF) onto a checklist item. {@code tool} is matched against the
 * SARIF driver name, {@code rule} against the result's rule id, {@code message} (when present) against the
 * result's message; all case-insensitively and anywhere in the text.
 */
public record ImportMapping(Pattern tool, Pattern rule, Pattern message, String item, String source) {

    public boolean matches(String toolName, String ruleId, String text) {
        return tool.matcher(toolName).find()
                && rule.matcher(ruleId == null ? "" : ruleId).find()
                && (message == null || message.matcher(text == null ? "" : text).find());
    }
}
