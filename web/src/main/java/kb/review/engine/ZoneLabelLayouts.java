package kb.review.engine;

import static kb.review.engine.StrippedTimeouts.closing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * Go: a line the change adds that formats a time with a layout whose text names the zone as a constant, while the
 * time is not made UTC first (TIME-01). {@code http.TimeFormat} ends in the literal {@code GMT} (an HTTP-date:
 * {@code Expires}, {@code Last-Modified}, {@code Date}, a cookie's expiry, where the protocol fixes the zone), and a
 * layout literal with a bare {@code Z} (not the {@code Z07} offset field), {@code GMT} or {@code UTC} prints the
 * letters whatever the value's zone is. Go's own documentation of {@code http.TimeFormat} asks for
 * {@code t.UTC().Format(http.TimeFormat)}; without it a host outside UTC sends its wall clock labelled as UTC.
 * Silent when the receiver chain calls {@code .UTC()} or {@code .In(...)}, when the receiver is a local or field that
 * a visible earlier line of the function sets from a {@code .UTC()} or {@code .In(...)} chain, and in test files.
 */
final class ZoneLabelLayouts {

    static final String RULE = "utc-labelled-layout-without-utc";

    private static final Pattern FORMAT = Pattern.compile("\\.\\s*(?:Format|AppendFormat)\\s*\\(");
    /** A layout literal that prints a fixed zone name: a bare Z (not Z07), GMT or UTC outside any field. */
    private static final Pattern FIXED_LABEL = Pattern.compile("(?:Z(?!07)|\\bGMT\\b|\\bUTC\\b)");
    private static final Pattern ZONED = Pattern.compile("\\.\\s*(?:UTC|In)\\s*\\(");
    /** The receiver expression before {@code .Format(}: names, dots, calls and indexes. */
    private static final Pattern RECEIVER = Pattern.compile("([\\w.]+(?:\\([^()]*(?:\\([^()]*\\)[^()]*)*\\))?)+$");

    private ZoneLabelLayouts() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.GO || file.path().endsWith("_test.go")) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (int n = 1; n <= file.lineCount(); n++) {
            String text = file.line(n);
            if (!file.added(n) || !text.contains("Format") || RegexDetector.isComment(text)) {
                continue;
            }
            Matcher f = FORMAT.matcher(text);
            while (f.find()) {
                int close = closing(text, f.end() - 1);
                String layout = close > 0 ? text.substring(f.end(), close).strip() : "";
                if (!labelsZone(file, layout.contains(",") ? layout.substring(layout.lastIndexOf(',') + 1).strip()
                        : layout)) {
                    continue;
                }
                String before = text.substring(0, f.start());
                Matcher r = RECEIVER.matcher(before);
                String receiver = r.find() ? r.group() : "";
                if (receiver.isEmpty() || ZONED.matcher(receiver).find() || zonedAbove(file, n, receiver)) {
                    continue;
                }
                Severity severity = catalog.item("TIME-01").map(Catalog.Item::severity).orElse(Severity.ADVICE);
                out.add(new Finding(RULE, "TIME-01", severity, file.path(), n, 1, text.strip(),
                        "This layout prints a fixed zone name (" + layout + ": an HTTP-date's GMT, or a literal Z or "
                                + "UTC), but `" + receiver + "` is not made UTC first: Format writes the value's own "
                                + "wall clock, so on a host outside UTC the text claims UTC and is off by the host's "
                                + "offset (for HTTP dates, a wrong Expires or Last-Modified). Call .UTC() before "
                                + "Format, or use a layout with an offset field (Z07:00).",
                        Finding.Confidence.HIGH, null, "kb", null));
                break;
            }
        }
        return out;
    }

    /** True when the layout is {@code http.TimeFormat} or a literal (or file constant) with a fixed zone label. */
    private static boolean labelsZone(SourceFile file, String layout) {
        if (layout.equals("http.TimeFormat")) {
            return true;
        }
        String text = layout.startsWith("\"") || layout.startsWith("`") ? layout
                : layout.matches("[A-Za-z_][\\w.]*") ? FormatDeclarations.constant(file, layout,
                        FormatDeclarations.ANY_STRING) : null;
        // a layout prints a time of day (15, 03 or 3 for the hour) and the fixed label
        return text != null && (text.startsWith("\"") || text.startsWith("`")) && text.contains("04")
                && FIXED_LABEL.matcher(text.substring(1, text.length() - 1)).find();
    }

    /** True when an earlier line of the function assigns the receiver's root name from a zoned chain. */
    private static boolean zonedAbove(SourceFile file, int line, String receiver) {
        String root = receiver.replaceAll("\\(.*$", "");
        root = root.contains(".") && !root.startsWith("time.") ? root.substring(root.lastIndexOf('.') + 1) : root;
        if (!root.matches("[A-Za-z_]\\w*")) {
            return false;
        }
        Pattern set = Pattern.compile("\\b" + Pattern.quote(root) + "\\s*:?=[^=].*" + ZONED.pattern()
                + "|\\b" + Pattern.quote(root) + "\\s*:\\s*.*" + ZONED.pattern());
        for (int n = line - 1; n >= 1; n--) {
            String l = file.line(n);
            if (set.matcher(l).find()) {
                return true;
            }
            if (l.startsWith("func ")) {
                return false;
            }
        }
        return false;
    }
}
