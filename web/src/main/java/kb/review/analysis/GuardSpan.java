package kb.review.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.SourceFile;

/** A function or method, its head line to its closing brace, read from the text (for {@link RemovedGuards}). */
record GuardSpan(String name, int start, int end, String body, boolean constructor) {

    String head() {
        int nl = body.indexOf('\n');
        return nl < 0 ? body : body.substring(0, nl);
    }

    /**
     * (session 41) A Java span read from a hunk whose header names the class, not the method: the method's head, its
     * locals declared above the hunk and its doc comment are out of sight.
     */
    boolean classHeaded() {
        return name.isEmpty() && JAVA_CLASS.matcher(head()).find();
    }

    boolean locks(boolean go) {
        return go ? RemovedGuards.GO_LOCK.matcher(body).find() : RemovedGuards.JAVA_LOCK.matcher(body).find();
    }

    static GuardSpan at(List<GuardSpan> spans, int line) {
        for (GuardSpan s : spans) {
            if (s.start <= line && line <= s.end) {
                return s;
            }
        }
        return null;
    }

    private static final Pattern JAVA_KEYWORDS = Pattern.compile(
            "^(?:if|for|while|switch|catch|return|new|else|do|try|synchronized|throw|case)$");

    private static final Pattern JAVA_HEAD = Pattern.compile(
            "^(\\s+)(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:(?:public|protected|private|static|final|synchronized|abstract"
                    + "|native|default)\\s+)*(?:<[^>]+>\\s+)?(?:([\\w.<>\\[\\], ?]+)\\s+)?(\\w+)\\s*\\([^;]*$");
    /** A head with an access modifier and no return type: a constructor (its class line may be out of view). */
    private static final Pattern ACCESS = Pattern.compile("^\\s+(?:public|protected|private)\\s+\\w+\\s*\\(");
    private static final Pattern JAVA_CLASS = Pattern.compile("\\b(?:class|enum|record)\\s+(\\w+)");

    static List<GuardSpan> of(SourceFile file, boolean go) {
        List<GuardSpan> out = new ArrayList<>();
        if (go) {
            for (GoFuncs.Fn f : GoFuncs.of(file)) {
                int end = f.start();
                // a function whose closing brace is not in view ends where its text does (the next hunk's lines
                // belong to a function whose head is above that hunk)
                boolean closed = file.line(f.end()).startsWith("}") || f.end() == f.start();
                while (end < f.end() && (closed || file.known(end + 1))) {
                    end++;
                }
                out.add(new GuardSpan(f.name(), f.start(), end, end == f.end() ? f.body() : text(file, f.start(), end),
                        false));
            }
            return runs(file, out, go);
        }
        Set<String> classes = new HashSet<>();
        int n = file.lineCount();
        for (int i = 1; i <= n; i++) {
            String head = file.line(i);
            Matcher c = JAVA_CLASS.matcher(head);
            if (c.find()) {
                classes.add(c.group(1));
            }
            Matcher m = JAVA_HEAD.matcher(head);
            if (!m.find() || JAVA_KEYWORDS.matcher(m.group(3)).matches() || m.group(2) != null
                    && JAVA_KEYWORDS.matcher(m.group(2).trim()).matches() || head.contains("=")
                    || m.group(2) == null && !classes.contains(m.group(3)) && !ACCESS.matcher(head).find()) {
                continue;
            }
            String close = m.group(1) + "}";
            int end = -1;
            for (int j = i + 1; j <= n && end < 0; j++) {
                String l = file.line(j);
                if (!file.known(j)) {
                    end = j - 1; // (session 41) the text ends here: what follows the gap is another hunk's method
                } else if (l.equals(close) || l.startsWith(close) && l.substring(close.length()).isBlank()) {
                    end = j;
                } else if (!l.isEmpty() && GoFuncs.indent(l) < m.group(1).length() && !l.isBlank()) {
                    end = j - 1;
                }
            }
            end = end < 0 ? n : end;
            StringBuilder body = new StringBuilder();
            for (int j = i; j <= end; j++) {
                body.append(file.line(j)).append('\n');
            }
            out.add(new GuardSpan(m.group(3), i, end, body.toString(), m.group(2) == null));
            i = end;
        }
        return runs(file, out, go);
    }

    private static final Pattern SECTION_NAME = Pattern.compile("^func\\s+(?:\\([^)]*\\)\\s*)?(\\w+)|(\\w+)\\s*\\(");

    /**
     * Adds, for each hunk whose lines no span covers (its function's head is above the hunk), the hunk's new lines
     * as a span named after the function git printed in its header.
     */
    private static List<GuardSpan> runs(SourceFile file, List<GuardSpan> spans, boolean go) {
        List<GuardSpan> out = new ArrayList<>(spans);
        for (kb.review.diff.Hunk h : file.change().hunks()) {
            int from = h.newStart();
            int to = h.newStart() + h.newCount() - 1;
            while (from <= to && at(spans, from) == null && file.known(from) && !file.line(from).startsWith("}")) {
                from++;
            }
            if (from == h.newStart() || h.newCount() == 0) {
                continue;
            }
            // a Java hunk's header names the class more often than the method: then the method is unknown, and the
            // span is named by nothing (session 41: its body starts with the class line, see classHeaded)
            Matcher m = SECTION_NAME.matcher(h.section());
            String name = !go && JAVA_CLASS.matcher(h.section()).find() ? ""
                    : m.find() ? m.group(1) != null ? m.group(1) : m.group(2) : "";
            out.add(new GuardSpan(name, h.newStart() - 1, from - 1,
                    h.section() + "\n" + text(file, h.newStart(), from - 1), false));
        }
        return out;
    }

    private static String text(SourceFile file, int from, int to) {
        StringBuilder body = new StringBuilder();
        for (int j = from; j <= to; j++) {
            body.append(file.line(j)).append('\n');
        }
        return body.toString();
    }
}
