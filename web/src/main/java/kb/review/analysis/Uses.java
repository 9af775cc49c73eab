package kb.review.analysis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.analysis.Lifecycle.Acquisition;
import kb.review.analysis.Lifecycle.Effect;
import kb.review.diff.TopLevelCommas;

/**
 * What a statement's text does with a tracked value, the same for Go and Java once the graph has isolated the
 * statement: a release template matches; or the value (or the part the model names, like {@code resp.Body}) is
 * handed on — returned, stored, sent, captured, or passed to a function that is neither a known borrower nor a
 * visible helper that leaves it alone.
 */
final class Uses {

    private static final Pattern CALLEE = Pattern.compile("(new\\s+)?([\\w$][\\w$.]*(?:<[^<>()]*>)?)\\s*$");

    private Uses() {
    }

    private static final Pattern BLANK = Pattern.compile("^_\\s*=\\s*");

    static Effect effect(String statement, Acquisition a, Summaries summaries, boolean condition) {
        Model m = a.model();
        if (!statement.contains(a.var())) {
            return Effect.NONE; // every release and every hand-over names the variable
        }
        // a release names the value in code (a keyed one may name its key in a literal); a hand-over names it in code
        // only: the word in a message or a comment of an early return returns nothing
        String text = CodeText.code(statement);
        if (releasedInCode(m.releasePattern(a.var()), CodeText.withoutComments(statement), text)) {
            return Effect.RELEASE;
        }
        if (!text.contains(a.var())) {
            return Effect.NONE;
        }
        if (BLANK.matcher(text).find() && text.substring(text.indexOf('=') + 1).strip().equals(a.var())) {
            return Effect.NONE; // '_ = v' only silences the unused-variable error; nothing takes the value over
        }
        if (condition) {
            return Effect.NONE;
        }
        if (!m.escapes()) {
            // the duty does not move with the value (a transaction, a thread-local), but a helper that ends it does:
            // commitOrRollback(conn) is the rollback; one the review cannot see may or may not be
            return unseenHelper(text, a, summaries) != null ? Effect.UNSEEN : releasedByHelper(text, a.var(), a,
                    summaries) ? Effect.RELEASE : Effect.NONE;
        }
        String shown = m.show(a.var());
        Effect e = handedOn(text, a.var(), a, summaries);
        if (e == Effect.NONE && !shown.equals(a.var())) {
            e = handedOn(text, shown, a, summaries);
        }
        return e == Effect.ESCAPE && goUnseen(text, a, summaries) != null ? Effect.UNSEEN : e;
    }

    /**
     * True when a release template matches where the statement is code: the match may take a literal key in
     * ({@code MDC.remove("user")}), but it must not start inside a string ({@code log.debug("st.close() skipped")}),
     * which releases nothing. {@code code} is {@code kept} with its literals blanked, offsets unchanged.
     */
    private static boolean releasedInCode(Pattern release, String kept, String code) {
        Matcher r = release.matcher(kept);
        while (r.find()) {
            int at = r.start();
            while (at < r.end() && Character.isWhitespace(kept.charAt(at))) {
                at++;
            }
            if (at == r.end() || code.charAt(at) == kept.charAt(at)) {
                return true;
            }
        }
        return false;
    }

    /** A Go statement that is only a call, or keeps nothing of it but an error: {@code f(x)}, {@code err := f(x)}. */
    private static final Pattern GO_CALL_ONLY = Pattern.compile(
            "^(?:(?:_|\\w*[eE]rr\\w*)(?:\\s*,\\s*(?:_|\\w*[eE]rr\\w*))*\\s*:?=\\s*)?[\\w$.]+\\s*\\(");

    /**
     * A Go return of one call's results ({@code return r.upload(ctx, f)}): the callee reads the value, or keeps it;
     * when its name is not a constructor's ({@link #WRAPPER}) and the review cannot see it, which is unknown.
     */
    private static final Pattern GO_RETURN_CALL = Pattern.compile("^return\\s+[\\w$.]+\\s*\\(");
    private static final Pattern WRAPPER = Pattern.compile("^(New|new|Wrap|wrap|With|with|Make|make"
            // and callees whose name says they keep what they are given (a registry, a pool, a server's Serve(l))
            + "|Register|register|Add|add|Put|put|Store|store|Track|track|Keep|keep|Push|push|Enqueue|enqueue"
            + "|Attach|attach|Adopt|adopt|Own|own|Serve|serve)");

