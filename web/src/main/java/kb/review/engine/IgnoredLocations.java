package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * Go: the code holds the location its wall-clock times belong to and never uses it, while a line the change adds
 * builds such a time in a default zone (TIME-01). The holder is a package variable loaded with
 * {@code time.LoadLocation} (or a helper whose name says it makes one), or a function parameter of type
 * {@code *time.Location}; the construction is {@code time.Date(..., time.Local)} or {@code time.UTC}, a
 * {@code time.ParseInLocation(..., time.Local)}, or a {@code time.Parse} of a layout with a date and no zone element
 * (which reads the text as UTC). The unused holder is the code's own word that the time's zone is a particular
 * place (an exchange's New York sessions, a user's preferred send time), and the default zone moves every such
 * instant by that place's offset. Read only in files the diff shows whole, so that "unused" is a fact; a parameter
 * counts for constructions inside its own function. A layout with a time of day and no date ({@code "15:04"}) reads a
 * clock reading, not an instant, and is left alone.
 */
final class IgnoredLocations {

    static final String RULE = "go-location-held-but-ignored";

    /**
     * A package variable that holds a loaded location: {@code time.LoadLocation}, or a helper whose name says it makes
     * one ({@code mustLoadLocation}, {@code mustLocation}); group 1 its name.
     */
    private static final Pattern LOADED = Pattern.compile(
            "^(?:var\\s+)?([A-Za-z_]\\w*)\\s*(?:\\*time\\.Location\\s*)?=\\s*[\\w.]*Location\\w*\\s*\\(");
    /** A function signature; group 1 its parameter list. */
    private static final Pattern SIGNATURE = Pattern.compile("^func\\s*(?:\\([^)]*\\)\\s*)?\\w+\\s*\\(([^)]*)\\)");
    /** One parameter of a list split at its commas: a name alone (its type comes later) or a name and a type. */
    private static final Pattern PARAM = Pattern.compile("^\\s*([A-Za-z_]\\w*)(?:\\s+(\\S.*?))?\\s*$");
    /** A wall-clock construction in a default zone; group 1 the call. */
    private static final Pattern DEFAULT_ZONED = Pattern.compile(
            "\\btime\\.(?:Date|ParseInLocation)\\s*\\(.*,\\s*time\\.(?:Local|UTC)\\s*\\)|\\btime\\.Parse\\s*\\(\\s*"
                    + "(\"[^\"]*\"|`[^`]*`)");
    /** A layout element that reads the text's own offset or zone. */
    private static final Pattern LAYOUT_ZONE = Pattern.compile("Z07|-07|MST");
    /** A layout that holds a date: a year. */
    private static final Pattern LAYOUT_DATE = Pattern.compile("2006|\\b06\\b");

    private IgnoredLocations() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        if (file.language() != Language.GO || file.path().endsWith("_test.go") || !file.lowerText().contains("location")
                || !file.allKnown(1, file.lineCount())) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        String packageLocation = null;
        int funcStart = 0;
        List<String> params = List.of();
        for (int n = 1; n <= file.lineCount(); n++) {
            String text = file.line(n);
            Matcher loaded = LOADED.matcher(text);
            if (packageLocation == null && loaded.find() && !text.startsWith("\t") && unused(file, loaded.group(1), n,
                    1, file.lineCount())) {
                packageLocation = loaded.group(1);
            }
            Matcher sig = SIGNATURE.matcher(text);
            if (sig.find()) {
                funcStart = n;
                params = unusedParams(file, sig.group(1), n);
            } else if (text.startsWith("}")) {
                params = List.of();
            }
            if (!file.added(n) || packageLocation == null && params.isEmpty() || RegexDetector.isComment(text)) {
                continue;
            }
            Matcher built = DEFAULT_ZONED.matcher(text);
            if (!built.find() || built.group(1) != null && (LAYOUT_ZONE.matcher(built.group(1)).find()
                    || !LAYOUT_DATE.matcher(built.group(1)).find())) {
                continue;
            }
            String held = params.isEmpty() ? packageLocation : params.get(0);
            Severity severity = catalog.item("TIME-01").map(Catalog.Item::severity).orElse(Severity.ADVICE);
            out.add(new Finding(RULE, "TIME-01", severity, file.path(), n, 1, text.strip(),
                    "This builds a wall-clock time in a default zone (" + (built.group(1) != null
                            ? "time.Parse reads a text with no offset as UTC" : "the host's or UTC")
                            + ") while the code holds the location it belongs to, `" + held + "`"
                            + (params.isEmpty() ? "" : " (line " + funcStart + ")")
                            + ", and never uses it: every instant comes out off by that place's offset. Build it "
                            + "in `" + held + "` (time.Date(..., " + held + "), time.ParseInLocation).",
                    Finding.Confidence.HIGH, null, "kb", null));
        }
        return out;
    }

    /** The {@code *time.Location} parameters of the signature on line {@code at} that its body never names. */
    private static List<String> unusedParams(SourceFile file, String params, int at) {
        if (!params.contains("time.Location")) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        for (String piece : params.split(",")) {
            Matcher p = PARAM.matcher(piece);
            if (!p.matches()) {
                return List.of(); // a list this reading does not follow (a func type, an unnamed parameter)
            }
            pending.add(p.group(1));
            if (p.group(2) != null) {
                if (p.group(2).equals("*time.Location")) {
                    names.addAll(pending); // Go's `a, b *time.Location` gives both names the type
                }
                pending.clear();
            }
        }
        int end = at + 1;
        while (end <= file.lineCount() && !file.line(end).startsWith("}")) {
            end++;
        }
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (!name.equals("_") && unused(file, name, at, at + 1, end)) {
                out.add(name);
            }
        }
        return out;
    }

    /** True when no line from {@code from} to {@code to}, other than the declaring line, names {@code name}. */
    private static boolean unused(SourceFile file, String name, int declared, int from, int to) {
        Pattern named = Pattern.compile("\\b" + Pattern.quote(name) + "\\b");
        for (int n = from; n <= to; n++) {
            if (n != declared && !RegexDetector.isComment(file.line(n)) && named.matcher(file.line(n)).find()) {
                return false;
            }
        }
        return true;
    }
}
