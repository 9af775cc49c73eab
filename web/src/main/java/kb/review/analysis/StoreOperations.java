package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.regex.Pattern;
import kb.review.diff.SyntaxNode;

/**
 * (session 37, log37) The per-operation API of a data structure: a store's, cache's, map's or counter's
 * {@code Put}, {@code Get}, {@code Set}, {@code Delete}, {@code Insert}, {@code Append}, {@code Increment}... Its
 * callers run it once for every key they read or write, so a line it logs repeats with the traffic even though no
 * loop is in sight (the loop is every caller's). Real fixes of the class take such lines out: portworx/kvdb's memory
 * store warned on every {@code put} with a TTL, blampe/rreading-glasses' layered cache logged each {@code Set} and
 * each hit or miss of {@code GetWithTTL} (replaced by hit and miss counters), npm/newww's cache an info line per
 * retrieval. The owner is read from a Go method's receiver type or a Java method's enclosing class; the owner's name
 * must end in a storage noun, and must not be a configuration or registry (a settings map's {@code Set} runs at
 * start-up).
 */
final class StoreOperations {

    /** The operation: the verb alone, or with a suffix that keeps it one operation on one key. */
    private static final Pattern VERB = Pattern.compile("^(?:[Pp]ut|[Gg]et|[Ss]et|[Dd]elete|[Dd]el|[Rr]emove|[Ii]nsert"
            + "|[Uu]psert|[Ww]rite|[Aa]ppend|[Ii]ncrement|[Ii]ncr|[Ii]nc|[Dd]ecrement|[Dd]ecr|[Ll]ookup|[Ee]vict)"
            + "(?:WithTTL|WithTtl|WithContext|Ctx|IfAbsent|IfNotExists|IfPresent|Entry|Value|Bytes|Key)?$");
    /** The owner's last word names a store of keyed data or counts. */
    private static final Pattern OWNER = Pattern.compile(
            "(?i)(?:db|store|cache|kv|map|table|memtable|wal|counters?|ledger|bucket|shard|trie|lru)$");
    /** Owners whose operations run at start-up or reload, not per unit of traffic. */
    private static final Pattern NOT_DATA = Pattern.compile(
            "(?i)config|setting|option|propert|env|flag|schema|meta|registry|plugin|route|template|cli|command");
    /** An if whose branch reports a failed or missing operation (an error, a nil, an absent key). */
    private static final Pattern FAILURE_TEST = Pattern.compile(
            "\\berr\\b|\\bnil\\b|\\bnull\\b|!\\s*ok\\b|!\\s*found\\b|\\bexists?\\b|contains|isEmpty|==\\s*-1|<\\s*0");
    private static final Pattern LEAVES = Pattern.compile(
            "\\b(?:return|throw|continue|break|panic)\\b");

    private StoreOperations() {
    }

    /** True when the call's own named function is a data structure's per-operation method. */
    static boolean in(SyntaxNode c, byte[] src, boolean go, String path) {
        for (SyntaxNode p = c.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("func_literal") || t.equals("lambda_expression") || t.equals("constructor_declaration")
                    || t.equals("function_declaration")) {
                return false; // a literal's role is its caller's; a Go function has no owner
            }
            if (t.equals("class_body")) {
                return false;
            }
            if (!t.equals("method_declaration")) {
                continue;
            }
            SyntaxNode name = p.getChildByFieldName("name");
            if (name == null || name.isNull() || !VERB.matcher(text(src, name)).matches()) {
                return false;
            }
            String owner = go ? receiverType(p, src) : enclosingClass(p, src, path);
            return owner != null && OWNER.matcher(owner).find() && !NOT_DATA.matcher(owner).find();
        }
        return false;
    }

    /**
     * True when the line stands in a branch of an if that tests for a failed or absent operation, or that leaves the
     * function or loop: the rare answer of the operation, not every call of it.
     */
    static boolean inFailureBranch(SyntaxNode c, byte[] src) {
        SyntaxNode child = c;
        for (SyntaxNode p = c.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("method_declaration") || t.equals("function_declaration") || t.equals("func_literal")
                    || t.equals("lambda_expression")) {
                return false;
            }
            if (t.equals("catch_clause")) {
                return true;
            }
            if (t.equals("if_statement")) {
                SyntaxNode cond = p.getChildByFieldName("condition");
                if (cond != null && !cond.isNull() && FAILURE_TEST.matcher(text(src, cond)).find()
                        || LEAVES.matcher(text(src, child)).find()) {
                    return true;
                }
            }
            child = p;
        }
        return false;
    }

    /** A Go method's receiver type without its pointer and type parameters: {@code (db *DB)} gives DB. */
    private static String receiverType(SyntaxNode method, byte[] src) {
        SyntaxNode recv = method.getChildByFieldName("receiver");
        if (recv == null || recv.isNull()) {
            return null;
        }
        String s = text(src, recv).replaceAll("\\[[^\\]]*\\]", "").replaceAll("[()*\\s]+$", "");
        int cut = Math.max(s.lastIndexOf(' '), Math.max(s.lastIndexOf('*'), s.lastIndexOf('(')));
        return s.substring(cut + 1);
    }

    /**
     * The name of the Java class, record or enum that declares the method; the file's own class when the tree has
     * none around it (a hunk that shows the method but not its class).
     */
    private static String enclosingClass(SyntaxNode method, byte[] src, String path) {
        for (SyntaxNode p = method.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("class_declaration") || t.equals("enum_declaration") || t.equals("record_declaration")) {
                SyntaxNode name = p.getChildByFieldName("name");
                if (name == null || name.isNull() || text(src, name).equals("KbHunk")) {
                    break; // the parser's stand-in for a class the hunk does not show (HunkGaps)
                }
                return text(src, name);
            }
            if (t.equals("object_creation_expression")) {
                return null; // an anonymous class
            }
        }
        String file = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return file.endsWith(".java") ? file.substring(0, file.length() - 5) : null;
    }
}
