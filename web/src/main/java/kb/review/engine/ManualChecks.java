package kb.review.engine;

import kb.review.diff.ChangedFile;
import kb.review.diff.SourceFile;
import kb.review.rules.ManualTrigger;
import kb.review.rules.RuleBook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checklist items a change leaves to the reviewer: a manual trigger's path changed, or its regex matches an added
 * line (skipped cheaply by its {@link Needles} when the added text cannot hold a match). Thread-safe.
 */
final class ManualChecks {

    private final RuleBook book;
    /** Per manual-trigger regex, texts one of which any match contains (null: unknown); see {@link Needles}. */
    private final Map<Pattern, List<String>> needles = new java.util.IdentityHashMap<>();
    /** Per manual-trigger regex, {@link Needles#required} (null: unknown), read in the added text's own case. */
    private final Map<Pattern, List<List<String>>> required = new java.util.IdentityHashMap<>();

    ManualChecks(RuleBook book) {
        this.book = book;
        for (ManualTrigger t : book.triggers()) {
            t.addedLines().forEach(p -> needles.put(p, Needles.of(p)));
            t.addedLines().forEach(p -> required.put(p, Needles.required(p)));
        }
    }

    List<ManualCheck> manual(List<SourceFile> files) {
        Map<String, ManualCheck> out = new LinkedHashMap<>();
        // the added text of each file in lower case, made once and read once for every trigger's needles: most
        // trigger regexes are skipped by a substring test
        Map<SourceFile, Occurrences.Text> lowered = new java.util.IdentityHashMap<>();
        // and as written, for the needles that keep their case (a trigger's needle must be there in both)
        Map<SourceFile, Occurrences.Text> written = new java.util.IdentityHashMap<>();
        for (ManualTrigger t : book.triggers()) {
            if (out.containsKey(t.item())) {
                continue;
            }
            for (SourceFile f : files) {
                if (f.change().change() == ChangedFile.Change.DELETED) {
                    continue;
                }
                String reason = reason(t, f, lowered, written);
                if (reason != null) {
                    out.put(t.item(), new ManualCheck(t.item(), t.prompt(), reason));
                    break;
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private String reason(ManualTrigger t, SourceFile f, Map<SourceFile, Occurrences.Text> lowered,
                          Map<SourceFile, Occurrences.Text> written) {
        if (t.paths().stream().anyMatch(g -> g.matches(f.path()))) {
            return f.path() + " changed";
        }
        if (t.addedLines().isEmpty()) {
            return null;
        }
        SourceFile.AddedText added = f.addedText();
        Occurrences.Text lower = lowered.computeIfAbsent(f,
                x -> new Occurrences.Text(added.text().toLowerCase(java.util.Locale.ROOT)));
        for (Pattern p : t.addedLines()) {
            if (!Needles.mayMatch(needles.get(p), lower) || !Needles.mayMatchAll(required.get(p),
                    written.computeIfAbsent(f, x -> new Occurrences.Text(added.text())))) {
                continue;
            }
            var m = p.matcher(added.text());
            if (m.find()) {
                return f.path() + ":" + added.lineAt(m.start()) + " adds \"" + m.group() + "\"";
            }
        }
        return null;
    }
}
