package kb.review.analysis;

import kb.review.diff.SyntaxNode;

/**
 * Provider functions that return a freshly built pool or client ({@code func (s *Server) client() (*grpc.ClientConn,
 * error) { return grpc.NewClient(s.addr) }}, a Java {@code private DataSource dataSource()} that builds a
 * {@code HikariDataSource}): returning the value makes the function a factory, which is one-time only when its
 * callers are. A caller in the same file that runs per call and neither keeps the result in a field nor
 * returns it builds one per request. A Go constructor ({@code New...}) is no such caller: what it asks for goes into
 * the object it builds, even through a context its token source keeps (session 47).
 */
final class Providers {

    private Providers() {
    }

    /** The line of such a per-call use of provider {@code name} in this file, or -1. */
    static int perCallUse(OneTimeContexts sites, SyntaxNode root, String name, SyntaxNode provider) {
        for (SyntaxNode call : sites.calls(root)) {
            String callee = sites.callee(call);
            SyntaxNode object = call.getType().equals("method_invocation") ? call.getChildByFieldName("object") : null;
            if (object != null && !object.isNull() && !sites.text(object).equals("this")) {
                continue; // Java: a method of another object, not this provider
            }
            if (!callee.equals(name) && !callee.endsWith("." + name) || inside(call, provider)
                    || sites.oneTimeCall(call) || keptByCaller(call, sites)
                    || sites.constructorNamed(Timeouts.function(call))) {
                continue;
            }
            return call.getStartPoint().getRow() + 1;
        }
        return -1;
    }

    /** {@code c, err := provider()} and then {@code s.conn = c}, a struct field, or {@code return c}: kept. */
    private static boolean localKept(SyntaxNode declaration, OneTimeContexts sites) {
        SyntaxNode left = declaration.getChildByFieldName("left");
        if (left == null || left.isNull() || left.getNamedChildCount() == 0) {
            return false;
        }
        String v = java.util.regex.Pattern.quote(sites.text(left.getNamedChild(0)));
        SyntaxNode fn = declaration;
        while (!fn.isNull() && !fn.getType().equals("function_declaration") && !fn.getType().equals("method_declaration")
                && !fn.getType().equals("func_literal")) {
            fn = fn.getParent();
        }
        return !fn.isNull() && java.util.regex.Pattern.compile("[.\\]]\\w*\\s*=\\s*&?" + v + "\\b|\\w\\s*:\\s*&?" + v
                + "\\s*[,}\\n]|(?m)\\breturn\\s+(?:[\\w.&*]+\\s*,\\s*)*&?" + v + "\\s*(?:,|$)").matcher(sites.text(fn)).find();
    }

    /**
     * {@code DataSource ds = dataSource();} and then {@code this.ds = ds}, {@code return ds}, or a copy into a name
     * the method does not declare (a static field: {@code sClient = client;} in a double-checked getter): kept.
     */
    private static boolean javaLocalKept(String name, SyntaxNode function, OneTimeContexts sites) {
        String v = java.util.regex.Pattern.quote(name);
        String body = sites.text(function);
        if (java.util.regex.Pattern.compile("\\.\\w+\\s*=\\s*" + v + "\\s*;|\\breturn\\s+" + v + "\\s*;")
                .matcher(body).find() || KeptByReturn.wrappedInReturned(body, name)) {
            return true;
        }
        java.util.regex.Matcher copy = java.util.regex.Pattern.compile("(?<![\\w.$])([\\w$]+)\\s*=\\s*" + v
                + "\\s*;").matcher(body);
        while (copy.find()) {
            if (!declaredIn(body, copy.group(1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean declaredLocally(SyntaxNode at, String name, OneTimeContexts sites) {
        return declaredIn(sites.text(Timeouts.function(at)), name);
    }

    /**
     * Java: the body declares {@code name} (a type, or a generic's or array's end, before it; not a statement keyword:
     * {@code return client;} declares nothing).
     */
    private static boolean declaredIn(String body, String name) {
        java.util.regex.Matcher d = java.util.regex.Pattern.compile("([\\w$]+|[>\\]])\\s+"
                + java.util.regex.Pattern.quote(name) + "\\s*[=;:,)]").matcher(body);
        while (d.find()) {
            if (!KeptValues.STATEMENT_KEYWORDS.contains(d.group(1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(SyntaxNode n, SyntaxNode ancestor) {
        return n.getStartByte() >= ancestor.getStartByte() && n.getEndByte() <= ancestor.getEndByte();
    }

    /**
     * The caller stores the result in a field, a map or a struct kept itself, or returns it on: a cache or another
     * provider.
     */
    private static boolean keptByCaller(SyntaxNode call, OneTimeContexts sites) {
        SyntaxNode prev = call;
        for (SyntaxNode p = call.getParent(); !p.isNull(); prev = p, p = p.getParent()) {
            switch (p.getType()) {
                case "method_invocation" -> { // Java: producer().send(r) returns the send's result, not the producer
                    SyntaxNode object = p.getChildByFieldName("object");
                    if (object != null && !object.isNull() && object.getStartByte() == prev.getStartByte()
                            && object.getEndByte() == prev.getEndByte()
                            && !sites.text(p.getChildByFieldName("name")).equals("build")) {
                        return false;
                    }
                }
                // (Go: an element of a struct literal, `&http.Client{Transport: newTransport()}`, lives as long as
                // the literal, so the walk goes on to what holds the literal: PerCall's outermostLiteral reads a
                // construction the same way; session 45, round 74's imgproxy)
                case "return_statement", "send_statement" -> {
                    return true;
                }
                case "assignment_statement" -> { // Go: into a field or entry, or a package variable
                    SyntaxNode left = p.getChildByFieldName("left");
                    if (left == null || left.isNull()) {
                        return false;
                    }
                    String target = sites.text(left).strip();
                    return target.matches("(?s).*[.\\[].*") || target.matches("[\\p{L}_]\\w*")
                            && !KeptValues.goDeclaredIn(sites.text(Timeouts.function(p)),
                            java.util.regex.Pattern.quote(target));
                }
                case "short_var_declaration" -> {
                    return localKept(p, sites);
                }
                case "assignment_expression" -> { // Java: into a field (this.ds = dataSource(), or a name not local)
                    String left = sites.text(p.getChildByFieldName("left"));
                    return left.contains(".") || !declaredLocally(p, left, sites)
                            || javaLocalKept(left, Timeouts.function(p), sites); // a local then kept
                }
                case "variable_declarator" -> { // Java: a field's initialiser, or a local then kept
                    return p.getParent().getType().equals("field_declaration") || javaLocalKept(
                            sites.text(p.getChildByFieldName("name")), Timeouts.function(p), sites);
                }
                case "expression_statement", "block", "function_declaration", "method_declaration", "func_literal",
                     "lambda_expression", "constructor_declaration" -> {
                    return false;
                }
                default -> {
                }
            }
        }
        return false;
    }
}
