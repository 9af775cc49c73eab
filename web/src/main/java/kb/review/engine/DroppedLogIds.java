package kb.review.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * (session 49, logid49) LOG-03 in Go and Java: an edit rewrites a log line through the same logger and with the same
 * message but leaves out the arguments that identified the request, event or peer the line was about (the execution
 * and run ids, {@code WithField("session_secure_id", ...)}, the endpoint's logging tag, the logger bound to the
 * context). The record still says what failed but no longer for whom, so it cannot be tied to the call: LOG-03's
 * "every log line carries the request id". The real fixes go the other way (README "logid49 (session 49)": ids put
 * back into lines that had lost them, or added where the neighbours carried them). Read from the changed block: one
 * removed log statement (it may span lines) and the added one that keeps its logger, level and message words.
 * (session 51, ids51) Identities also spelled as a uid ({@code eventUid}), a call's sid ({@code callSid}), a uuid,
 * or the name of a stream or session ({@code streamName}): the rounds' misses dropped exactly those (grassroot,
 * restcomm, lal). An object itself ({@code event}, {@code session}) is not read as its id.
 * Not this: a line whose logger changed (WidenedLoggers reads that), a block that carries the id elsewhere (in a
 * derived logger, an MDC entry, the message), a message rewritten into another event.
 */
final class DroppedLogIds {

    static final String RULE = "log-line-ids-dropped";

