package kb.review.rules;

import java.util.regex.Pattern;

/**
 * A path glob as rule files write them: {@code *} and {@code ?} stay within one folder, {@code **} crosses
 * folders, and a leading or inner {@code **}{@code /} also matches no folder at all (so {@code **}{@code /*.go}
 * matches {@code main.go}).
 */
public record Glob(String text, Pattern pattern) {

    static Glob of(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
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
            }
        }
        return new Glob(glob, Pattern.compile(re.toString()));
    }

    public boolean matches(String path) {
        return pattern.matcher(path).matches();
    }
}
