package kb.review.analysis;

import static kb.review.analysis.LogTraffic.child;
import static kb.review.analysis.LogTraffic.identifiers;
import static kb.review.diff.SyntaxNode.text;
import static kb.review.diff.CodeText.unwrap;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * Whether a loop walks input, so that a log on one of its branches repeats with the traffic ({@link LogTraffic}): a
 * service loop (no condition, {@code true}, a test of its own run state), or a loop whose collection or condition
 * names a parameter of a function around it (configuration parameters left out), directly or through a local made
 * from one before the loop.
 */
final class InputLoops {

    /** A service loop's test of its own run state. */
    private static final Pattern RUN_FLAG = Pattern.compile("(?i)^!?\\s*(this\\.|[a-z]\\w*\\.)*"
            + "(is)?_?(running|stopped|stopping|closed|closing|shutdown|shuttingdown|alive|active|interrupted"
            + "|terminated|done|cancell?ed)\\s*(\\(\\s*\\))?$|isInterrupted\\s*\\(|\\bctx\\.Err\\(\\)\\s*==\\s*nil");

    /**
     * (session 51, log51) A condition that takes the next unit of a stream: Java's {@code (tok = parser.next()) !=
     * END_DOCUMENT}, {@code (line = reader.readLine()) != null}, {@code (n = in.read(buf)) > 0}, {@code (job =
     * queue.take()) != null}; Go's {@code scanner.Scan()}. The loop runs once per token, line, chunk or job the
     * stream brings, so a branch of it repeats with the input as the body does. An iterator's {@code hasNext()} or a
     * counter is not read here.
     */
    private static final Pattern STREAM_READ = Pattern.compile("\\(\\s*\\w+\\s*=\\s*(?:this\\.)?[a-z]\\w*\\."
            + "(?:next|nextToken|read\\w*|take|poll|receive)\\s*\\([^()]*\\)\\s*\\)\\s*(?:!=|>=?|==)"
            + "|^[a-z]\\w*\\.Scan\\(\\s*\\)$");

    /**
     * A failure of the item's own data, not of the machinery around it: validation, parsing, format, conversion,
     * mapping or decoding ({@code ValidationException}, {@code NumberFormatException}, {@code JsonParseException},
     * {@code ConstraintViolationException}, {@code DateTimeParseException}).
     */
    private static final Pattern DATA_FAILURE = Pattern.compile("\\b\\w*(?:Validation|Constraint|Parse|Parsing"
            + "|Format|Conversion|Convert|Mapping|Malformed|Invalid|Deserializ|Decod|Unmarshal|Json|Xml|Csv|Schema)"
            + "\\w*(?:Exception|Error)\\b");

    /**
     * An error-level line: a bad input then floods the error log, which people are paged on. A warning per skipped
     * item (a malformed header among a response's few, a scheme that does not apply) is the usual way to skip one.
     */
    private static final Pattern ERROR_LEVEL = Pattern.compile("\\.(?:error|severe|fatal)\\s*\\(");

    private InputLoops() {
    }

    /**
     * True when {@code clause}, a Java catch inside a loop, takes a failure of the item's data ({@link #DATA_FAILURE})
     * and logs it at error level ({@link #ERROR_LEVEL}):
     * one bad input (a file of malformed records) makes it run on every turn, so a log there repeats with the input
     * as one in the loop's body does. A catch of I/O or of everything stays the failure path it usually is.
     */
    static boolean rejectsItems(SyntaxNode clause, byte[] src) {
        SyntaxNode body = clause.getChildByFieldName("body");
        if (body == null || body.isNull() || !ERROR_LEVEL.matcher(text(src, body)).find()) {
            return false;
        }
        for (int i = 0; i < clause.getNamedChildCount(); i++) {
            SyntaxNode c = clause.getNamedChild(i);
            if (c.getType().equals("catch_formal_parameter")) {
                return DATA_FAILURE.matcher(text(src, c)).find();
            }
        }
        return false;
    }