    /**
     * The Go function a resource (a file, a connection, a body) is handed to when the review cannot see what it does
     * with it: the statement is only that call, or keeps only its error, so no result can hold the value on (a returned,
     * stored, sent, wrapped or goroutine-owned value is handed over as before), and the callee is neither a borrower,
     * a logger nor a helper in the change or the checkout. A path through it is a leak at low confidence only.
     */
    private static String goUnseen(String text, Acquisition a, Summaries summaries) {
        Model m = a.model();
        boolean returned = GO_RETURN_CALL.matcher(text).find();
        if (!m.language().equals("go") || !m.kind().equals("resource")
                || !GO_CALL_ONLY.matcher(text).find() && !returned) {
            return null;
        }
        for (String held : new String[] {a.var(), m.show(a.var())}) {
            Matcher use = mentions(held, text);
            while (use.find()) {
                int open = enclosingParen(text, use.start());
                Matcher c = open < 0 ? null : CALLEE.matcher(text.substring(0, open));
                if (c == null || !c.find() || c.group(1) != null) {
                    continue;
                }
                String callee = c.group(2).replaceAll("<.*", "");
                if (returned && (open != text.indexOf('(') || WRAPPER.matcher(Summaries.simpleName(callee)).find())) {
                    continue; // returned inside another value, or by a constructor that may keep it: handed on
                }
                if (returned && valueResult(text, open)) {
                    continue; // `return wrap(resp), nil`: a value built from it goes to the caller (round 20, go-21)
                }
                if (!isKeyword(callee) && !borrowed(callee, m) && !summaries.isLogger(callee)
                        && !summaries.isCallback(callee) && !summaries.knows(callee)) {
                    return callee;
                }
            }
        }
        return null;
    }

    /** Where {@code held} appears as a whole name (not a field or method of something else). */
    private static Matcher mentions(String held, String text) {
        return Regexes.compiled("(?<![\\w.$])" + Pattern.quote(held) + "(?![\\w$.(\\[])").matcher(text);
    }

    /**
     * The callee a duty that stays with its value (a transaction, a thread-local) is handed to when the review cannot
     * see what it does: an argument (any position, a method reference to the value's release among them) of a call
     * that is neither a model's borrower or logger nor a helper in the change or the checkout; null when there is
     * none, or when a helper the review sees ends it.
     */
    static String unseenHelper(String statement, Acquisition a, Summaries summaries) {
        String text = CodeText.code(statement);
        if (a.model().escapes()) {
            return goUnseen(text, a, summaries);
        }
        if (!text.contains(a.var()) || releasedByHelper(text, a.var(), a, summaries)) {
            return null;
        }
        Matcher use = mentions(a.var(), text);
        while (use.find()) {
            int open = enclosingParen(text, use.start());
            if (open < 0) {
                continue;
            }
            Matcher c = CALLEE.matcher(text.substring(0, open));
            if (!c.find()) {
                continue;
            }
            String callee = c.group(2).replaceAll("<.*", "");
            if (c.group(1) != null && Wrappers.use(summaries, callee, argIndex(text, open, use.start()), a.model())
                    == Wrappers.Use.READS) {
                continue; // a constructor the review sees only reading it: the duty stays here
            }
            if (!isKeyword(callee) && !borrowed(callee, a.model()) && !summaries.isLogger(callee)
                    && (c.group(1) != null || !summaries.knows(callee))) {
                return (c.group(1) != null ? "new " : "") + callee;
            }
        }
        return null;
    }

