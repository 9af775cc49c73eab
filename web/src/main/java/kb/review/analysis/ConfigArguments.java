package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java: whether the configuration object handed to a client builder's timeout setter carries a timeout of its own.
 * Apache HttpClient takes its timeouts from the objects it is given ({@code setConnectionManager(manager)},
 * {@code setDefaultRequestConfig(config)}); a pooled manager built with only pool sizes bounds nothing, so a client
 * whose only configuration is such a manager waits without limit. The argument is "hollow" when the file shows how it
 * is made (inline, or a name assigned a construction) and nothing in the file matches the model's pattern. An argument
 * the file does not show being made (a parameter, a field set elsewhere, a helper's result) or one handed to another
 * call that may configure it is not hollow: the timeout may be set out of sight.
 */
final class ConfigArguments {

    /** the callee name just before an argument list's parenthesis: compiled once, not once per line read. */
    private static final Pattern CALLEE_BEFORE = Pattern.compile("((?:new\\s+)?[\\w.]*\\w)\\s*$");

    /** A construction: {@code new T(...)}, or a builder chain ({@code X.custom()}, {@code X.create()}) or its build(). */
    private static final Pattern BUILT = Pattern.compile(
            "\\bnew\\s+[A-Z][\\w.]*\\s*[(<]|\\.\\s*(?:custom|create)\\s*\\(\\s*\\)|\\.\\s*build\\s*\\(\\s*\\)\\s*$");
    private static final Pattern NAME = Pattern.compile("(?:this\\.)?([A-Za-z_]\\w*)");

    private ConfigArguments() {
    }

    /**
     * True when {@code argument} (a setter's argument text) is made in {@code file} and the file shows no timeout at
     * all: a timeout set anywhere else in the file (a per-request config, a socket config on the manager) may be the
     * one the requests run under, so only a file that names none is reported.
     */
    static boolean hollow(String file, String argument, Pattern bound) {
        String arg = argument.strip();
        if (arg.isEmpty() || arg.contains(",") || bound.matcher(file).find()) {
            return false;
        }
        Matcher name = NAME.matcher(arg);
        if (!name.matches()) {
            return BUILT.matcher(arg).find();
        }
        List<String> makings = new ArrayList<>();
        Matcher assigned = Pattern.compile("(?<![\\w.])(?:this\\.)?" + Pattern.quote(name.group(1))
                + "\\s*=(?!=)\\s*([^;]*);").matcher(file);
        while (assigned.find()) {
            makings.add(assigned.group(1).strip());
        }
        if (makings.isEmpty() || makings.stream().anyMatch(m -> !BUILT.matcher(m).find())) {
            return false; // made out of sight, or by a helper that may configure it
        }
        return !handedToOtherCall(file, name.group(1));
    }

    /**
     * True when the name is an argument of a call other than a client builder's setter of a configuration object
     * ({@code setConnectionManager(cm)}, {@code setDefaultRequestConfig(rc)}) or a client constructor: a helper that
     * takes the object may give it its timeouts.
     */
    private static boolean handedToOtherCall(String file, String name) {
        Matcher use = Pattern.compile("[(,]\\s*(?:this\\.)?" + Pattern.quote(name) + "\\s*[,)]").matcher(file);
        while (use.find()) {
            String callee = callee(file, use.start());
            if (callee != null && !callee.matches("(?:set|with)\\w*(?:Manager|Config)\\w*|new\\s+\\w+|[A-Z]\\w*")) {
                return true;
            }
        }
        return false;
    }

    /** The name of the call whose argument list holds the position (after its unmatched open parenthesis). */
    private static String callee(String file, int at) {
        int depth = 0;
        for (int i = at; i >= 0; i--) {
            char c = file.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                if (depth == 0) {
                    Matcher m = CALLEE_BEFORE.matcher(file.substring(Math.max(0,
                            i - 120), i));
                    return m.find() ? m.group(1).replaceAll("^.*\\.", "") : null;
                }
                depth--;
            } else if (c == ';' || c == '{' || c == '}') {
                return null;
            }
        }
        return null;
    }
}
