package kb.review.engine;

import kb.review.diff.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@code kb:ignore RULE-ID -- reason} comments written on a finding's line or the line before. The id may
 * be a rule id or a checklist item id, several separated by commas. A suppressed finding is kept, marked. A comment
 * without a reason still marks the finding but adds a finding of its own, of the same severity, so that a silenced
 * blocker without an explanation still fails the gate.
 */
final class Suppressions {

    static final String NO_REASON_RULE = "kb-ignore-without-reason";
    private static final Pattern IGNORE = Pattern.compile(
            "kb:ignore\\s+([A-Za-z0-9_.-]+(?:\\s*,\\s*[A-Za-z0-9_.-]+)*)(?:\\s*--\\s*(.*?))?\\s*(?:\\*/)?\\s*$");

    private Suppressions() {
    }

    static List<Finding> apply(List<Finding> findings, Map<String, SourceFile> files) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            SourceFile file = files.get(f.path());
            Finding.Suppression s = file == null ? null : find(file, f);
            if (s == null) {
                out.add(f);
                continue;
            }
            out.add(f.suppressedBy(s));
            if (s.reason() == null || s.reason().isBlank()) {
                out.add(new Finding(NO_REASON_RULE, f.item(), f.severity(), f.path(), s.line(), 1,
                        file.line(s.line()).strip(), "kb:ignore " + f.rule() + " gives no reason; write "
                        + "'kb:ignore " + f.rule() + " -- why this is safe'", Finding.Confidence.HIGH, null, "kb",
                        null));
            }
        }
        return out;
    }

    private static Finding.Suppression find(SourceFile file, Finding f) {
        for (int line : new int[] {f.line(), f.line() - 1}) {
            Matcher m = IGNORE.matcher(file.line(line));
            if (m.find()) {
                for (String id : m.group(1).split("\\s*,\\s*")) {
                    if (id.equals(f.rule()) || id.equals(f.item())) {
                        return new Finding.Suppression(line, m.group(2) == null ? null : m.group(2).strip());
                    }
                }
            }
        }
        return null;
    }
}