    /** True when {@code held} is an argument of a call to a visible helper that releases that argument. */
    private static boolean releasedByHelper(String text, String held, Acquisition a, Summaries summaries) {
        Matcher use = mentions(held, text);
        while (use.find()) {
            int open = enclosingParen(text, use.start());
            if (open < 0) {
                continue;
            }
            Matcher c = CALLEE.matcher(text.substring(0, open));
            if (!c.find()) {
                continue;
            }
            if (c.group(1) != null) {
                if (Wrappers.use(summaries, c.group(2).replaceAll("<.*", ""), argIndex(text, open, use.start()),
                        a.model()) == Wrappers.Use.RELEASES) {
                    return true; // a constructor that closes or ends what it is given
                }
            } else {
                String callee = c.group(2).replaceAll("<.*", "");
                int arg = argIndex(text, open, use.start());
                if (!isKeyword(callee) && summaries.knows(callee) && summaries.releasesArgument(callee, arg,
                        a.model().language()) && !OtherDutyReleases.only(summaries, callee, arg, a.model())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Effect handedOn(String text, String held, Acquisition a, Summaries summaries) {
        if (!text.contains(held)) {
            return Effect.NONE;
        }
        Matcher use = mentions(held, text);
        while (use.find()) {
            int at = use.start();
            int open = enclosingParen(text, at);
            if (open < 0) {
                if (assignedTo(text, at)) {
                    continue;
                }
                if (text.startsWith("func") || text.contains("->")) {
                    return Effect.ESCAPE;
                }
                return Effect.ESCAPE;
            }
            Matcher c = CALLEE.matcher(text.substring(0, open));
            if (!c.find()) {
                continue; // a parenthesised expression or a condition
            }
            String callee = c.group(2).replaceAll("<.*", "");
            if (c.group(1) != null) {
                // a wrapper object takes it over, unless the review sees its constructor only read it or end it
                Wrappers.Use u = Wrappers.use(summaries, callee, argIndex(text, open, at), a.model());
                if (u == Wrappers.Use.READS) {
                    continue;
                }
                return u == Wrappers.Use.RELEASES ? Effect.RELEASE : Effect.ESCAPE;
            }
            if (isKeyword(callee) || borrowed(callee, a.model()) || summaries.isCallback(callee)) {
                continue; // a callback parameter works inside the caller's duty: if err := fn(tx); err != nil
            }
            if (STATEMENT_LOCAL.matcher(text).find() && "java".equals(a.model().language())) {
                continue; // a helper that makes a JDBC statement on the value (`ps = sql.prepare(conn)`) borrows it
            }
            if (summaries.knows(callee)) {
                int arg = argIndex(text, open, at);
                if (summaries.releasesArgument(callee, arg, a.model().language())
                        && !OtherDutyReleases.only(summaries, callee, arg, a.model())) {
                    return Effect.RELEASE;
                }
                if (summaries.keepsArgument(callee, arg)) {
                    return Effect.ESCAPE; // a constructor or a registry: the value lives on in what it built
                }
                continue;
            }
            return Effect.ESCAPE;
        }
        return Effect.NONE;
    }

    /**
     * Java: the call's result is stored in a local declared as a JDBC statement. A statement made on a connection by a
     * helper ({@code PreparedStatement ps = selector.prepare(conn)}) needs the connection open and never closes it
     * (closing a statement leaves its connection alone), so handing the connection to that helper moves no duty.
     */
    private static final Pattern STATEMENT_LOCAL = Pattern.compile(
            "^\\s*(?:final\\s+)?(?:java\\.sql\\.)?(?:Prepared|Callable)?Statement\\s+\\w+\\s*=");

    private static boolean isKeyword(String callee) {
        return switch (callee) {
            case "if", "for", "while", "switch", "catch", "synchronized", "return", "len", "cap" -> true;
            default -> false;
        };
    }

    private static boolean borrowed(String callee, Model m) {
        String simple = Summaries.simpleName(callee);
        for (String b : m.borrows()) {
            if (callee.equals(b) || callee.endsWith("." + b) || simple.equals(b) || simple.matches(b)) {
                return true;
            }
        }
        return false;
    }

    /** The offset of the '(' of the innermost call around {@code at}, or -1. */
    /**
     * The call opened at {@code open} is a result of a return that has more results after it ({@code return
     * build(resp), nil}): the call gives a value, not the error, so what it builds from its argument is the caller's.
     */
    private static boolean valueResult(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '(' || ch == '[' || ch == '{') {
                depth++;
            } else if (ch == ')' || ch == ']' || ch == '}') {
                depth--;
                if (depth == 0) {
                    return text.substring(i + 1).stripLeading().startsWith(",");
                }
            }
        }
        return false;
    }

    private static int enclosingParen(String text, int at) {
        int depth = 0;
        for (int i = at - 1; i >= 0; i--) {
            char ch = text.charAt(i);
            if (ch == ')' || ch == ']' || ch == '}') {
                depth++;
            } else if (ch == '(' || ch == '[' || ch == '{') {
                if (depth == 0) {
                    return ch == '(' ? i : -1;
                }
                depth--;
            }
        }
        return -1;
    }

    private static int argIndex(String text, int open, int at) {
        return TopLevelCommas.in(text, open + 1, at).length;
    }

    /** True when the name at {@code at} is on the left of an assignment (it is being overwritten, not handed on). */
    private static boolean assignedTo(String text, int at) {
        String before = text.substring(0, at);
        if (before.contains("=")) {
            return false;
        }
        String after = text.substring(at);
        return after.matches("(?s)[\\w$]*\\s*(,\\s*[\\w$]+\\s*)*(:=|=(?!=)).*");
    }
}
