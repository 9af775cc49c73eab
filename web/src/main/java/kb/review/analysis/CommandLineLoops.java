package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Loops over a program's command-line arguments: Java's {@code for (int i = 0; i < args.length; i++)} or
 * {@code for (String a : args)} (a {@code main}'s or a Hadoop {@code Tool.run}'s {@code String[] args}), Go's
 * {@code range os.Args[1:]}, {@code flag.Args()} or a cobra command's {@code args}. A line per option the parser meets
 * ({@code LOG.info("hostdb: {}", hostDb)} under {@code if (args[i].equals("-hostdb"))}) runs once per option typed,
 * once per run of the command: bounded by the command line, not by the traffic LOG-01 is about (set 20's CP, nutch's
 * UpdateHostDb option parsing).
 *
 * <p>Not this: a loop over another array or list, whatever its elements; a loop over a request's or a message's
 * arguments written under another name.
 */
final class CommandLineLoops {

    /** Java: the loop's header reads {@code args.length} or {@code argv.length}, or walks {@code args}/{@code argv}. */
    private static final Pattern JAVA_HEADER = Pattern.compile("\\b(?:args|argv)\\s*\\.\\s*length\\b");
    private static final Pattern JAVA_WALKED = Pattern.compile("^(?:args|argv)$");
    /** Go: the process's arguments, a flag set's remaining arguments, or a cobra or urfave/cli command's. */
    private static final Pattern GO_HEADER = Pattern.compile(
            "\\bos\\.Args\\b|\\b(?:flag|flags|fs|flagSet)\\.Args\\(\\)|\\bc(?:tx)?\\.Args\\(\\)\\.(?:Slice|Tail)\\(\\)");
    private static final Pattern GO_COMMAND_ARGS = Pattern.compile("\\brange\\s+args\\b|\\blen\\(args\\)");
    private static final Pattern GO_COMMAND_SIGNATURE = Pattern.compile("\\*cobra\\.Command\\b");

    private CommandLineLoops() {
    }

    /** True when {@code loop} walks the command line. */
    static boolean overArguments(SyntaxNode loop, byte[] src, boolean go) {
        String header = header(loop, src);
        if (go) {
            if (GO_HEADER.matcher(header).find()) {
                return true;
            }
            if (!GO_COMMAND_ARGS.matcher(header).find()) {
                return false;
            }
            for (SyntaxNode p = loop.getParent(); p != null && !p.isNull(); p = p.getParent()) {
                String t = p.getType();
                if (t.equals("func_literal") || t.equals("function_declaration") || t.equals("method_declaration")) {
                    SyntaxNode params = p.getChildByFieldName("parameters");
                    return params != null && !params.isNull() && GO_COMMAND_SIGNATURE.matcher(text(src, params)).find();
                }
            }
            return false;
        }
        if (loop.getType().equals("enhanced_for_statement")) {
            SyntaxNode value = loop.getChildByFieldName("value");
            return value != null && !value.isNull() && JAVA_WALKED.matcher(text(src, value).strip()).matches();
        }
        return JAVA_HEADER.matcher(header).find();
    }

    /** The loop's text before its body. */
    private static String header(SyntaxNode loop, byte[] src) {
        SyntaxNode body = loop.getChildByFieldName("body");
        int end = body == null || body.isNull() ? loop.getEndByte() : body.getStartByte();
        return new String(src, loop.getStartByte(), Math.max(0, end - loop.getStartByte()),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
