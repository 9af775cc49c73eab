package kb.review.analysis;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go {@code _ = bar.Add(n)} and {@code _ = bar.Finish()} on a terminal progress bar the file builds with a progress-bar
 * library (schollz/progressbar's {@code progressbar.Default} or {@code progressbar.New...}; set 21's AJ, a
 * command-line tool's reindex and upgrade progress). The error is the terminal write's: the bar is the tool's own
 * report, there is nowhere left to report its failure, and the work it counts goes on the same either way (called
 * from {@link GoDiscards#describe}, whose words these join). A method of a bar the file does not build, or any other
 * call on it, stays reported.
 */
final class GoProgressDiscards {

    static final String WORD = "draws-progress-bar";

    /** A drawing method of a bar: group 1 the bar's name. */
    private static final Pattern DRAW = Pattern.compile(
            "^([\\p{L}_]\\w*)\\.(?:Add|Add64|Set|Set64|Finish|Exit|Clear|RenderBlank|Describe|ChangeMax|ChangeMax64)"
                    + "\\s*\\(");
    /** A bar built by the library: group 1 the name it is assigned to. */
    private static final Pattern BUILT = Pattern.compile(
            "(?<![\\w.])([\\p{L}_]\\w*)\\s*:?=\\s*progressbar\\.(?:Default\\w*|New\\w*)\\s*\\(");

    private GoProgressDiscards() {
    }

    /** {@value #WORD} when {@code call} (the text after {@code _ = }) draws a bar {@code text} builds; else nothing. */
    static List<String> describe(String call, String text) {
        Matcher m = DRAW.matcher(call);
        if (!m.find() || !text.contains("progressbar.")) {
            return List.of();
        }
        Matcher b = BUILT.matcher(text);
        while (b.find()) {
            if (b.group(1).equals(m.group(1))) {
                return List.of(WORD);
            }
        }
        return List.of();
    }
}