    /** A log call with a message literal: its receiver chain's first name, its level and the message. */
    private static final Pattern CALL = Pattern.compile("(?<![\\w.])(?<base>[A-Za-z_]\\w*)"
            + "(?:[\\w.]|\\((?:[^()]|\\([^()]*\\))*\\))*?"
            + "\\.(?<lvl>(?i:print|info|warn|warning|error|debug|trace|notice|fatal|panic|severe|fine)\\w*)"
            + "\\s*\\(\\s*(?<msg>\"(?:[^\"\\\\]|\\\\.)*\")");
    /** A word that names an identity: an id, a tag, a trace or correlation, the context a logger is bound to. */
    private static final Pattern IDENTITY = Pattern.compile("^(?:id|ids|ID|tag|tags)$|^id[A-Z_]"
            + "|[a-z0-9](?:ID|Id)s?$|[a-z0-9](?:ID|Id)[A-Z_]|(?i:_id)s?$|[a-z]Tag$|^(?i:trace|correlation)\\w*"
            + "|^(?:With|From)Context$"
            // (session 51) the other spellings of a key: a uid, a call's sid, a uuid; a stream's or session's name
            + "|[a-z0-9](?:Uid|UID|Sid|SID|Uuid|UUID|Guid|GUID)s?$|(?i:_uid|_sid|_uuid|_guid)s?$|^(?:uid|sid|uuid|guid)s?$"
            + "|^(?:stream|session|channel|room|tenant|job|task)(?:Name|Key)$");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_]\\w*");
    /** The object an argument is read from: {@code account} of {@code account.getUuid()}. */
    private static final Pattern ROOT = Pattern.compile("\\s*([A-Za-z_]\\w*)\\s*\\.\\s*[A-Za-z_]");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern MESSAGE_WORD = Pattern.compile("[A-Za-z]{3,}");
    /** The id carried another way by the new block: an MDC entry or a logger derived with fields. */
    private static final Pattern CARRIED = Pattern.compile("\\bMDC\\.put|\\.With(?:Fields?|Values|Context)?\\s*\\(");
    /** Receivers whose level-named calls make errors or fail tests, not log lines. */
    private static final Set<String> NOT_LOGGERS = Set.of("fmt", "errors", "t", "b", "assert", "Assert");
    private static final int MOST_REMOVED = 6;

    private DroppedLogIds() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog) {
        Severity severity = catalog.item("LOG-03").map(Catalog.Item::severity).orElse(Severity.ADVICE);
        List<Finding> out = new ArrayList<>();
        if (file.complete() || file.path().endsWith("_test.go") || file.path().contains("/src/test/")) {
            return out;
        }
        for (Hunk h : file.change().hunks()) {
            for (ChangeBlocks.Block c : ChangeBlocks.of(h)) {
                StringBuilder removed = new StringBuilder();
                StringBuilder added = new StringBuilder();
                int removedCount = c.removed().size();
                int first = c.added().isEmpty() ? -1 : c.added().get(0).newLine();
                for (DiffLine l : c.removed()) {
                    join(removed, l.text().strip());
                }
                for (DiffLine l : c.added()) {
                    join(added, l.text().strip());
                }
                if (first > 0 && removedCount <= MOST_REMOVED && drops(removed.toString(), added.toString())) {
                    out.add(new Finding(RULE, "LOG-03", severity, file.path(), first, 1, file.line(first).strip(),
                            "This log line keeps its message but no longer carries the ids the old line logged "
                                    + "(the request's, event's or peer's): the record can no longer be tied to the "
                                    + "call it is about. Keep the identifying fields (or log through a logger bound "
                                    + "to them).", Finding.Confidence.HIGH, null, "kb", null));
                }
            }
        }
        return out;
    }

    /** The removed block is one log statement; the added one logs its event through the same logger, minus ids. */
    private static boolean drops(String removed, String added) {
        Matcher was = CALL.matcher(removed);
        Matcher now = CALL.matcher(added);
        if (!was.find() || was.start() != 0 || was.find(was.end()) || !now.find() || now.start() != 0
                || now.find(now.end())) {
            return false;
        }
        was.reset().find();
        now.reset().find();
        if (!was.group("base").equals(now.group("base")) || NOT_LOGGERS.contains(was.group("base"))
                || !level(was).equals(level(now)) || CARRIED.matcher(added).find()) {
            return false;
        }
        // the message's words, from every literal of the call (a message concatenated around its id included)
        Set<String> oldWords = words(MESSAGE_WORD, literals(removed.substring(was.start("msg"))));
        Set<String> newWords = words(MESSAGE_WORD, literals(added.substring(now.start("msg"))));
        if (newWords.isEmpty() || !oldWords.containsAll(newWords)) {
            return false;
        }
        int end = close(removed, was.start("msg"));
        if (end < 0 || !removed.substring(end).strip().matches(";?")) {
            return false; // the removed block did more than log
        }
        Set<String> oldIds = ids(removed.substring(0, was.start("msg")) + removed.substring(was.end("msg"), end));
        Set<String> newIds = ids(added.substring(0, now.start("msg")) + added.substring(now.end("msg")));
        Set<String> kept = words(WORD, added);
        // an id renamed (adapterId to elementId) is still an id: the new line must name fewer
        return newIds.size() < oldIds.size() && oldIds.stream().anyMatch(w -> !kept.contains(w))
                && !sameSlots(arguments(removed, was.end("msg"), end), arguments(added, now.end("msg"),
                        close(added, now.start("msg"))));
    }

    /**
     * True when the new call passes as many arguments after its message as the old one, and each old argument that
     * named an identity stands where an argument read from the same object now stands: {@code account.getUuid()}
     * become {@code account.getAccountIdentifier()} is the same key read through its new accessor (set 19, Signal's
     * account identifier migration), not a key dropped.
     */
    private static boolean sameSlots(List<String> was, List<String> now) {
        if (was.isEmpty() || was.size() != now.size()) {
            return false;
        }
        boolean any = false;
        for (int i = 0; i < was.size(); i++) {
            if (ids(was.get(i)).isEmpty() || was.get(i).equals(now.get(i))) {
                continue;
            }
            // a keyed field (zap.String("request_id", id)) names its identity in the key: not an accessor renamed
            Matcher a = ROOT.matcher(was.get(i));
            Matcher b = ROOT.matcher(now.get(i));
            if (was.get(i).indexOf('"') >= 0 || !a.lookingAt() || !b.lookingAt() || !a.group(1).equals(b.group(1))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** The arguments of a call after its message, split at the top-level commas from {@code from} to {@code end}. */
    private static List<String> arguments(String s, int from, int end) {
        List<String> out = new ArrayList<>();
        if (end < 0 || from >= end) {
            return out;
        }
        // a comma inside a literal separates nothing
        String inner = STRING.matcher(s.substring(from, end - 1)).replaceAll(m -> Matcher.quoteReplacement(
                m.group().replace(',', ' ')));
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : inner.toCharArray()) {
            if (c == ',' && depth == 0) {
                if (!cur.toString().isBlank()) {
                    out.add(cur.toString().strip());
                }
                cur.setLength(0);
                continue;
            }
            depth += c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
            cur.append(c);
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }

    /** The words of a call's arguments that name an identity; field keys read as words. */
    private static Set<String> ids(String args) {
        Set<String> out = words(WORD, STRING.matcher(args).replaceAll(m -> keyOf(m.group())));
        out.removeIf(w -> !IDENTITY.matcher(w).find());
        return out;
    }

    /** The index after the parenthesis that closes the call whose first argument starts at {@code from}; -1 if none. */
    private static int close(String s, int from) {
        int depth = 1;
        Matcher str = STRING.matcher(s);
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && str.find(i) && str.start() == i) {
                i = str.end() - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** Appends a statement's next line; a space only where two names would otherwise run together. */
    private static void join(StringBuilder to, String line) {
        if (!to.isEmpty() && !line.isEmpty() && Character.isLetterOrDigit(to.charAt(to.length() - 1))
                && Character.isLetterOrDigit(line.charAt(0))) {
            to.append(' ');
        }
        to.append(line);
    }

    private static String literals(String s) {
        StringBuilder out = new StringBuilder();
        Matcher m = STRING.matcher(s);
        while (m.find()) {
            out.append(m.group().toLowerCase()).append(' ');
        }
        return out.toString();
    }

    /** A field key kept as a word ({@code "run_id"} reads as {@code run_id}); other literals drop out. */
    private static String keyOf(String literal) {
        String inner = literal.substring(1, literal.length() - 1);
        return inner.matches("\\w+") ? " " + inner + " " : " ";
    }

    /** The level named by a call, without the format suffix ({@code Errorf} and {@code error} are one level). */
    private static String level(Matcher m) {
        String l = m.group("lvl").toLowerCase();
        return l.replaceAll("(?:f|ln|w|ctx|context)$", "");
    }

    private static Set<String> words(Pattern p, String s) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
