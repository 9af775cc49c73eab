package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.Set;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Loops whose lines are a listing, once per call, not a line per element of the traffic (session 29, logprec29; the
 * precision sets' classes DB and CP):
 * <ul>
 *   <li>{@link #inDumpMethod}: a method named for dumping or displaying state ({@code dumpToLog}, {@code dump},
 *   {@code displayStatus}, Go's {@code DumpState}): a diagnostic whose one line per vertex, queued item or plugin is
 *   the point, asked for when something hangs or at start-up;</li>
 *   <li>{@link #overConfigurationKeys}: a loop over the keys of a configuration ({@code props.stringPropertyNames()},
 *   {@code propertyNames()}, {@code System.getenv()} or {@code System.getProperties()}, Go's {@code os.Environ()} or
 *   viper's {@code AllKeys()}): one line per configured property, bounded by what the operator wrote.</li>
 * </ul>
 * Not this: a method named otherwise that a dump calls per element ({@code printRow} called in a request loop), a
 * loop over a request's headers or a message's attributes (per request), another map's {@code keySet()}.
 */
final class ListingLoops {

    private static final Set<String> LOOPS = Set.of("for_statement", "enhanced_for_statement", "while_statement",
            "do_statement");
    private static final Set<String> FUNCTIONS = Set.of("method_declaration", "function_declaration",
            "constructor_declaration");
    private static final Set<String> BOUNDARIES = Set.of("method_declaration", "constructor_declaration",
            "class_body", "static_initializer", "func_literal", "function_declaration", "lambda_expression");
    /** A method that dumps or displays state: the verb, alone or followed by a capitalised word. */
    private static final Pattern DUMP = Pattern.compile("(?:dump|display|Dump|Display)(?:[A-Z]\\w*)?");
    /** The keys or entries of a configuration, walked by the loop's header. */
    private static final Pattern CONFIGURATION_KEYS = Pattern.compile(
            "\\.\\s*(?:stringPropertyNames|propertyNames)\\s*\\(\\s*\\)|\\bSystem\\s*\\.\\s*(?:getenv|getProperties)"
                    + "\\s*\\(\\s*\\)|\\bos\\.Environ\\(\\)|\\b(?:viper|v|cfg|config|conf)\\.AllKeys\\(\\)");

    private ListingLoops() {
    }

    /** True when {@code call} is in a method or function named for dumping or displaying state. */
    static boolean inDumpMethod(SyntaxNode call, byte[] src) {
        for (SyntaxNode p = call.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("lambda_expression") || t.equals("func_literal") || t.equals("class_body")) {
                return false; // a callback runs whenever its caller calls it
            }
            if (FUNCTIONS.contains(t)) {
                SyntaxNode name = p.getChildByFieldName("name");
                return name != null && !name.isNull() && DUMP.matcher(text(src, name)).matches();
            }
        }
        return false;
    }

    /** True when the innermost loop around {@code call} walks the keys of a configuration. */
    static boolean overConfigurationKeys(SyntaxNode call, byte[] src) {
        for (SyntaxNode p = call.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (LOOPS.contains(t)) {
                SyntaxNode body = p.getChildByFieldName("body");
                int end = body == null || body.isNull() ? p.getEndByte() : body.getStartByte();
                return CONFIGURATION_KEYS.matcher(new String(src, p.getStartByte(), end - p.getStartByte(),
                        java.nio.charset.StandardCharsets.UTF_8)).find();
            }
            if (BOUNDARIES.contains(t)) {
                return false;
            }
        }
        return false;
    }
}
