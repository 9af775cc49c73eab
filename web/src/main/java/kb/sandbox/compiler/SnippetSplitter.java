package kb.sandbox.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jdk.jshell.SourceCodeAnalysis;
import kb.sandbox.child.SourceText;

/**
 * Cuts the user's text into snippets the way the {@code jshell} tool reads a script: line by line,
 * each snippet as soon as it is complete. Only the parser runs here; nothing is evaluated.
 */
final class SnippetSplitter {

    /** One snippet: what JShell gets (a semicolon may be added) and where it is in the user's text. */
    record Piece(String source, int start, int end, Kind kind) {
    }

    enum Kind {
        IMPORT,
        /** A statement that declares nothing, so it may share a block with its neighbours. */
        STATEMENT,
        /** A {@code var} declaration ({@code var n = f();}); {@link #declaredName} tells its name. */
        VARIABLE,
        /** Declarations, and anything not recognised for sure as one of the others. */
        OTHER,
        /** The text ends before this snippet is complete. */
        INCOMPLETE
    }

    private static final Pattern LEADING_COMMENTS = Pattern.compile("\\A(?:\\s+|//[^\\n]*|/\\*.*?\\*/)*", Pattern.DOTALL);
    private static final String CHAIN = "[A-Za-z_$][\\w$]*(?:\\s*\\.\\s*[A-Za-z_$][\\w$]*)*";
    /**
     * Statements that cannot declare anything visible afterwards: control flow, a call through a
     * dotted name, {@code new}, assignment and increment. A declaration always has a type and then
     * a name, which none of these patterns accepts.
     */
    private static final Pattern STATEMENT = Pattern.compile(
            "\\A(?:(?:for|while|do|if|try|switch|synchronized|throw|assert)\\b|\\{|new\\s"
                    + "|" + CHAIN + "\\s*\\("
                    + "|" + CHAIN + "\\s*(?:\\+\\+|--|(?:[-+*/%&|^]|<<|>>>?)?=(?!=))"
                    + "|(?:\\+\\+|--)\\s*[A-Za-z_$])");

    /**
     * A {@code var} declaration. Only {@code var}: a declared type appears in the class file of a
     * top-level variable (a field) but not of a local one, so a block would hide from the allowlist a
     * type the snippet alone is denied for; an inferred type comes from an initializer that names it.
     */
    private static final Pattern VARIABLE = Pattern.compile("\\Avar\\s+([A-Za-z_$][\\w$]*)\\s*=(?!=)");

    private SnippetSplitter() {
    }

    static List<Piece> split(SourceCodeAnalysis analysis, String text) {
        var pieces = new ArrayList<Piece>();
        int pos = 0;
        int fed = 0;
        while (fed < text.length()) {
            int newline = text.indexOf('\n', fed);
            fed = newline < 0 ? text.length() : newline + 1;
            while (pos < fed) {
                String pending = text.substring(pos, fed);
                var info = analysis.analyzeCompletion(pending);
                if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                    pos = fed;
                } else if (!info.completeness().isComplete()) {
                    break;
                } else {
                    int consumed = Math.max(1, pending.length() - info.remaining().length());
                    pieces.add(new Piece(info.source(), pos, pos + consumed, classify(info.source())));
                    pos += consumed;
                    if (info.remaining().isBlank()) {
                        pos = fed;
                    }
                }
            }
        }
        if (pos < text.length() && !text.substring(pos).isBlank()) {
            pieces.add(new Piece(text.substring(pos), pos, text.length(), Kind.INCOMPLETE));
        }
        return pieces;
    }

    static Kind classify(String source) {
        String code = LEADING_COMMENTS.matcher(source).replaceFirst("");
        if (code.startsWith("import ")) {
            return Kind.IMPORT;
        }
        String trimmed = code.stripTrailing();
        boolean ended = trimmed.endsWith(";") || trimmed.endsWith("}");
        if (ended && STATEMENT.matcher(code).lookingAt()) {
            return Kind.STATEMENT;
        }
        return declaredName(source) != null ? Kind.VARIABLE : Kind.OTHER;
    }

    /** The name a {@code var} declaration declares, or {@code null} when {@code source} is not one. */
    static String declaredName(String source) {
        String code = LEADING_COMMENTS.matcher(source).replaceFirst("").stripTrailing();
        var m = VARIABLE.matcher(code);
        return code.endsWith(";") && m.lookingAt() ? m.group(1) : null;
    }

    /** Pieces as one block that keeps the user's line numbers, as a piece starting where the first one does. */
    static Piece block(List<Piece> group, SourceText text) {
        Piece first = group.get(0);
        int origin = text.firstNonBlank(first.start(), first.end());
        // The brace takes the first statement's place, so the block keeps the user's line numbers.
        var block = new StringBuilder("{").append(first.source().substring(origin - first.start()));
        int previousEnd = first.end();
        for (Piece p : group.subList(1, group.size())) {
            // Lines of comments between statements are not part of any piece, but they count.
            block.append(text.slice(previousEnd, p.start())).append(p.source());
            previousEnd = p.end();
        }
        block.append("\n}");
        return new Piece(block.toString(), origin, group.get(group.size() - 1).end(), Kind.STATEMENT);
    }
}
