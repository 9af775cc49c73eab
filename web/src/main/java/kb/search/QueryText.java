package kb.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a user typed in the search box: words, {@code "phrases"}, {@code -excluded} words or
 * phrases, and {@code field:value} (or {@code field:"two words"}). It never fails: anything it cannot
 * read as syntax (an unclosed quote, an unknown field, a field without a value) is searched as plain
 * words, and a {@link Parsed#notices() notice} says what was done so the page can tell the user.
 */
final class QueryText {

    /** Longer queries are cut here; nobody types more, and it bounds the work of one query. */
    static final int MAX_CHARS = 500;

    enum Kind { WORD, PHRASE, KEYWORD, TEXT_FIELD }

    /** One part of the query. {@code field} is set for {@link Kind#KEYWORD} and {@link Kind#TEXT_FIELD}. */
    record Clause(Kind kind, String field, String text, boolean excluded) {
    }

    record Parsed(List<Clause> clauses, List<String> notices) {
        boolean isEmpty() {
            return clauses.isEmpty();
        }
    }

    private static final Pattern FIELD = Pattern.compile("([A-Za-z][A-Za-z-]*):(.*)", Pattern.DOTALL);

    private QueryText() {
    }

    static Parsed parse(String raw) {
        List<String> notices = new ArrayList<>();
        String q = raw == null ? "" : raw.replace('\u0000', ' ').strip();
        if (q.length() > MAX_CHARS) {
            q = q.substring(0, MAX_CHARS);
            notices.add("The query was longer than " + MAX_CHARS + " characters; only the first " + MAX_CHARS
                    + " were searched.");
        }
        List<Clause> clauses = new ArrayList<>();
        int i = 0;
        int n = q.length();
        while (i < n) {
            if (Character.isWhitespace(q.charAt(i))) {
                i++;
                continue;
            }
            boolean excluded = false;
            if (q.charAt(i) == '-' && i + 1 < n && !Character.isWhitespace(q.charAt(i + 1))) {
                excluded = true;
                i++;
            }
            if (q.charAt(i) == '"') {
                int close = q.indexOf('"', i + 1);
                if (close < 0) {
                    notices.add("A quote (\") was not closed, so the words after it were searched one by one, "
                            + "not as a phrase.");
                    i = words(q.substring(i + 1), excluded, clauses);
                    i = n;
                    continue;
                }
                addPhrase(q.substring(i + 1, close), excluded, clauses);
                i = close + 1;
                continue;
            }
            int end = i;
            while (end < n && !Character.isWhitespace(q.charAt(end))) {
                end++;
            }
            String token = q.substring(i, end);
            Matcher m = FIELD.matcher(token);
            if (m.matches()) {
                String name = m.group(1).toLowerCase(Locale.ROOT);
                String value = m.group(2);
                if (value.startsWith("\"")) {
                    int close = q.indexOf('"', i + m.start(2) + 1);
                    if (close > 0) {
                        value = q.substring(i + m.start(2) + 1, close);
                        end = close + 1;
                    } else {
                        notices.add("A quote (\") after '" + name + ":' was not closed; the value was read up to "
                                + "the next space.");
                        value = value.substring(1);
                    }
                }
                i = end;
                field(name, value.strip(), token, excluded, clauses, notices);
                continue;
            }
            i = end;
            addWord(token, excluded, clauses);
        }
        return new Parsed(List.copyOf(clauses), List.copyOf(notices));
    }

    private static void field(String name, String value, String token, boolean excluded, List<Clause> clauses,
                              List<String> notices) {
        String text = Fields.TEXT_ALIASES.get(name);
        if (value.isEmpty()) {
            notices.add("'" + name + ":' has no value after it, so '" + name + "' was searched as a word.");
            addWord(name, excluded, clauses);
        } else if (Fields.KEYWORDS.contains(name)) {
            clauses.add(new Clause(Kind.KEYWORD, name, value, excluded));
        } else if (text != null) {
            clauses.add(new Clause(Kind.TEXT_FIELD, text, value, excluded));
        } else {
            notices.add("There is no field '" + name + "', so '" + token + "' was searched as words. Fields: "
                    + String.join(", ", Fields.KEYWORDS) + ", title, summary, cause, timeline, actions, code.");
            addWord(name, excluded, clauses);
            words(value, excluded, clauses);
        }
    }

    private static int words(String text, boolean excluded, List<Clause> clauses) {
        for (String w : text.strip().split("\\s+")) {
            addWord(w, excluded, clauses);
        }
        return text.length();
    }

    private static void addWord(String word, boolean excluded, List<Clause> clauses) {
        String w = word.replace("\"", "").strip();
        if (!w.isEmpty()) {
            clauses.add(new Clause(Kind.WORD, null, w, excluded));
        }
    }

    private static void addPhrase(String phrase, boolean excluded, List<Clause> clauses) {
        if (!phrase.isBlank()) {
            clauses.add(new Clause(Kind.PHRASE, null, phrase.strip(), excluded));
        }
    }
}
