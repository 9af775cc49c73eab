package kb.sandbox.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BytecodePolicyTest {

    /** Compiles {@code class T { <body> }} and returns the APIs the policy denies, in order. */
    private static List<String> denied(String body) {
        var classes = InMemoryCompiler.compile("T", "import java.util.*; import java.util.function.*;\n"
                + "class T {\n" + body + "\n}\n");
        var shapes = new HashMap<String, BytecodePolicy.Shape>();
        classes.forEach((name, bytes) -> shapes.put(name, BytecodePolicy.Shape.of(bytes)));
        var policy = new BytecodePolicy();
        var apis = new ArrayList<String>();
        classes.values().forEach(bytes -> policy.check(bytes, shapes::get).forEach(v -> apis.add(v.api())));
        return apis;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "void f() { System.out.println(String.format(\"%d\", 1) + List.of(1).stream().map(i -> i + 1).toList()); }",
        "record P(int a, String b) {} String f() { return new P(1, \"x\").toString(); }",
        "long f() throws Exception { var e = java.util.concurrent.Executors.newFixedThreadPool(2); "
                + "var r = e.submit(() -> 1).get(); e.shutdown(); return r + System.nanoTime(); }",
        "String f() { var b = new java.io.ByteArrayOutputStream(); var p = new java.io.PrintStream(b); "
                + "p.print(java.time.Duration.ofSeconds(3)); return b.toString() + new java.math.BigDecimal(\"1.5\"); }",
        "String f(Object o) { return o instanceof Integer i ? \"int\" + i : switch (o.toString()) { "
                + "case \"a\" -> \"A\"; default -> o.getClass().getSimpleName(); }; }",
        "long f() { return Runtime.getRuntime().totalMemory() + Thread.currentThread().getId(); }",
        "Runnable f() { return () -> { synchronized (this) { Thread.yield(); } }; }",
        "int f() { try { return new java.util.concurrent.atomic.AtomicInteger().incrementAndGet(); } "
                + "catch (IllegalStateException | java.io.UncheckedIOException e) { return -1; } }",
        "String f() throws Exception { return java.util.HexFormat.of().formatHex("
                + "java.security.MessageDigest.getInstance(\"SHA-256\").digest(new byte[1])); }"
    })
    void code_that_reproductions_need_is_allowed(String body) {
        assertEquals(List.of(), denied(body));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "java.util.zip.ZipFile            | Object f() throws Exception { return new java.util.zip.ZipFile(\"/etc/passwd\"); }",
        "java.net.DatagramSocket          | Object f() throws Exception { return new java.net.DatagramSocket(); }",
        "java.lang.Runtime.addShutdownHook| void f() { Runtime.getRuntime().addShutdownHook(new Thread()); }",
        "java.lang.Integer.getInteger     | Object f() { return Integer.getInteger(\"java.version\"); }",
        "java.lang.System.setSecurityManager | void f() { System.setSecurityManager(null); }",
        "java.lang.Class.getDeclaredField | Object f() throws Exception { return String.class.getDeclaredField(\"value\"); }",
        "java.lang.ThreadGroup            | Object f() { return Thread.currentThread().getThreadGroup(); }",
        "java.lang.invoke.VarHandle       | Object f() { return java.lang.invoke.MethodHandles.arrayElementVarHandle(int[].class); }",
        "java.lang.Thread.getContextClassLoader | Object f() { return Thread.currentThread().getContextClassLoader(); }",
        "java.beans.XMLDecoder            | Object f() { return new java.beans.XMLDecoder(new java.io.ByteArrayInputStream(new byte[0])); }",
        "java.util.ResourceBundle         | Object f() { return ResourceBundle.getBundle(\"x\"); }",
        "java.lang.Class.getModule        | Object f() { return String.class.getModule(); }",
        "java.lang.StackWalker            | Object f() { return StackWalker.getInstance(); }",
        "java.util.logging.FileHandler    | Object f() throws Exception { return new java.util.logging.FileHandler(\"x\"); }",
        "java.io.File                     | Object f() { return new java.io.File[1]; }",
        "java.lang.Thread.stop            | void f() { Thread.currentThread().stop(); }",
        "java.lang.System.console         | Object f() { return System.console(); }",
        "java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater | "
                + "Object f() { return java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater(T.class, \"n\"); } "
                + "volatile int n;"
    })
    void other_escape_routes_are_denied_by_name(String api, String body) {
        List<String> apis = denied(body);
        assertTrue(apis.contains(api), () -> api + " not in " + apis);
    }

    @Test
    void exiting_the_jvm_is_denied_by_name() {
        assertEquals(List.of("java.lang.System.exit"), denied("void f() { System.exit(1); }"));
    }

    @Test
    void a_method_reference_is_checked_like_a_call() {
        assertEquals(List.of("java.lang.System.exit"), denied("IntConsumer f() { return System::exit; }"));
    }

    @Test
    void only_the_listed_members_of_system_and_runtime_are_open() {
        assertEquals(List.of("java.lang.System.getenv", "java.lang.System.getProperty", "java.lang.Process",
                        "java.lang.Runtime.exec"),
                denied("Object f() throws Exception { System.getenv(\"A\"); System.getProperty(\"b\"); "
                        + "return Runtime.getRuntime().exec(\"id\"); }"));
    }

    @Test
    void reflection_through_class_objects_is_denied() {
        List<String> apis = denied("Object f() throws Exception { "
                + "return Class.forName(new StringBuilder(\"gnirtS.gnal.avaj\").reverse().toString()).getDeclaredMethods(); }");
        assertTrue(apis.contains("java.lang.Class.forName"), apis::toString);
        assertTrue(apis.contains("java.lang.Class.getDeclaredMethods"), apis::toString);
        assertTrue(apis.contains("java.lang.reflect.Method"), apis::toString);
    }

    @Test
    void a_jdk_method_reached_through_a_subclass_is_checked_against_the_jdk_class() {
        assertEquals(List.of("java.lang.Thread.getAllStackTraces"),
                denied("static class Mine extends Thread {} Object f() { return Mine.getAllStackTraces(); }"));
    }

    @Test
    void a_forbidden_type_in_a_signature_is_denied_even_without_a_call() {
        assertEquals(List.of("java.io.File"), denied("java.io.File keep;"));
        assertEquals(List.of("java.nio.file.Path"), denied("record R(java.nio.file.Path p) {}"));
    }

    @Test
    void file_name_overloads_are_denied_while_stream_overloads_stay_open() {
        assertEquals(List.of("new java.io.PrintStream(String)"),
                denied("Object f() throws Exception { return new java.io.PrintStream(\"/tmp/x\"); }"));
        assertEquals(List.of(), denied("Object f() { return new java.io.PrintStream(new java.io.ByteArrayOutputStream()); }"));
    }

    @Test
    void method_handles_beyond_the_lambda_bootstraps_are_denied() {
        List<String> apis = denied("Object f() throws Exception { return java.lang.invoke.MethodHandles.lookup(); }");
        assertTrue(apis.contains("java.lang.invoke.MethodHandles"), apis::toString);
    }

    @Test
    void a_serializable_lambda_is_denied_because_it_brings_serialization_machinery() {
        List<String> apis = denied("Object f() { return (Runnable & java.io.Serializable) () -> {}; }");
        assertTrue(apis.stream().anyMatch(a -> a.startsWith("java.lang.invoke.")), apis::toString);
    }

    @Test
    void catching_a_forbidden_exception_type_is_denied() {
        assertEquals(List.of("java.nio.file.FileSystemNotFoundException"),
                denied("void f() { try { Thread.yield(); } catch (java.nio.file.FileSystemNotFoundException e) { } }"));
    }

    @Test
    void the_runners_own_classes_are_out_of_reach() {
        assertEquals(List.of("kb.sandbox.child.RunChildMain"), denied("void f() { kb.sandbox.child.RunChildMain.main(null); }"));
    }

    @Test
    void each_violation_carries_a_reason_for_people() {
        var classes = InMemoryCompiler.compile("T", "class T { void f() throws Exception { new java.net.Socket(\"h\", 1); } }");
        var violations = new BytecodePolicy().check(classes.get("T"), n -> null);
        assertEquals("java.net.Socket is not allowed in the sandbox (uses the network)", violations.get(0).message());
        assertEquals("Socket", violations.get(0).name());
    }
}
