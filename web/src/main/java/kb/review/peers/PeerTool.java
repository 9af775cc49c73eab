package kb.review.peers;

import java.io.IOException;
import java.util.List;

/** One Go analyser the review can run next to its own detectors: how to call it, how to read it. */
interface PeerTool {
    /** A result as the tool reports it: {@code file.go:line[:column]}, its check id and its text. */
    record Diagnostic(String position, String rule, String message) {
    }

    /** What one run produced; {@code failure} says why the package could not be analysed (null when it could). */
    record Parsed(List<Diagnostic> diagnostics, String failure) {
    }

    /** The tool's label in the review (the SARIF driver name the import mapping matches). */
    String name();

    /** The command line before the package patterns. */
    List<String> command();

    Parsed parse(String stdout, String stderr) throws IOException;

    /** The first line of a failure message, short enough for a note. */
    static String firstLine(String text) {
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                return t.length() > 200 ? t.substring(0, 200) + "…" : t;
            }
        }
        return "no message";
    }
}