    /**
     * True when {@code loop} walks input: its collection or condition names a parameter of a function around it,
     * or it is a service loop (no condition, {@code true}, or a test of the run state).
     */
    static boolean walksInput(SyntaxNode loop, byte[] src) {
        Set<String> params = parameters(loop, src);
        SyntaxNode head;
        switch (loop.getType()) {
            case "enhanced_for_statement" -> head = loop.getChildByFieldName("value");
            case "while_statement", "do_statement" -> head = loop.getChildByFieldName("condition");
            case "for_statement" -> {
                SyntaxNode range = child(loop, "range_clause");
                SyntaxNode clause = child(loop, "for_clause");
                if (range != null) {
                    head = range.getChildByFieldName("right");
                } else if (clause != null) {
                    head = clause.getChildByFieldName("condition");
                } else {
                    head = loop.getChildByFieldName("condition");
                    if (head == null || head.isNull()) {
                        // Go: for cond {...} keeps the condition as an unnamed-field child before the body
                        SyntaxNode body = loop.getChildByFieldName("body");
                        for (int i = 0; i < loop.getNamedChildCount(); i++) {
                            SyntaxNode c = loop.getNamedChild(i);
                            if (body == null || c.getStartByte() != body.getStartByte()) {
                                head = c;
                                break;
                            }
                        }
                    }
                }
            }
            default -> {
                return true;
            }
        }
        if (head == null || head.isNull()) {
            return true; // for {} and for (;;): a service loop
        }
        String test = unwrap(text(src, head));
        if (test.equals("true") || RUN_FLAG.matcher(test).find() || STREAM_READ.matcher(test).find()) {
            return true;
        }
        for (String part : test.split("&&|\\|\\|")) {
            if (RUN_FLAG.matcher(unwrap(part)).find()) {
                return true;
            }
        }
        Set<String> names = new HashSet<>();
        identifiers(head, src, names);
        if (names.stream().anyMatch(params::contains)) {
            return true;
        }
        // one step back: a local the loop walks that was made from a parameter (it = items.iterator(), rows :=
        // parse(body))
        SyntaxNode function = function(loop);
        Set<String> derived = new HashSet<>();
        if (function != null) {
            derivedLocals(function, loop.getStartByte(), names, params, src, derived);
        }
        return !derived.isEmpty();
    }

    private static SyntaxNode function(SyntaxNode n) {
        for (SyntaxNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            switch (p.getType()) {
                case "function_declaration", "method_declaration", "func_literal", "constructor_declaration",
                     "lambda_expression" -> {
                    return p;
                }
                default -> {
                }
            }
        }
        return null;
    }

    /** Those of {@code names} declared before {@code before} with a value that names a parameter. */
    private static void derivedLocals(SyntaxNode n, int before, Set<String> names, Set<String> params, byte[] src,
                                      Set<String> out) {
        if (n.getStartByte() >= before) {
            return;
        }
        SyntaxNode left = null;
        SyntaxNode right = null;
        switch (n.getType()) {
            case "variable_declarator" -> {
                left = n.getChildByFieldName("name");
                right = n.getChildByFieldName("value");
            }
            case "short_var_declaration", "assignment_statement", "assignment_expression" -> {
                left = n.getChildByFieldName("left");
                right = n.getChildByFieldName("right");
            }
            default -> {
            }
        }
        if (left != null && !left.isNull() && right != null && !right.isNull()) {
            Set<String> declared = new HashSet<>();
            identifiers(left, src, declared);
            declared.retainAll(names);
            if (!declared.isEmpty()) {
                Set<String> used = new HashSet<>();
                identifiers(right, src, used);
                if (used.stream().anyMatch(params::contains)) {
                    out.addAll(declared);
                }
            }
        }
        for (int i = 0; i < n.getNamedChildCount(); i++) {
            derivedLocals(n.getNamedChild(i), before, names, params, src, out);
        }
    }

    /**
     * A parameter that is a configuration by its name or declared type ({@code cfg dynamic.Configuration},
     * {@code ServerOptions opts}): a loop over it walks what an operator wrote, not traffic.
     */
    private static final Pattern CONFIGURATION = Pattern.compile("(?<![a-z])(?:config|conf|cfg|options|opts"
            + "|settings|properties|props)s?(?![a-z])|(?:Config|Cfg|Options|Opts|Settings|Properties|Props)(?![a-z])"
            + "|Configuration");

    /**
     * The parameter names of every function, method, literal and lambda around {@code n} (receivers and
     * configuration parameters left out).
     */
    private static Set<String> parameters(SyntaxNode n, byte[] src) {
        Set<String> out = new HashSet<>();
        for (SyntaxNode p = n.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            switch (p.getType()) {
                case "function_declaration", "method_declaration", "func_literal", "constructor_declaration",
                     "lambda_expression" -> {
                    SyntaxNode ps = p.getChildByFieldName("parameters");
                    if (ps != null && !ps.isNull()) {
                        if (ps.getType().equals("identifier")) {
                            out.add(text(src, ps));
                        } else {
                            parameterNames(ps, src, out);
                        }
                    }
                }
                default -> {
                }
            }
        }
        return out;
    }

    /** Identifier nodes under a parameter list that name a parameter, not one of a nested function type's. */
    private static void parameterNames(SyntaxNode ps, byte[] src, Set<String> out) {
        for (int i = 0; i < ps.getNamedChildCount(); i++) {
            SyntaxNode c = ps.getNamedChild(i);
            if (c.getType().equals("identifier")) {
                out.add(text(src, c));
            } else if (c.getType().endsWith("parameter") || c.getType().endsWith("parameter_declaration")) {
                if (CONFIGURATION.matcher(text(src, c)).find()) {
                    continue;
                }
                for (int j = 0; j < c.getNamedChildCount(); j++) {
                    SyntaxNode d = c.getNamedChild(j);
                    if (d.getType().equals("identifier")) {
                        out.add(text(src, d));
                    } else if (d.getType().equals("variable_declarator")) {
                        SyntaxNode name = d.getChildByFieldName("name");
                        if (name != null && !name.isNull()) {
                            out.add(text(src, name));
                        }
                    }
                }
            }
        }
    }
}
