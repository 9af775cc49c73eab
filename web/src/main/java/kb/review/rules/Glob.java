package kb.review.rules;

import java.util.regex.Pattern;

/**
 * A path glob as rule files write them: {@code *} and {@code ?} stay within one folder, {@code **} crosses
 * folders, and a leading or inner {@code **}{@code /} also matches no folder at all (so {@code **}{@code /*.go}
 * matches {@code main.go}).
 *
 * @param needle the glob's longest run of literal characters, which every matching path contains: most rules
 *               exclude the same thirty-odd folders ({@code example-programs}, {@code developer-tooling}), and a
 *               path without the run is answered by {@code contains} instead of the regex (only the speed depends
 *               on it)
 * @param modules whether only the module folders of a JVM source path are matched: the folders below its source root
 *                ({@code src/main/java/}) are the package, so {@code com/acme/samples/Client.java} there is in a
 *                package named {@code samples}, not in a samples module (see {@link #modules(String)})
 */
public record Glob(String text, Pattern pattern, String needle, boolean modules) {

    /** A JVM source root: what stands before it is the module's folders, what follows it the package's. */
    private static final Pattern SOURCE_ROOT = Pattern.compile("(?:^|/)src/[\\w-]+/(?:java|kotlin|scala|groovy)/");

    static Glob of(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder run = new StringBuilder();
        String longest = "";
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                longest = run.length() > longest.length() ? run.toString() : longest;
                run.setLength(0);
            }
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                if (i + 2 < glob.length() && glob.charAt(i + 2) == '/') {
                    re.append("(?:.*/)?");
                    i += 2;
                } else {
                    re.append(".*");
                    i++;
                }
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                run.append(c);
            }
        }
        longest = run.length() > longest.length() ? run.toString() : longest;
        return new Glob(glob, Pattern.compile(re.toString()), longest, false);
    }

    /**
     * {@link #of} matched against the module folders only: {@code examples/src/main/java/a/B.java} and {@code
     * samples/guide/src/main/java/a/B.java} match {@code **}{@code /samples/**}, {@code src/main/java/com/acme/samples/
     * Client.java} does not. The example-programs list is about module folders (okhttp's {@code samples/}); a package
     * of that name is one a service's own code may use, as {@code com/example} is (session 45: round 78's
     * {@code com/starlingbank/samples} payment client, round 19's {@code gjex/examples} gRPC client).
     */
    static Glob modules(String glob) {
        Glob g = of(glob);
        return new Glob(g.text, g.pattern, g.needle, true);
    }

    /** The key answers are kept under in a per-path cache: the text, and whether only module folders are matched. */
    public String key() {
        return modules ? "modules:" + text : text;
    }

    public boolean matches(String path) {
        if (!path.contains(needle)) {
            return false;
        }
        if (modules) {
            java.util.regex.Matcher root = SOURCE_ROOT.matcher(path);
            if (root.find()) {
                String folders = path.substring(0, root.end());
                return folders.contains(needle) && pattern.matcher(folders).matches();
            }
        }
        return pattern.matcher(path).matches();
    }
}
