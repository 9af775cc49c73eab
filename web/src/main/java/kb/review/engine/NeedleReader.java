package kb.review.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One reading of a regular expression's source for {@link Needles}: its branches, sequences, groups and escapes,
 * giving the literal texts every match must contain. Whatever it does not understand throws {@link Unknown}.
 */
final class NeedleReader {

    /** Something this reading does not handle. */
    static final class Unknown extends Exception {
        Unknown() {
            super(null, null, false, false);
        }
    }

    final String src;
    /** {@link Needles#required}'s reading: texts in the regex's case, literal runs joined to literal groups. */
    private final boolean exact;
    int pos;
    /** After {@link #sequence}: every match of the sequence is one of these texts (null: not known). */
    private Set<String> whole;

    NeedleReader(String src) {
        this(src, false);
    }

    NeedleReader(String src, boolean exact) {
        this.src = src;
        this.exact = exact;
    }

    /** Branches separated by {@code |} up to {@code )} or the end: every branch must know its needles. */
    Set<String> alternation() throws Unknown {
        return alternation(null);
    }

    /**
     * The same; with {@code parts}, the candidates of a lone branch (every one of them required) are added to it, and
     * it stays empty when there are several branches.
     */
    Set<String> alternation(List<Set<String>> parts) throws Unknown {
        Set<String> all = new LinkedHashSet<>();
        Set<String> wholeAll = new LinkedHashSet<>();
        List<Set<String>> first = null;
        boolean known = true;
        boolean branches = false;
        while (true) {
            List<Set<String>> candidates = new ArrayList<>();
            first = first == null ? candidates : first;
            Set<String> branch = sequence(candidates);
            if (branch == null) {
                known = false;
            } else {
                all.addAll(branch);
            }
            if (whole == null) {
                wholeAll = null;
            } else if (wholeAll != null) {
                wholeAll.addAll(whole);
            }
            if (pos < src.length() && src.charAt(pos) == '|') {
                pos++;
                branches = true;
                continue;
            }
            whole = wholeAll;
            if (parts != null && !branches) {
                parts.addAll(first);
            }
            return known ? all : null;
        }
    }

    /** The most texts a joined run may stand for. */
    private static final int MAX_JOINED = 16;

    /**
     * Atoms in a row: the best needle set among its literal runs and its required groups (all of them are added to
     * {@code candidates}); sets {@link #whole}.
     */
    private Set<String> sequence(List<Set<String>> candidates) throws Unknown {
        // the run so far: every match of it is one of these texts (in the exact reading, a run may be joined to a
        // group of literal branches; otherwise it is one text)
        Set<String> run = new LinkedHashSet<>(List.of(""));
        boolean pure = true;
        while (pos < src.length() && src.charAt(pos) != '|' && src.charAt(pos) != ')') {
            Atom a = atom();
            int min = quantifierMin();
            if (a.literal != null && min == 1 && !quantified) {
                run = joined(run, Set.of(a.literal));
                continue;
            }
            if (exact && a.whole != null && min == 1 && !quantified && run.size() * a.whole.size() <= MAX_JOINED) {
                run = joined(run, a.whole);
                continue;
            }
            pure = false;
            if (a.literal != null && min >= 1) {
                run = joined(run, Set.of(a.literal)); // at least once, and then the run cannot go on contiguously
            }
            run = flush(run, candidates);
            if (a.group != null && min >= 1) {
                candidates.add(a.group);
            }
        }
        whole = pure ? run : null;
        flush(run, candidates);
        Set<String> best = null;
        for (Set<String> c : candidates) {
            if (best == null || shortest(c) > shortest(best)) {
                best = c;
            }
        }
        return best;
    }

    private static Set<String> joined(Set<String> run, Set<String> next) {
        Set<String> out = new LinkedHashSet<>();
        for (String r : run) {
            for (String n : next) {
                out.add(r + n);
            }
        }
        return out;
    }

    /** Adds the run to the candidates when it is not empty, and gives the empty run that follows it. */
    private Set<String> flush(Set<String> run, List<Set<String>> candidates) {
        if (!run.contains("")) {
            Set<String> texts = new LinkedHashSet<>();
            run.forEach(r -> texts.add(exact ? r : r.toLowerCase(Locale.ROOT)));
            candidates.add(texts);
        }
        return new LinkedHashSet<>(List.of(""));
    }

    private static int shortest(Set<String> s) {
        return s.stream().mapToInt(String::length).min().orElse(0);
    }

    /** One atom: a literal text, a group with its needles, or something that matches unknown text. */
    private record Atom(String literal, Set<String> group, Set<String> whole) {
        static final Atom OTHER = new Atom(null, null, null);

        Atom(String literal, Set<String> group) {
            this(literal, group, null);
        }
    }

    private boolean quantified;

