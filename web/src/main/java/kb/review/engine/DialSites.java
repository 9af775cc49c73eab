package kb.review.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;

/**
 * Go: a dialer struct literal built without its timeout ({@code dialer := websocket.Dialer{...}} with no
 * {@code HandshakeTimeout}, or with the field the change deleted) and dialled a few lines below in the same function
 * with a context the function gives no deadline ({@code dialer.DialContext(ctx, url, nil)}). The unbounded wait
 * happens at the dial, and a reviewer points there: TMO-01's findings on the literal (built without a timeout, and the
 * deleted field) become one finding on the dial (round 23's go-28). A context derived with {@code WithTimeout} or
 * {@code WithDeadline} in the function above the dial bounds it, and the findings stay where they were.
 */
final class DialSites {

    private DialSites() {
    }

    /** The rules whose finding stands on the dialer's literal. */
    private static final List<String> RULES = List.of("go-stripped-timeout", "go-client-no-timeout");

    /** {@code name := [&]pkg.SomethingDialer{}: group 1 the name. */
    private static final Pattern LITERAL = Pattern.compile("^\\s*(\\w+)\\s*:?=\\s*&?[\\w.]*Dialer\\s*\\{");

    /** How far below the literal the dial may be. */
    private static final int REACH = 25;

    static List<Finding> relocate(List<Finding> kept, Map<String, SourceFile> byPath) {
        List<Finding> out = new ArrayList<>();
        Set<String> moved = new HashSet<>();
        // the deleted field's finding first: when both stand on one literal, it says what the change took away
        List<Finding> ordered = new ArrayList<>(kept);
        ordered.sort(java.util.Comparator.comparing(f -> !f.rule().equals(RULES.get(0))));
        for (Finding f : ordered) {
            SourceFile file = byPath.get(f.path());
            int dial = !f.item().equals("TMO-01") || !RULES.contains(f.rule()) || file == null
                    || file.language() != Language.GO ? 0 : dialBelow(file, f.line());
            if (dial == 0) {
                out.add(f);
                continue;
            }
            String key = f.path() + ':' + dial;
            if (!moved.add(key)) {
                continue; // the literal's other finding already speaks for this dial
            }
            out.add(new Finding(f.rule(), f.item(), f.severity(), f.path(), dial, 1, file.written(dial).strip(),
                    f.message() + " The dial at line " + dial + " gets a context without a deadline, so nothing "
                            + "else bounds it.", f.confidence(), f.note(), f.origin(), f.suppression(), f.flow()));
        }
        return out;
    }

    /** The line of the dial on the literal that holds {@code line}, when its context has no deadline here; else 0. */
    private static int dialBelow(SourceFile file, int line) {
        String name = null;
        int start = 0;
        // the finding stands on the literal's first line or inside it (a deleted field reported at its closing brace)
        for (int i = line; i >= Math.max(1, line - 12) && name == null; i--) {
            String text = file.line(i);
            Matcher m = LITERAL.matcher(text);
            if (m.find()) {
                name = m.group(1);
                start = i;
            } else if (i < line && (text.strip().endsWith("}") || text.startsWith("func "))) {
                return 0;
            }
        }
        if (name == null) {
            return 0;
        }
        Pattern dialled = Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "\\.Dial(?:Context)?\\(\\s*(\\w+)?");
        for (int i = start + 1; i <= start + REACH; i++) {
            String text = file.line(i);
            if (text.startsWith("func ") || text.startsWith("}")) {
                return 0;
            }
            Matcher m = dialled.matcher(text);
            if (m.find()) {
                String ctx = m.group(1);
                return ctx == null || !bounded(file, ctx, i) ? i : 0;
            }
        }
        return 0;
    }

    /** The context named {@code ctx} is derived with a deadline in the function above {@code at}. */
    private static boolean bounded(SourceFile file, String ctx, int at) {
        Pattern derived = Pattern.compile("(?<![\\w.])" + Pattern.quote(ctx)
                + "\\s*,\\s*\\w+\\s*:?=\\s*context\\.With(?:Timeout|Deadline)(?:Cause)?\\(");
        for (int i = at - 1; i >= 1; i--) {
            String text = file.line(i);
            if (derived.matcher(text).find()) {
                return true;
            }
            if (text.startsWith("func ")) {
                return false;
            }
        }
        return false;
    }
}
