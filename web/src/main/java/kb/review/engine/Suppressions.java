package kb.review.engine;

import kb.review.diff.SourceFile;
import kb.review.rules.ImportMapping;
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
 *
 * <p>A gosec comment naming its rules on the finding's line ({@code // #nosec G112 -- behind a proxy}) also marks
 * a finding, when {@code imports.yaml} maps one of those gosec rules onto the finding's checklist item: the author
 * already decided about the same pattern for another analyser, and the decision is shown rather than asked again.
 * A bare {@code #nosec} names nothing, so it silences nothing here.
 */
final class Suppressions {

    static final String NO_REASON_RULE = "kb-ignore-without-reason";
    private static final Pattern IGNORE = Pattern.compile(
            "kb:ignore\\s+([A-Za-z0-9_.-]+(?:\\s*,\\s*[A-Za-z0-9_.-]+)*)(?:\\s*--\\s*(.*?))?\\s*(?:\\*/)?\\s*$");

    private static final Pattern NOSEC = Pattern.compile(
            "#nosec\\s+(G\\d{3}(?:\\s*,\\s*G\\d{3})*)(?:\\s*--\\s*(.*?))?\\s*(?:\\*/)?\\s*$");

    private Suppressions() {
    }

    static List<Finding> apply(List<Finding> findings, Map<String, SourceFile> files) {
        return apply(findings, files, List.of());
    }

    static List<Finding> apply(List<Finding> findings, Map<String, SourceFile> files, List<ImportMapping> imports) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            SourceFile file = files.get(f.path());
            Finding.Suppression s = file == null ? null : find(file, f);
            if (s == null && file != null) {
                Finding.Suppression nosec = nosec(file, f, imports);
                if (nosec != null) {
                    out.add(f.suppressedBy(nosec));
                    continue;
                }
            }
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

    private static Finding.Suppression nosec(SourceFile file, Finding f, List<ImportMapping> imports) {
        Matcher m = NOSEC.matcher(file.line(f.line()));
        if (!m.find()) {
            return null;
        }
        for (String id : m.group(1).split("\\s*,\\s*")) {
            for (ImportMapping mapping : imports) {
                if (mapping.item().equals(f.item()) && mapping.message() == null && mapping.matches("gosec", id, "")) {
                    String why = m.group(2) == null || m.group(2).isBlank() ? "" : ": " + m.group(2).strip();
                    return new Finding.Suppression(f.line(), "#nosec " + id + " (gosec)" + why);
                }
            }
        }
        return null;
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
