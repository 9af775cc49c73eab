package kb.format;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

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

    /** The headings that name this section, as an author would type them: {@code 'Summary', '摘要' or '概述'}. */
    public String acceptedHeadings() {
        List<String> shown = new java.util.ArrayList<>();
        shown.add("'" + title + "'");
        names.stream().filter(n -> !n.equalsIgnoreCase(title)).map(n -> "'" + n + "'").forEach(shown::add);
        if (shown.size() == 1) {
            return shown.get(0);
        }
        return String.join(", ", shown.subList(0, shown.size() - 1)) + " or " + shown.get(shown.size() - 1);
    }

    /** Numbering and trailing punctuation authors put around a heading: "1.", "2)", "IV.", "一、", "（三）", ":". */
    private static final Pattern DECORATION = Pattern.compile(
            "^(?:\\d+(?:\\.\\d+)*[.)、]?|[ivx]+[.)]|[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\\d]+[)）])\\s*"
                    + "|[\\s:：.。]+$");

    /**
     * The section a heading that is not one of the known names most likely meant, for an error message only
     * (the format reads such a heading as a free-text section): "1. Summary", "Root cause analysis",
     * "Timeline of events", "根因分析". Empty when no name occurs in it, or when names of two sections do.
     */
    public static Optional<SectionKind> resembling(String heading) {
        String h = DECORATION.matcher(heading.strip().toLowerCase(Locale.ROOT)).replaceAll("").strip();
        SectionKind found = null;
        for (SectionKind k : values()) {
            boolean named = k.names.stream().anyMatch(n -> containsName(h, n));
            if (named && found != null && found != k) {
                return Optional.empty();
            }
            if (named) {
                found = k;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Latin names match whole words ("fix" is not in "prefix"); CJK names match anywhere. */
    private static boolean containsName(String heading, String name) {
        if (name.codePoints().anyMatch(Character::isIdeographic)) {
            return heading.contains(name);
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])").matcher(heading).find();
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
