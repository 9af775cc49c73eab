package kb.review.diff;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.patch.FileHeader;

/**
 * The old and new path of each file of a diff, read from its header lines as the tool wrote them. JGit's own names
 * lose the first folder of every path, which is only right when the tool wrote git's {@code a/} and {@code b/}
 * prefixes ({@code git diff --no-prefix} or {@code diff.noprefix}, {@code svn diff} and {@code diff -u} in a checkout
 * write none, so {@code src/test/Foo.java} became {@code test/Foo.java} and {@code vendor/x.go} {@code x.go}), and keep
 * the closing quote and tab of a quoted name that git writes after a path with spaces ({@code --- "a/my dir/x.go"\t}),
 * so such a file had no language and was not reviewed.
 *
 * <p>Whether names carry a prefix is read from the files that show it (the same name on both sides: none; names that
 * differ only in their first folder: a prefix) and holds for the whole diff, as one tool wrote it.
 */
final class FileNames {

    /** A file's paths; {@code null} for the side that does not exist ({@code /dev/null}). */
    record Paths(String oldPath, String newPath) {
    }

    /** A file's names as written, before deciding about prefixes. */
    private record Written(String minus, String plus, String from, String to, String gitOld, String gitNew) {
    }

    private static final String DEV_NULL = "/dev/null";

    private FileNames() {
    }

    /** The paths of each of {@code files}, in order, as the header lines in {@code buf} name them. */
    static List<Paths> of(byte[] buf, List<? extends FileHeader> files) {
        List<Written> written = new ArrayList<>();
        int prefixed = 0;
        int bare = 0;
        for (FileHeader f : files) {
            Written w = written(buf, f);
            written.add(w);
            Boolean p = prefixed(w);
            if (p != null) {
                prefixed += p ? 1 : 0;
                bare += p ? 0 : 1;
            }
        }
        // a diff that does not show either way keeps JGit's reading: git's prefixes
        boolean diffPrefixed = prefixed >= bare;
        List<Paths> out = new ArrayList<>();
        for (Written w : written) {
            Boolean p = prefixed(w);
            out.add(paths(w, p == null ? diffPrefixed : p));
        }
        return out;
    }

    private static Paths paths(Written w, boolean prefixed) {
        String oldPath = w.from() != null ? w.from() : side(w.minus() != null ? w.minus() : w.gitOld(), prefixed);
        String newPath = w.to() != null ? w.to() : side(w.plus() != null ? w.plus() : w.gitNew(), prefixed);
        return new Paths(oldPath, newPath);
    }

    private static String side(String name, boolean prefixed) {
        if (name == null || name.equals(DEV_NULL)) {
            return null;
        }
        return prefixed ? withoutFirstFolder(name) : name;
    }

    /** True when this file's names show git's prefixes, false when they show none, null when they cannot tell. */
    private static Boolean prefixed(Written w) {
        Boolean byNames = prefixed(w.minus(), w.plus(), w.from() != null || w.to() != null);
        return byNames != null ? byNames : prefixed(w.gitOld(), w.gitNew(), false);
    }

    private static Boolean prefixed(String old, String neu, boolean renamed) {
        if (old == null || neu == null || old.equals(DEV_NULL) || neu.equals(DEV_NULL)) {
            return null;
        }
        if (old.equals(neu)) {
            return renamed ? null : false;
        }
        boolean sameBelow = old.indexOf('/') > 0 && neu.indexOf('/') > 0
                && withoutFirstFolder(old).equals(withoutFirstFolder(neu));
        return sameBelow ? Boolean.TRUE : null;
    }

    private static String withoutFirstFolder(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    /** The header lines of {@code f}: from its start to its first hunk (or its end). */
    private static Written written(byte[] buf, FileHeader f) {
        int end = f.getHunks().isEmpty() ? f.getEndOffset() : f.getHunks().get(0).getStartOffset();
        String minus = null;
        String plus = null;
        String from = null;
        String to = null;
        String[] git = {null, null};
        for (String line : new String(buf, f.getStartOffset(), Math.max(0, end - f.getStartOffset()),
                StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("--- ") && minus == null) {
                minus = name(line.substring(4));
            } else if (line.startsWith("+++ ") && plus == null) {
                plus = name(line.substring(4));
            } else if (line.startsWith("rename from ") || line.startsWith("copy from ")) {
                from = name(line.substring(line.indexOf(" from ") + 6));
            } else if (line.startsWith("rename to ") || line.startsWith("copy to ")) {
                to = name(line.substring(line.indexOf(" to ") + 4));
            } else if (line.startsWith("diff --git ")) {
                git = gitLine(line.substring(11));
            }
        }
        return new Written(minus, plus, from, to, git[0], git[1]);
    }

    /**
     * The two names of a {@code diff --git} line. Unquoted names are split where both halves are the same path, with or
     * without a first folder (a name may hold spaces); {@code {null, null}} when no split fits.
     */
    static String[] gitLine(String rest) {
        if (rest.startsWith("\"")) {
            int close = closingQuote(rest);
            String first = name(rest.substring(0, close + 1));
            return new String[] {first, name(rest.substring(Math.min(rest.length(), close + 2)))};
        }
        if (rest.endsWith("\"")) {
            int open = rest.lastIndexOf(" \"");
            return open < 0 ? new String[] {null, null}
                    : new String[] {rest.substring(0, open), name(rest.substring(open + 1))};
        }
        for (int i = rest.indexOf(' '); i > 0; i = rest.indexOf(' ', i + 1)) {
            String a = rest.substring(0, i);
            String b = rest.substring(i + 1);
            if (a.equals(b) || (a.indexOf('/') > 0 && withoutFirstFolder(a).equals(withoutFirstFolder(b)))) {
                return new String[] {a, b};
            }
        }
        return new String[] {null, null};
    }

    /**
     * One name of a {@code ---}, {@code +++}, rename or copy line: a C-quoted name is unquoted (octal escapes are the
     * bytes of UTF-8 text), anything after it dropped; an unquoted name ends at a tab (GNU diff's timestamp, or the tab
     * git writes after a name with spaces).
     */
    static String name(String s) {
        if (s.startsWith("\"")) {
            return unquote(s.substring(1, closingQuote(s)));
        }
        int tab = s.indexOf('\t');
        return tab < 0 ? s : s.substring(0, tab);
    }

    /** The index of the quote that closes the one at 0, or the end of {@code s} when none does. */
    private static int closingQuote(String s) {
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == '"') {
                return i;
            }
        }
        return s.length();
    }

    private static String unquote(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] != '\\' || i + 1 == in.length) {
                out.write(in[i]);
                continue;
            }
            byte c = in[++i];
            if (c >= '0' && c <= '7') {
                int v = 0;
                int n = 0;
                for (; n < 3 && i < in.length && in[i] >= '0' && in[i] <= '7'; n++, i++) {
                    v = v * 8 + (in[i] - '0');
                }
                i--;
                out.write(v);
            } else {
                out.write(switch (c) {
                    case 'a' -> 7;
                    case 'b' -> '\b';
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'v' -> 11;
                    case 'f' -> '\f';
                    case 'r' -> '\r';
                    default -> c;
                });
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
