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
 */
public record Glob(String text, Pattern pattern, String needle) {

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
        return new Glob(glob, Pattern.compile(re.toString()), longest);
    }

    public boolean matches(String path) {
        return path.contains(needle) && pattern.matcher(path).matches();
    }
}
