package kb.review.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.Language;
import kb.review.diff.SyntaxNode;
import kb.review.diff.TreeSitter;
import org.treesitter.TSTree;

/**
 * Who calls a function anywhere in the checkout, for the built-per-call analysis's "every caller is one-time":
 * a helper that opens a pool is one-time initialisation when only {@code main}, {@code init}, constructors and
 * providers call it, wherever in the code base they are, and per-call work as soon as one handler does.
 *
 * <p>One instance per review (repo and files mode). The checkout's Go and Java texts are read once, on the first
 * question (most reviews never ask one), within the limits of their loader; each question parses only the files
 * whose text can hold such a call (at most {@link #MAX_PARSED}; a name called from more files is not proven
 * one-time), and its answer is kept for the rest of the review. Without a checkout
 * ({@link #NONE}, a pasted diff) the analysis decides from the reviewed file alone.
 */
public final class Callers {

    /** Loads the checkout's sources, path → text. */
    @FunctionalInterface
    public interface Sources {
        Map<String, String> load() throws IOException;
    }

    /** No checkout: callers are looked for in the reviewed file only. */
    public static final Callers NONE = new Callers(null);

    private static final Pattern GO_PACKAGE = Pattern.compile("(?m)^package\\s+(\\w+)");
    /** Files one question may parse; a name called from more files than this is not proven one-time. */
    private static final int MAX_PARSED = 2_000;

    private final Sources sources;
    private volatile Map<String, String> files;
    private final Map<String, Boolean> verdicts = new ConcurrentHashMap<>();

    private Callers(Sources sources) {
        this.sources = sources;
    }

    public static Callers of(Sources sources) {
        return new Callers(sources);
    }

    /**
     * True when {@code name} is called somewhere in the checkout and every call is in a one-time context; false when
     * some call runs per call or none is found; null when there is no checkout to look in.
     *
     * @param path   the file that declares the function (Go: its folder is its package)
     * @param method a Go method (called as {@code x.name(...)} from anywhere) rather than a function
     */
    Boolean allOneTime(String name, boolean go, boolean method, String path, String source) {
        Map<String, String> all = files();
        if (all == null) {
            return null;
        }
        String folder = folder(path);
        String pkg = "";
        if (go && !method) {
            Matcher m = GO_PACKAGE.matcher(source);
            pkg = m.find() ? m.group(1) : "";
        }
        String key = (go ? "go:" : "java:") + (method ? "." : folder + ":" + pkg + ".") + name;
        String goPackage = pkg;
        return verdicts.computeIfAbsent(key, k -> decide(all, name, go, method, folder, goPackage));
    }

    private boolean decide(Map<String, String> all, String name, boolean go, boolean method, String folder,
                           String goPackage) {
        Pattern mention = Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "\\s*\\(");
        Language lang = go ? Language.GO : Language.JAVA;
        int seen = 0;
        int parsed = 0;
        for (Map.Entry<String, String> e : all.entrySet()) {
            if (Language.of(e.getKey()) != lang || !mention.matcher(e.getValue()).find()) {
                continue;
            }
            if (++parsed > MAX_PARSED) {
                return false;
            }
            boolean samePackage = folder(e.getKey()).equals(folder);
            byte[] src = e.getValue().getBytes(StandardCharsets.UTF_8);
            try (TSTree tree = TreeSitter.parse(lang, e.getValue())) {
                SyntaxNode root = SyntaxNode.of(tree, TreeSitter.grammar(lang), src);
                OneTimeContexts sites = new OneTimeContexts(src, go);
                for (SyntaxNode call : sites.calls(root)) {
                    String callee = sites.callee(call);
                    boolean matches = !go ? callee.equals(name)
                            : method ? callee.endsWith("." + name)
                            : samePackage ? callee.equals(name) : callee.equals(goPackage + "." + name);
                    if (!matches) {
                        continue;
                    }
                    seen++;
                    if (!sites.oneTimeCall(call)) {
                        return false;
                    }
                }
            }
        }
        return seen > 0;
    }

    /** The checkout's texts, path → text (Go, Java and go.mod files), read on first use; null without a checkout. */
    Map<String, String> sources() {
        return files();
    }

    private Map<String, String> files() {
        if (sources == null) {
            return null;
        }
        Map<String, String> f = files;
        if (f == null) {
            synchronized (this) {
                if (files == null) {
                    try {
                        files = Map.copyOf(sources.load());
                    } catch (IOException | RuntimeException unreadable) {
                        files = Map.of(); // no checkout to read: nothing is known to call the function
                    }
                }
                f = files;
            }
        }
        return f.isEmpty() ? null : f;
    }

    private static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
