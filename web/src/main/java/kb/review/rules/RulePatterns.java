package kb.review.rules;

import kb.format.YamlTree;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.Node;

/** The regular expressions of rule files: compiled once at load, each error reported at its YAML line. */
final class RulePatterns {

    private static final Pattern PLACEHOLDER = Rule.Condition.PLACEHOLDER;

    private RulePatterns() {
    }

    /** Compiles a regex, with {@code {capture}} placeholders checked against the query's captures. */
    static Pattern compile(YamlTree y, Node at, String regex, Set<String> captures) {
        if (regex == null) {
            return null;
        }
        Matcher ph = PLACEHOLDER.matcher(regex);
        while (ph.find()) {
            if (!captures.contains(ph.group(1))) {
                y.error(at, "placeholder {" + ph.group(1) + "} names no capture of the query");
                return null;
            }
        }
        try {
            return Pattern.compile(PLACEHOLDER.matcher(regex).replaceAll("x"));
        } catch (PatternSyntaxException e) {
            y.error(at, "invalid regex: " + e.getDescription() + " near index " + e.getIndex());
            return null;
        }
    }

    /** {@code \\s} rewritten as "whitespace other than a newline". */
    static String singleLineSpaces(String regex) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char next = regex.charAt(++i);
                out.append(next == 's' ? "[^\\S\\n]" : "\\" + next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static int offsetIn(String message) {
        Matcher mm = Pattern.compile("offset (\\d+)").matcher(message == null ? "" : message);
        return mm.find() ? Integer.parseInt(mm.group(1)) : 0;
    }

    static Pattern insensitive(YamlTree y, Node at, String regex) {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            y.error(at, "invalid regex: " + e.getDescription());
            return null;
        }
    }
}