    /** The minimum count of the quantifier after an atom (1 when there is none); sets {@link #quantified}. */
    private int quantifierMin() throws Unknown {
        quantified = false;
        if (pos >= src.length()) {
            return 1;
        }
        char c = src.charAt(pos);
        int min;
        if (c == '?' || c == '*') {
            min = 0;
            pos++;
        } else if (c == '+') {
            min = 1;
            pos++;
        } else if (c == '{') {
            int close = src.indexOf('}', pos);
            if (close < 0) {
                throw new Unknown();
            }
            String body = src.substring(pos + 1, close);
            int comma = body.indexOf(',');
            try {
                min = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
            } catch (NumberFormatException e) {
                throw new Unknown();
            }
            pos = close + 1;
        } else {
            return 1;
        }
        quantified = true;
        if (pos < src.length() && (src.charAt(pos) == '?' || src.charAt(pos) == '+')) {
            pos++; // lazy or possessive: the same minimum
        }
        return Math.min(min, 1);
    }

    private Atom atom() throws Unknown {
        char c = src.charAt(pos++);
        switch (c) {
            case '(':
                return group();
            case '[':
                skipClass();
                return Atom.OTHER;
            case '\\':
                return escape();
            case '.', '^', '$':
                return Atom.OTHER;
            case '*', '+', '?', '{':
                throw new Unknown();
            default:
                return c < 128 ? new Atom(String.valueOf(c), null) : Atom.OTHER;
        }
    }

    private Atom group() throws Unknown {
        boolean zeroWidth = false;
        if (src.startsWith("?", pos)) {
            pos++;
            if (src.startsWith("<=", pos) || src.startsWith("<!", pos)) {
                pos += 2;
                zeroWidth = true;
            } else if (src.startsWith("=", pos) || src.startsWith("!", pos)) {
                pos++;
                zeroWidth = true;
            } else if (src.startsWith("<", pos)) {
                int close = src.indexOf('>', pos);
                if (close < 0) {
                    throw new Unknown();
                }
                pos = close + 1;
            } else if (src.startsWith(">", pos) || src.startsWith(":", pos)) {
                pos++;
            } else {
                // inline flags (?i) or (?i:...): comments mode and Unicode case folding are not handled
                int end = pos;
                while (end < src.length() && (Character.isLetter(src.charAt(end)) || src.charAt(end) == '-')) {
                    end++;
                }
                String flags = src.substring(pos, end);
                if (end >= src.length() || flags.contains("x") || flags.contains("u") || exact) {
                    throw new Unknown(); // the exact reading does not follow case flags
                }
                pos = end + 1;
                if (src.charAt(end) == ')') {
                    return Atom.OTHER;
                }
                if (src.charAt(end) != ':') {
                    throw new Unknown();
                }
            }
        }
        Set<String> inner = alternation();
        Set<String> innerWhole = whole;
        if (pos >= src.length() || src.charAt(pos) != ')') {
            throw new Unknown();
        }
        pos++;
        return zeroWidth || inner == null ? Atom.OTHER
                : new Atom(null, inner, innerWhole == null || innerWhole.contains("") ? null : innerWhole);
    }

    private void skipClass() throws Unknown {
        int depth = 1;
        if (pos < src.length() && src.charAt(pos) == '^') {
            pos++;
        }
        if (pos < src.length() && src.charAt(pos) == ']') {
            pos++;
        }
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == '\\') {
                pos++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return;
            }
        }
        throw new Unknown();
    }

    private Atom escape() throws Unknown {
        if (pos >= src.length()) {
            throw new Unknown();
        }
        char c = src.charAt(pos++);
        if (c == 'Q') {
            int end = src.indexOf("\\E", pos);
            String quoted = end < 0 ? src.substring(pos) : src.substring(pos, end);
            pos = end < 0 ? src.length() : end + 2;
            for (char q : quoted.toCharArray()) {
                if (q >= 128) {
                    return Atom.OTHER;
                }
            }
            return quoted.isEmpty() ? Atom.OTHER : new Atom(quoted, null);
        }
        if (c == 't') {
            return new Atom("\t", null);
        }
        if (c == 'p' || c == 'P') {
            if (pos < src.length() && src.charAt(pos) == '{') {
                int close = src.indexOf('}', pos);
                if (close < 0) {
                    throw new Unknown();
                }
                pos = close + 1;
            } else {
                pos++;
            }
            return Atom.OTHER;
        }
        if (c == 'k') {
            int close = src.indexOf('>', pos);
            if (close < 0) {
                throw new Unknown();
            }
            pos = close + 1;
            return Atom.OTHER;
        }
        if ("bBAzZGdDsSwWhHvVRXN123456789".indexOf(c) >= 0) {
            return Atom.OTHER;
        }
        if (Character.isLetterOrDigit(c) || c >= 128) {
            throw new Unknown(); // hex, Unicode, octal and control escapes: not worth reading here
        }
        return new Atom(String.valueOf(c), null);
    }
}
