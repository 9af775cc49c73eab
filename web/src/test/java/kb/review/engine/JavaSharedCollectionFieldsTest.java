package kb.review.engine;

import static kb.review.engine.JavaMissedClassesTest.items;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Java class behind a miss of round 17 (held-out review corpus), the defect next to the clean look-alike the rule
 * must leave alone. Findings are compared as "line:item".
 * <ul>
 * <li><b>A plain collection in a field of an object several threads use (CONC-03).</b> The item: "any object reachable
 * from two [threads] is shared whether the author meant it or not"; its remedy is a thread-safe type or a lock. A
 * {@code HashMap} field of a singleton bean or a servlet, written per call, is reported at the field; one written by a
 * method whose comment says it runs on several threads is reported at the write. A concurrent map, a synchronized
 * write, a map filled only while the bean is built, and a bean of prototype scope are left alone.</li>
 * </ul>
 */
class JavaSharedCollectionFieldsTest {

    private static final String BEAN = """
            package a;

            %s
            public class AgentCache {
                private final Map<String, Agent> byId = new %s<>();

                public Agent get(String id) {
                    Agent agent = byId.get(id);
                    if (agent == null) {
                        agent = dao.load(id);
                        %s
                    }
                    return agent;
                }
            }
            """;

    @Test
    void a_hash_map_field_of_a_singleton_bean_written_per_call_is_shared_state() {
        assertEquals(List.of("5:CONC-03"), items("src/main/java/a/AgentCache.java", BEAN.formatted(
                "@Component", "HashMap", "byId.put(id, agent);")));
        assertEquals(List.of("5:CONC-03"), items("src/main/java/a/AgentCache.java", BEAN.formatted(
                "@Service", "LinkedHashMap", "this.byId.put(id, agent);")));
        // the item's remedy: a concurrent map (its check-then-act is another rule's, and computeIfAbsent clears it)
        assertEquals(List.of(), items("src/main/java/a/AgentCache.java", BEAN.formatted(
                "@Component", "ConcurrentHashMap", "byId.putIfAbsent(id, agent);")));
        assertEquals(List.of(), items("src/main/java/a/AgentCache.java", BEAN.formatted(
                "@Component", "HashMap", "synchronized (byId) { byId.put(id, agent); }")));
        // one object per request: nothing is shared
        assertEquals(List.of(), items("src/main/java/a/AgentCache.java", BEAN.formatted(
                "@Component @Scope(\"prototype\")", "HashMap", "byId.put(id, agent);")));
        // a plain class: nothing in sight says two threads use it
        assertEquals(List.of(), items("src/main/java/a/AgentCache.java", BEAN.formatted(
                "", "HashMap", "byId.put(id, agent);")));
    }

    private static final String FILLED_AT_START = """
            package a;

            @Component
            public class Codes {
                private final Map<String, Integer> codes = new HashMap<>();

                @PostConstruct
                void load() {
                    codes.put("ok", 200);
                }

                public Integer code(String name) {
                    return codes.get(name);
                }
            }
            """;

    @Test
    void a_map_filled_while_the_bean_is_built_and_only_read_after_is_not_written_concurrently() {
        assertEquals(List.of(), items("src/main/java/a/Codes.java", FILLED_AT_START));
    }

    private static final String DISPATCHER = """
            package a;

            public final class Replies {
                private final Map<Long, Callback> pending = new HashMap<>();

                /** %s */
                public void register(long id, Callback callback) {
                    %s
                }

                /** Called for every reply received. */
                public Callback take(long id) {
                    return pending.get(id);
                }
            }
            """;

    @Test
    void a_map_written_by_a_method_documented_as_called_on_several_threads_is_shared_state() {
        assertEquals(List.of("8:CONC-03"), items("src/main/java/a/Replies.java", DISPATCHER.formatted(
                "Called on the event loop threads for every request sent.", "pending.put(id, callback);")));
        assertEquals(List.of("8:CONC-03"), items("src/main/java/a/Replies.java", DISPATCHER.formatted(
                "May be called from any thread.", "pending.put(id, callback);")));
        assertEquals(List.of(), items("src/main/java/a/Replies.java", DISPATCHER.formatted(
                "Called on the event loop threads for every request sent.",
                "synchronized (this) { pending.put(id, callback); }")));
        assertEquals(List.of(), items("src/main/java/a/Replies.java", DISPATCHER.formatted(
                "Called on the owner thread only.", "pending.put(id, callback);")));
        assertEquals(List.of(), items("src/main/java/a/Replies.java", DISPATCHER.formatted(
                "Registers the callback of a request.", "pending.put(id, callback);")));
    }

    private static final String LAZY_SCAN = """
            package a;

            @Component
            public class Tools {
                private final Map<String, Tool> tools = new HashMap<>();
                private volatile boolean ready;

                private void ensureReady() {
                    if (!ready) {
                        synchronized (this) {
                            if (!ready) {
                                scan();
                                ready = true;
                            }
                        }
                    }
                }

                private void scan() {
                    for (Tool t : registry.all()) {
                        tools.put(t.name(), t);
                    }
                }

                public Tool tool(String name) {
                    ensureReady();
                    return tools.get(name);
                }

                public void add(Tool t) {
                    %s
                }
            }
            """;

    @Test
    void a_helper_that_fills_the_map_only_under_its_callers_lock_is_guarded() {
        assertEquals(List.of(), items("src/main/java/a/Tools.java", LAZY_SCAN.formatted(
                "synchronized (this) { tools.put(t.name(), t); }")));
        // the same bean with one more write outside the lock
        assertEquals(List.of("5:CONC-03"), items("src/main/java/a/Tools.java", LAZY_SCAN.formatted(
                "tools.put(t.name(), t);")));
    }
}
