package kb.format;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The known sections of a postmortem body, in display order, with the headings that name them. */
public enum SectionKind {
    SUMMARY("Summary", true, "summary", "摘要", "概述"),
    IMPACT("Impact", false, "impact", "影响"),
    TIMELINE("Timeline", true, "timeline", "时间线"),
    ROOT_CAUSE("Root cause", true, "root cause", "root causes", "根因", "根本原因"),
    TRIGGER("Trigger", false, "trigger", "触发"),
    RESOLUTION("Resolution", false, "resolution", "fix", "修复", "解决"),
    DETECTION("Detection", false, "detection", "发现"),
    LESSONS_LEARNED("Lessons learned", false, "lessons learned", "经验教训"),
    ACTION_ITEMS("Action items", false, "action items", "改进项", "行动项"),
    REPRODUCTION("Reproduction", false, "reproduction", "复现");

    private final String title;
    private final boolean required;
    private final List<String> names;

    SectionKind(String title, boolean required, String... names) {
        this.title = title;
        this.required = required;
        this.names = List.of(names);
    }

    public String title() {
        return title;
    }

    public boolean required() {
        return required;
    }

    /** The URL/JSON key of the section, e.g. {@code root-cause}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Matches a heading case-insensitively against the section's name and aliases. */
    public static Optional<SectionKind> forHeading(String heading) {
        String h = heading.strip().toLowerCase(Locale.ROOT);
        for (SectionKind k : values()) {
            if (k.names.contains(h)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static Optional<SectionKind> forKey(String key) {
        for (SectionKind k : values()) {
            if (k.key().equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
