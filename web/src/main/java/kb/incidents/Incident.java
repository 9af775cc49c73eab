package kb.incidents;

import kb.incidents.Parts.ActionRow;
import kb.incidents.Parts.ChecklistLink;
import kb.incidents.Parts.CodeBlockRow;
import kb.incidents.Parts.SectionRow;
import kb.incidents.Parts.TimelineRow;

import java.util.ArrayList;
import java.util.List;

/** An incident with every part of its current revision, as pages and the API show it. */
public record Incident(IncidentHeader header, List<SectionRow> sections, List<TimelineRow> timeline,
                       List<ActionRow> actionItems, List<CodeBlockRow> codeBlocks, List<String> services,
                       List<String> tags, List<String> categories, List<String> authors,
                       List<ChecklistLink> checklist) {

    /** A before/after pair (either side may be missing) of runnable blocks within one section. */
    public record RunPair(CodeBlockRow before, CodeBlockRow after) {
        /** Before and after as one unified diff; null unless both sides are there. */
        public CodeDiff diff() {
            return before == null || after == null ? null : CodeDiff.between(before.code(), after.code());
        }
    }

    /**
     * Runnable blocks of a section grouped for side-by-side display: each {@code before} is paired
     * with the next {@code after}; blocks without a partner stand alone.
     */
    public List<RunPair> runPairs(String sectionKind) {
        List<RunPair> pairs = new ArrayList<>();
        CodeBlockRow pending = null;
        for (CodeBlockRow b : codeBlocks) {
            if (!b.runnable() || !java.util.Objects.equals(sectionKind, b.sectionKind())) {
                continue;
            }
            if ("before".equals(b.role())) {
                if (pending != null) {
                    pairs.add(new RunPair(pending, null));
                }
                pending = b;
            } else if ("after".equals(b.role()) && pending != null) {
                pairs.add(new RunPair(pending, b));
                pending = null;
            } else {
                if (pending != null) {
                    pairs.add(new RunPair(pending, null));
                    pending = null;
                }
                pairs.add("after".equals(b.role()) ? new RunPair(null, b) : new RunPair(b, null));
            }
        }
        if (pending != null) {
            pairs.add(new RunPair(pending, null));
        }
        return pairs;
    }
}
