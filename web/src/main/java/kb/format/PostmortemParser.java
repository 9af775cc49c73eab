package kb.format;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and validates a postmortem file against version 1 of the format
 * ({@code POSTMORTEM_FORMAT.md}). Every rule is checked and every problem is reported with its line
 * in the whole file; parsing never stops at the first problem. Thread-safe and stateless.
 */
public final class PostmortemParser {

    /** The front-matter keys in their canonical order (the order {@link PostmortemWriter} writes). */
    public static final List<String> KEYS = List.of("id", "title", "severity", "started", "detected",
            "mitigated", "resolved", "status", "services", "tags", "categories", "checklist", "authors",
            "lang", "source", "exclude-from-metrics");

    /** The root-cause taxonomy allowed in {@code categories}. */
    public static final List<String> CATEGORIES = List.of("resource-leak", "timeout", "error-handling",
            "concurrency", "memory-safety", "capacity", "configuration", "dependency", "observability",
            "security", "data-integrity");

    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{2,79}");
    public static final Pattern CHECKLIST_ID = Pattern.compile("[A-Z]{2,5}-[0-9]{2}");

    /** Language, optional script, optional region, optional variants: enough to catch typos. */
    private static final Pattern LANG = Pattern.compile(
            "[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-(?:[a-zA-Z]{2}|[0-9]{3}))?(-(?:[a-zA-Z0-9]{5,8}|[0-9][a-zA-Z0-9]{3}))*");
    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());
    /** Longest title and label the knowledge base stores. */
    static final int MAX_TITLE = 500;
    static final int MAX_LABEL = 100;

    private static final List<String> TIMES = List.of("started", "detected", "mitigated", "resolved");

    /**
     * @param text              the whole file
     * @param knownChecklistIds ids of the existing checklist items; {@code null} skips the check that
     *                          {@code checklist:} ids exist (their form is still checked)
     * @return the postmortem, or every problem found (sorted by line)
     */
    public Parsed<Postmortem> parse(String text, Set<String> knownChecklistIds) {
        List<Problem> problems = new ArrayList<>();
        FrontMatter fm = FrontMatter.ofFile(text, KEYS, problems);
        if (fm == null) {
            return Parsed.failed(problems);
        }
        String id = matching(fm, "id", ID, "lower-case letters, digits and '-', 3 to 80 characters, "
                + "not starting with '-'", problems);
        String title = fm.string("title", true);
        if (title != null && title.length() > MAX_TITLE) {
            problems.add(Problem.at(fm.line("title"), "the title is " + title.length() + " characters long; at most "
                    + MAX_TITLE + " are allowed"));
        }
        Postmortem.Severity severity = severity(fm, problems);
        List<OffsetDateTime> times = new ArrayList<>();
        for (String key : TIMES) {
            times.add(dateTime(fm, key, key.equals("started"), problems));
        }
        checkOrder(fm, times, problems);
        Postmortem.Status status = status(fm, problems);
        List<String> services = values(fm, "services", problems);
        List<String> tags = values(fm, "tags", problems);
        List<String> categories = categories(fm, problems);
        List<String> checklist = checklist(fm, knownChecklistIds, problems);
        List<String> authors = values(fm, "authors", problems);
        String lang = lang(fm, problems);
        String sourceUrl = sourceUrl(fm, problems);
        boolean excluded = excludeFromMetrics(fm, problems);

        BodyReader.Body body = BodyReader.read(fm.body(), fm.bodyLine(), times.get(0), problems);
        Limits.checkCounts(body, problems);
        if (!problems.isEmpty()) {
            return Parsed.failed(problems);
        }
        return Parsed.ok(new Postmortem(id, title, severity, times.get(0), times.get(1), times.get(2), times.get(3),
                status, services, tags, categories, checklist, authors, lang, sourceUrl, excluded, body.sections(),
                body.timeline(), body.actionItems(), body.codeBlocks(), text));
    }

    static String matching(FrontMatter fm, String key, Pattern pattern, String rule, List<Problem> problems) {
        String value = fm.string(key, true);
        if (value != null && !pattern.matcher(value).matches()) {
            problems.add(Problem.at(fm.line(key), key + " '" + value + "' must match " + pattern.pattern()
                    + " (" + rule + ")"));
            return null;
        }
        return value;
    }

    private static Postmortem.Severity severity(FrontMatter fm, List<Problem> problems) {
        String value = fm.string("severity", true);
        if (value == null) {
            return null;
        }
        try {
            return Postmortem.Severity.valueOf(value);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.at(fm.line("severity"), "severity '" + value + "' must be one of P0, P1, P2, P3, P4"));
            return null;
        }
    }

    private static OffsetDateTime dateTime(FrontMatter fm, String key, boolean required, List<Problem> problems) {
        String value = fm.string(key, required);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(Problem.at(fm.line(key), key + " '" + value + "' " + whyNotDateTime(value)
                    + "; write it like 2024-03-15T02:00:00+08:00"));
            return null;
        }
    }

    private static String whyNotDateTime(String value) {
        if (parses(() -> OffsetDateTime.parse(value.replaceFirst(" ", "T")))) {
            return "needs a 'T' between the date and the time";
        }
        if (parses(() -> LocalDateTime.parse(value.replaceFirst(" ", "T")))) {
            return "has no UTC offset";
        }
        if (parses(() -> LocalDate.parse(value))) {
            return "is a date without a time and UTC offset";
        }
        return "is not an ISO-8601 date-time with a UTC offset";
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** started <= detected <= mitigated <= resolved, each compared with the nearest earlier one given. */
    private static void checkOrder(FrontMatter fm, List<OffsetDateTime> times, List<Problem> problems) {
        int last = -1;
        for (int i = 0; i < times.size(); i++) {
            if (times.get(i) == null) {
                continue;
            }
            if (last >= 0 && times.get(i).isBefore(times.get(last))) {
                problems.add(Problem.at(fm.line(TIMES.get(i)), TIMES.get(i) + " (" + times.get(i) + ") is earlier than "
                        + TIMES.get(last) + " (" + times.get(last) + "); the order is started <= detected <= "
                        + "mitigated <= resolved"));
            }
            last = i;
        }
    }

    private static Postmortem.Status status(FrontMatter fm, List<Problem> problems) {
        String value = fm.string("status", false);
        if (value == null) {
            return fm.has("status") ? null : Postmortem.Status.PUBLISHED;
        }
        for (Postmortem.Status s : Postmortem.Status.values()) {
            if (s.label().equals(value)) {
                return s;
            }
        }
        problems.add(Problem.at(fm.line("status"), "status '" + value + "' must be draft or published"));
        return null;
    }

    /** A list of free words (services, tags, authors); each at most {@value #MAX_LABEL} characters. */
    private static List<String> values(FrontMatter fm, String key, List<Problem> problems) {
        List<FrontMatter.Item> items = fm.list(key);
        for (FrontMatter.Item item : items) {
            if (item.value().length() > MAX_LABEL) {
                problems.add(Problem.at(item.line(), "'" + key + "' entries are at most " + MAX_LABEL
                        + " characters; this one has " + item.value().length()));
            }
        }
        return names(items);
    }

    private static List<String> names(List<FrontMatter.Item> items) {
        return items.stream().map(FrontMatter.Item::value).toList();
    }

    private static List<String> categories(FrontMatter fm, List<Problem> problems) {
        List<FrontMatter.Item> items = fm.list("categories");
        for (FrontMatter.Item item : items) {
            if (!CATEGORIES.contains(item.value())) {
                problems.add(Problem.at(item.line(), "unknown category '" + item.value() + "'; use one of "
                        + String.join(", ", CATEGORIES)));
            }
        }
        return names(items);
    }

    private static List<String> checklist(FrontMatter fm, Set<String> known, List<Problem> problems) {
        List<FrontMatter.Item> items = fm.list("checklist");
        for (FrontMatter.Item item : items) {
            if (!CHECKLIST_ID.matcher(item.value()).matches()) {
                problems.add(Problem.at(item.line(), "checklist id '" + item.value() + "' must look like RES-01 ("
                        + CHECKLIST_ID.pattern() + ")"));
            } else if (known != null && !known.contains(item.value())) {
                String prefix = item.value().substring(0, item.value().indexOf('-') + 1);
                List<String> near = known.stream().filter(k -> k.startsWith(prefix)).sorted().toList();
                problems.add(Problem.at(item.line(), "checklist item '" + item.value() + "' does not exist"
                        + (near.isEmpty() ? "" : " (existing " + prefix + " items: " + String.join(", ", near) + ")")));
            }
        }
        return names(items);
    }

    private static String lang(FrontMatter fm, List<Problem> problems) {
        String value = fm.string("lang", false);
        if (value == null) {
            return null;
        }
        String primary = value.split("-")[0].toLowerCase(Locale.ROOT);
        if (!LANG.matcher(value).matches() || primary.length() == 2 && !ISO_LANGUAGES.contains(primary)) {
            problems.add(Problem.at(fm.line("lang"), "lang '" + value + "' is not a BCP-47 language tag like en, zh or zh-Hans-CN"));
            return null;
        }
        return value;
    }

    /** {@code exclude-from-metrics}: {@code true} or {@code false} (the default), nothing else. */
    private static boolean excludeFromMetrics(FrontMatter fm, List<Problem> problems) {
        String value = fm.string("exclude-from-metrics", false);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        problems.add(Problem.at(fm.line("exclude-from-metrics"), "exclude-from-metrics must be true or false, got '"
                + value + "'"));
        return false;
    }

    private static String sourceUrl(FrontMatter fm, List<Problem> problems) {
        String value = fm.string("source", false);
        if (value == null) {
            return null;
        }
        if (WebAddress.isHttp(value)) {
            return value;
        }
        problems.add(Problem.at(fm.line("source"), WebAddress.problem("source", value)));
        return null;
    }
}
