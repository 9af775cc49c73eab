package kb.review.analysis;

import static kb.review.diff.SyntaxNode.text;

import java.util.regex.Matcher;
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

    /** A return that gives up: an error, a null, nil or false after the hit's statement. */
    private static final Pattern FAILED_RETURN = Pattern.compile(
            "\\breturn\\s+(?:nil\\s*,\\s*)?(?:err\\b|null\\s*;|nil\\s*$|false\\b)");
    /** A condition that tests for a failure or a miss: an error set, a null or nil value, a lookup not ok. */
    private static final Pattern FAILED_CONDITION = Pattern.compile(
            "\\berr\\s*!=|\\bnull\\s*==|==\\s*(?:null|nil)\\b|!\\s*ok\\b");

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

    /**
     * (session 53, log53) The test of a lookup's hit: a found flag ({@code ok}, {@code found}, {@code hit}), a
     * value compared with nil or null ({@code v != nil}, {@code (cached != null)}), Go's {@code err == nil} after a
     * lookup that answers an error for a miss (bigcache, freecache), or a {@code containsKey}. A hit is the ordinary
     * answer of a cache, so its branch runs on most calls; an error or exception compared with nil is no hit.
     */
    private static final Pattern HIT_TEST = Pattern.compile(
            "^\\(?\\s*(?:(?<flag>ok|found|hit|exists|present|cached|isCached|inCache)"
            + "|(?<value>(?!(?:err|e|ex|error|exception|cause|t|throwable)\\b)[A-Za-z_]\\w*)\\s*!=\\s*(?:nil|null)"
            + "|(?<err>err)\\s*==\\s*nil"
            + "|(?<has>[\\w.]*(?i:cache|lru|memo)\\w*(?:\\(\\))?\\.(?:containsKey|contains|has|Has|Contains)\\s*\\(.*))"
            // (session 54, log54) a hit test and a freshness test of the same hit ({@code cached != null &&
            // !cached.expiresWithin(ttl)}, {@code ok && time.Now().Before(e.exp)}): still the ordinary answer
            + "(?:\\s*&&\\s*[^|]*)?\\s*\\)?$");
    /** (session 54, log54) A name that says it holds a cached value: {@code cached}, {@code cachedToken}. */
    private static final Pattern CACHED_NAME = Pattern.compile("(?<![\\w.])(?:cached\\w*|\\w+Cached)\\b");
    /** Any lookup by key: a get, load or lookup call, or an index. */
    private static final Pattern ANY_LOOKUP = Pattern.compile(
            "^\\s*[\\w.]+(?:\\(\\))?(?:\\.(?:Get|Load|Lookup|Peek|get|getIfPresent|lookup|peek)\\s*\\(|\\[)");
    /** A lookup on a cache: a named cache's get, load, lookup or peek, or an index of a cache map. */
    private static final Pattern CACHE_LOOKUP = Pattern.compile(
            "[\\w.]*(?i:cache|lru|memo)\\w*(?:\\(\\))?(?:\\.(?:Get|Load|Lookup|Peek|Fetch|Find|Value|get|getIfPresent"
            + "|load|lookup|peek|fetch|find|getIfExists)\\w*\\s*\\(|\\[)");

    private StoreOperations() {
    }

    /**
     * (session 53, log53) True when the innermost if around {@code c} in its function takes the hit of a cache
     * lookup ({@link #HIT_TEST}) in the branch that holds {@code c}, the lookup written in the if's own initializer
     * ({@code if v, ok := s.cache.Get(k); ok}) or in one of the three statements before the if that assigns the
     * tested name ({@code Result r = cache.getIfPresent(key); if (r != null)}). A cache is consulted once per
     * request or item, and a hit is its ordinary answer: a line there repeats with the traffic (LOG-01). Not this:
     * the miss branch (the rarer, first-time answer that loads the value), a line outside the branch, a hit test of a
     * lookup in something not named a cache.
     */
    static boolean cacheHit(SyntaxNode c, byte[] src) {
        return hitBranch(c, src) || servedHit(c, src);
    }

    /** A message that says the value came from a cache: "cache hit", "served from cache", "found in cache". */
    private static final Pattern HIT_MESSAGE = Pattern.compile(
            "(?i)\\bcache[ _-]?hits?\\b|\\b(?:from|in)\\s+(?:the\\s+)?(?:[\\w-]+\\s+)?cache\\b|\\busing\\s+cached\\b"
            // (session 54, log54) "reusing the cached token", "returning cached result", "serving cached page"
            + "|\\b(?:re)?us(?:e|es|ing)\\s+(?:the\\s+|a\\s+)?cached\\b|\\b(?:return|serv)(?:e|es|s|ing)?\\s+(?:the\\s+|a\\s+)?cached\\b");
    /** Words of a miss, a failure or a write to the cache: not the hit's line. */
    private static final Pattern NOT_HIT = Pattern.compile(
            "(?i)\\bnot\\b|miss|\\bno\\b|expire|stale|evict|invalid|fail|error|refresh|reload|warm|populat|\\bstor"
            + "|\\bsav|\\bwrit|\\bput|\\badd|\\bclear|\\bpurg|\\bremov|\\bdelet|\\bupdat|\\bload(?:ed|ing)?\\s+\\w+\\s+into");
    private static final Pattern FIRST_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * True when the line's own message says it reports a cache hit ({@link #HIT_MESSAGE}) and the next statement
     * of its block returns: the author's words name the branch that serves the cached value, whatever the lookup and
     * the test look like (a lookup above the hunk, {@code if !utils.EmptyString(dest)}, an LRU list's element).
     * Not a line in a catch or an error branch, nor one whose message names a miss, a failure or a write.
     */
    private static boolean servedHit(SyntaxNode c, byte[] src) {
        SyntaxNode args = c.getChildByFieldName("arguments");
        Matcher m = args == null || args.isNull() ? null : FIRST_STRING.matcher(text(src, args));
        if (m == null || !m.find() || !HIT_MESSAGE.matcher(m.group(1)).find() || NOT_HIT.matcher(m.group(1)).find()) {
            return false;
        }
        SyntaxNode stmt = c.getParent();
        SyntaxNode block = stmt == null || stmt.isNull() ? null : stmt.getParent();
        if (block == null || block.isNull()) {
            return false;
        }
        boolean after = false;
        for (int i = 0; i < block.getNamedChildCount(); i++) {
            SyntaxNode s = block.getNamedChild(i);
            if (after) {
                if (!s.getType().equals("return_statement")) {
                    return false;
                }
                String r = text(src, s);
                return !FAILED_RETURN.matcher(r).find() && !inFailure(c, src);
            }
            after = s.getStartByte() == stmt.getStartByte();
        }
        return false;
    }

    private static boolean inFailure(SyntaxNode c, byte[] src) {
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
                if (cond != null && !cond.isNull() && FAILED_CONDITION.matcher(text(src, cond)).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hitBranch(SyntaxNode c, byte[] src) {
        SyntaxNode child = c;
        for (SyntaxNode p = c.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            String t = p.getType();
            if (t.equals("method_declaration") || t.equals("function_declaration") || t.equals("func_literal")
                    || t.equals("lambda_expression") || t.equals("catch_clause")
                    || t.equals("expression_switch_statement") || t.equals("switch_expression")) {
                return false;
            }
            if (t.equals("if_statement")) {
                SyntaxNode cond = p.getChildByFieldName("condition");
                SyntaxNode then = p.getChildByFieldName("consequence");
                if (cond == null || cond.isNull() || then == null || then.isNull()
                        || child.getStartByte() != then.getStartByte()) {
                    return false; // the else branch, or the condition
                }
                java.util.regex.Matcher m = HIT_TEST.matcher(text(src, cond).strip());
                if (!m.matches() || staleTail(text(src, cond))) {
                    return false;
                }
                if (m.group("has") != null) {
                    return true;
                }
                String name = m.group("flag") != null ? m.group("flag") : m.group("value") != null ? m.group("value")
                        : "err";
                SyntaxNode init = p.getChildByFieldName("initializer");
                if (init != null && !init.isNull() && assignsFromLookup(text(src, init), name)) {
                    return true;
                }
                SyntaxNode block = p.getParent();
                int at = -1;
                for (int i = 0; block != null && !block.isNull() && i < block.getNamedChildCount(); i++) {
                    if (block.getNamedChild(i).getStartByte() == p.getStartByte()) {
                        at = i;
                        break;
                    }
                }
                for (int i = at - 1; i >= 0 && i >= at - 3; i--) {
                    if (assignsFromLookup(text(src, block.getNamedChild(i)), name)) {
                        return true;
                    }
                }
                return false;
            }
            child = p;
        }
        return false;
    }

    /** A word of an entry that is no longer good: expired, stale, invalid, outdated. */
    private static final Pattern STALE = Pattern.compile("(?i)(?<![!\\w.])[\\w.]*(?:expired|stale|invalid|outdated|tooOld)\\w*");
    /** A word of an entry that is still good, negated: {@code !cached.isValid()}. */
    private static final Pattern NOT_FRESH = Pattern.compile("(?i)!\\s*[\\w.]*(?:valid|fresh|alive|live|usable)\\w*");

    /**
     * (session 54, log54) True when the conjunct after a hit test picks an entry that is no longer good ({@code
     * cached != null && cached.isExpired()}, {@code ok && !e.valid()}): the branch refreshes, once per expiry, and is
     * no hit.
     */
    private static boolean staleTail(String cond) {
        int and = cond.indexOf("&&");
        if (and < 0) {
            return false;
        }
        String tail = cond.substring(and + 2);
        return STALE.matcher(tail).find() || NOT_FRESH.matcher(tail).find();
    }

    private static boolean assignsFromLookup(String stmt, String name) {
        int eq = stmt.indexOf('=');
        if (eq <= 0 || stmt.charAt(eq - 1) == '!' || stmt.charAt(eq - 1) == '<' || stmt.charAt(eq - 1) == '>'
                || eq + 1 < stmt.length() && stmt.charAt(eq + 1) == '=') {
            return false;
        }
        String left = stmt.substring(0, eq);
        String right = stmt.substring(eq + 1);
        return Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "\\b").matcher(left).find()
                && (CACHE_LOOKUP.matcher(right).find()
                // (session 54, log54) the value is named as cached by the code itself ({@code CachedToken cached =
                // tokens.get(key)}, {@code cached, ok := s.tokens[k]}): a lookup of any map is then the cache's
                || CACHED_NAME.matcher(left).find() && ANY_LOOKUP.matcher(right.replaceFirst("^\\s*:?=?\\s*", "")).find());
    }

    /** True when {@code cond} is a hit test ({@link #HIT_TEST}): its branch is a lookup's ordinary answer. */
    static boolean hitTest(String cond) {
        java.util.regex.Matcher m = HIT_TEST.matcher(cond.strip());
        return m.matches() && m.group("err") == null && !cond.contains("&&");
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
                SyntaxNode then = p.getChildByFieldName("consequence");
                if (cond != null && !cond.isNull() && then != null && !then.isNull()
                        && child.getStartByte() == then.getStartByte() && hitTest(text(src, cond))) {
                    child = p; // (session 53) a store's hit branch (if ok { return v, true }) is its ordinary answer
                    continue;
                }
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
