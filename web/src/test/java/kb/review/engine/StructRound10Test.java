package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kb.review.diff.ChangedFile;
import kb.review.diff.DiffFormatException;
import kb.review.diff.DiffParser;
import kb.review.diff.SourceFile;
import kb.review.diff.TreeSitter;
import org.junit.jupiter.api.Test;
import org.treesitter.TSNode;

/**
 * How pasted diffs are cut and read (set 5 of the real-fixes bench): the gap between two hunks of a Java file keeps the
 * class a hunk's header opened when the next hunk shows its members, and lines a change only lays out again
 * (re-indented, wrapped, joined; the same tokens in the same order) are read as context, not as new code.
 */
class StructRound10Test {

    private static final String HEADER = """
            diff --git a/src/main/java/acme/cache/NodeCache.java b/src/main/java/acme/cache/NodeCache.java
            --- a/src/main/java/acme/cache/NodeCache.java
            +++ b/src/main/java/acme/cache/NodeCache.java
            @@ -20,4 +20,4 @@ import java.util.concurrent.Executors;
             
            -public class NodeCache implements Closeable
            +public class NodeCache implements Closeable {
                 private final CloseableExecutorService executor;
                 private final String path;
            """;

    /** For each named node of {@code type}: its first line and the name of the type declaration around it. */
    private static List<String> members(String diff, String type) throws DiffFormatException {
        ChangedFile change = DiffParser.parse(diff.getBytes(StandardCharsets.UTF_8)).get(0);
        SourceFile file = SourceFile.fromDiff(change);
        TSNode root = TreeSitter.parse(file.language(), file.text()).getRootNode();
        List<String> out = new ArrayList<>();
        walk(root, type, file.text(), out);
        return out;
    }

    private static void walk(TSNode node, String type, String text, List<String> out) {
        for (int i = 0; i < node.getNamedChildCount(); i++) {
            TSNode child = node.getNamedChild(i);
            if (child.getType().equals(type)) {
                out.add(child.getStartPoint().getRow() + 1 + ":" + owner(child, text));
            }
            walk(child, type, text, out);
        }
    }

    private static String owner(TSNode node, String text) {
        for (TSNode p = node.getParent(); p != null && !p.isNull(); p = p.getParent()) {
            if (p.getType().endsWith("_declaration") && !p.getChildByFieldName("name").isNull()
                    && (p.getType().startsWith("class") || p.getType().startsWith("enum")
                    || p.getType().startsWith("record") || p.getType().startsWith("interface"))) {
                TSNode name = p.getChildByFieldName("name");
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                return new String(bytes, name.getStartByte(), name.getEndByte() - name.getStartByte(),
                        StandardCharsets.UTF_8);
            }
        }
        return "top";
    }

    private static List<String> items(String diff, String item) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().equals(item))
                .map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    // the gap filler: members of later hunks stay in the class the first hunk opened

    @Test
    void a_method_a_field_a_constructor_and_an_inner_record_of_later_hunks_stay_in_their_class()
            throws DiffFormatException {
        String diff = HEADER + """
                @@ -40,4 +40,5 @@ public class NodeCache implements Closeable
                     }
                 
                +    private final ExecutorService pool = Executors.newFixedThreadPool(4);
                     NodeCache(Client client) {
                         this.client = client;
                @@ -60,3 +61,6 @@ public class NodeCache implements Closeable
                 
                +    record Entry(String path, byte[] data) {
                +    }
                +
                     public void rebuild() throws Exception {
                         client.sync(path);
                """;
        assertEquals(List.of("42:NodeCache"), members(diff, "field_declaration").stream()
                .filter(m -> m.startsWith("42:")).toList());
        assertEquals(List.of("43:NodeCache"), members(diff, "constructor_declaration"));
        assertEquals(List.of("62:NodeCache"), members(diff, "record_declaration"));
        assertEquals(List.of("65:NodeCache"), members(diff, "method_declaration").stream()
                .filter(m -> m.startsWith("65:")).toList());
    }

    @Test
    void enum_constants_of_a_later_hunk_stay_in_their_enum() throws DiffFormatException {
        String diff = """
                diff --git a/src/main/java/acme/State.java b/src/main/java/acme/State.java
                --- a/src/main/java/acme/State.java
                +++ b/src/main/java/acme/State.java
                @@ -3,3 +3,3 @@ package acme;
                 
                -enum State {
                +public enum State {
                     LATENT,
                @@ -9,3 +9,4 @@ public enum State {
                     STARTED,
                +    SUSPENDED,
                     STOPPED;
                 
                """;
        assertEquals(List.of("5:State", "9:State", "10:State", "11:State"), members(diff, "enum_constant"));
    }

    @Test
    void a_hunk_whose_context_names_another_class_is_not_put_in_the_first() throws DiffFormatException {
        String other = HEADER + """
                @@ -80,2 +80,3 @@ class NodeCacheStats
                     private long hits;
                +    private long misses;
                     long hits() {
                """;
        List<String> line81 = members(other, "field_declaration").stream().filter(m -> m.startsWith("81:")).toList();
        assertEquals(List.of(), line81.stream().filter(m -> m.equals("81:NodeCache")).toList(), line81.toString());
        String same = other.replace("class NodeCacheStats", "public class NodeCache implements Closeable");
        assertEquals(List.of("81:NodeCache"), members(same, "field_declaration").stream()
                .filter(m -> m.startsWith("81:")).toList());
    }

    @Test
    void statements_of_a_later_hunk_inside_a_method_are_still_read_and_their_leak_found() {
        String diff = HEADER + """
                @@ -40,4 +40,6 @@ public class NodeCache implements Closeable
                     public void resync(Client client) {
                -        client.sync(path);
                +        ExecutorService pool = Executors.newCachedThreadPool();
                +        pool.submit(() -> client.sync(path));
                +        client.await(path);
                     }
                 
                @@ -70,3 +72,4 @@ public class NodeCache implements Closeable
                         if (stale) {
                +            ExecutorService again = Executors.newCachedThreadPool();
                             refresh();
                         }
                """;
        // the later hunk's pool is built in a method too, kept nowhere and never shut down: per call like the first
        // (session 38: a construction among a cut method's statements is no longer taken for a field's initialiser)
        // (session 49: cached pools, a thread per task; a single-thread executor kept to one call is RES-04's alone)
        assertEquals(List.of("41:RES-04", "73:RES-04"), items(diff, "RES-04"));
        assertEquals(List.of("41:CONC-02", "73:CONC-02"), items(diff, "CONC-02"));
    }

    // reformatting: a line laid out again is the old code

    private static final String REWRAPPED = """
            diff --git a/src/main/java/acme/Sync.java b/src/main/java/acme/Sync.java
            --- a/src/main/java/acme/Sync.java
            +++ b/src/main/java/acme/Sync.java
            @@ -10,6 +10,7 @@ public class Sync {
                 public void resync(Client client) {
            -      ExecutorService pool = Executors.newSingleThreadExecutor();
            -      pool.submit(() -> client.sync(path));
            -      client.await(path);
            +        ExecutorService pool = Executors.newSingleThreadExecutor();
            +        pool.submit(
            +                () -> client.sync(path));
            +        client.await(path);
                 }
             
            """;

    @Test
    void a_block_that_only_reindents_and_wraps_brings_no_new_code_and_one_that_changes_a_call_does() {
        assertEquals(List.of(), items(REWRAPPED, "RES-04"));
        assertEquals(List.of(), items(REWRAPPED, "CONC-06"));
        String changed = REWRAPPED.replace("+        ExecutorService pool = Executors.newSingleThreadExecutor();",
                "+        ExecutorService pool = Executors.newCachedThreadPool();");
        assertEquals(List.of("11:RES-04"), items(changed, "RES-04"));
        // the submit is laid out again in both: the old code's dropped future is not the change's
        assertEquals(List.of(), items(changed, "CONC-06"));
    }

    @Test
    void a_line_that_drops_an_argument_or_edits_a_word_stays_added() throws DiffFormatException {
        String diff = """
                diff --git a/src/main/java/acme/Sync.java b/src/main/java/acme/Sync.java
                --- a/src/main/java/acme/Sync.java
                +++ b/src/main/java/acme/Sync.java
                @@ -10,5 +10,6 @@ public class Sync {
                     void run() {
                -      call(a, b);
                -      other(x); // retry
                -      }
                +        call(a);
                +        other(x); // retried
                +    }
                +    int n;
                 }
                """;
        ChangedFile change = DiffParser.parse(diff.getBytes(StandardCharsets.UTF_8)).get(0);
        assertEquals("{11, 12, 14}", change.newCodeLines().toString());
        assertEquals("{11, 12, 13, 14}", change.addedLines().toString());
    }

    // a handle lent to a callback: what the callback makes from it is closed with it

    private static final String NAMES = """
            package acme;

            class Names {
                List<String> of(Jdbi jdbi, String team) {
                    return jdbi.withHandle(h -> {
                        List<String> names = CHAIN.collect(Collectors.toList());
                        return names;
                    });
                }
            }
            """;

    private static final String JDBI_CHAIN =
            "h.createQuery(\"SELECT name FROM members WHERE team = :team\").bind(\"team\", team).mapTo(String.class)"
                    + ".stream()";

    private static List<String> inFile(String code, String item) {
        return TestRules.reviewDiff(LifecycleRulesTest.newFile("src/main/java/acme/Names.java", code)).active()
                .stream().filter(f -> f.item().equals(item)).map(f -> f.line() + ":" + f.item()).sorted().toList();
    }

    @Test
    void a_stream_made_from_the_callbacks_handle_is_closed_with_it_and_one_from_elsewhere_is_not() {
        assertEquals(List.of(), inFile(NAMES.replace("CHAIN", JDBI_CHAIN), "RES-01"));
        // the same query on a handle the method was given, inside some other lambda: nothing closes the stream
        assertEquals(List.of("6:RES-01"), inFile(NAMES.replace("CHAIN", JDBI_CHAIN)
                .replace("Jdbi jdbi", "Handle h").replace("jdbi.withHandle(h -> {", "java.util.Optional.of(h).map(x -> {"),
                "RES-01"));
        // Spring's queryForStream inside the callback holds a connection of its own
        assertEquals(List.of("6:RES-01"), inFile(NAMES.replace("CHAIN",
                "jdbcTemplate.queryForStream(\"SELECT name FROM members\", (rs, i) -> rs.getString(1))"), "RES-01"));
    }
}
