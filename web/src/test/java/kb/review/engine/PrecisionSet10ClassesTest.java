package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Classes of FALSE findings of the tenth held-out precision set (web/src/test/bench/realfixes/precision-judgments-10.tsv),
 * each pinned next to the defect of the same shape, which must still be found. The code is written for this test, in
 * the shape of the judged code; findings are compared as "path:line:item".
 *
 * <p>AB (74 of the set's 230 findings): code that exists to support tests but lives outside {@code _test.go} and
 * {@code src/test}: a driver's shared conformance suite whose every function takes a {@code *testing.T}, a Maven
 * module of shared abstract tests, a Go helper package named {@code testutils}. The checklist's items are drawn from
 * production incidents (a goroutine or thread that dies takes the service's work with it; an ignored error corrupts
 * what a service returns); in code only the test runner runs, the worst outcome is a failed test, which is why the
 * review leaves test files out. The same shapes in production code stay reviewed: a package that imports
 * {@code testing} only to ask {@code testing.Testing()}, a module named for a product feature about testing
 * ({@code ab-testing}), a Java file whose imports name no test framework.
 */
class PrecisionSet10ClassesTest {

    private static List<String> found(String diff, String item) {
        return TestRules.reviewDiff(diff).active().stream().filter(f -> f.item().equals(item))
                .map(f -> f.path() + ":" + f.line() + ":" + f.item()).sorted().toList();
    }

    private static List<String> testFiles(String diff) {
        return TestRules.reviewDiff(diff).testFiles();
    }

    // AB, Go: a shared test suite in a package of its own (a driver conformance suite other modules' tests call).

    private static final String SUITE = """
            diff --git a/store/storetest/queue.go b/store/storetest/queue.go
            new file mode 100644
            --- /dev/null
            +++ b/store/storetest/queue.go
            @@ -0,0 +1,16 @@
            +package storetest
            +
            +import (
            +\t"context"
            +\t"testing"
            +)
            +
            +func exerciseQueue(ctx context.Context, t *testing.T, open func() Store) {
            +\tt.Run("PausesAll", func(t *testing.T) {
            +\t\ts := open()
            +\t\tgo func() {
            +\t\t\ts.Drain(ctx)
            +\t\t}()
            +\t\t_, _ = s.Pause(ctx, "all")
            +\t})
            +}
            """;

    @Test
    void a_go_file_whose_functions_take_a_test_handle_is_test_code() {
        assertEquals(List.of(), found(SUITE, "CONC-01"));
        assertEquals(List.of(), found(SUITE, "ERR-01"));
        assertEquals(List.of("store/storetest/queue.go"), testFiles(SUITE));
    }

    @Test
    void the_same_goroutine_in_a_function_that_takes_no_test_handle_is_reported() {
        String production = SUITE.replace("store/storetest/queue.go", "store/pgstore/queue.go")
                .replace("package storetest", "package pgstore")
                .replace("func exerciseQueue(ctx context.Context, t *testing.T, open func() Store) {",
                        "func startQueue(ctx context.Context, log Logger, open func() Store) {")
                .replace("\tt.Run(\"PausesAll\", func(t *testing.T) {", "\tfunc() {")
                .replace("+\t})\n+}", "+\t}()\n+}");
        assertEquals(List.of("store/pgstore/queue.go:11:CONC-01"), found(production, "CONC-01"));
        assertEquals(List.of(), testFiles(production));
    }

    @Test
    void importing_testing_to_ask_whether_a_test_runs_leaves_production_code_reviewed() {
        String production = SUITE.replace("store/storetest/queue.go", "store/pgstore/queue.go")
                .replace("package storetest", "package pgstore")
                .replace("func exerciseQueue(ctx context.Context, t *testing.T, open func() Store) {",
                        "func startQueue(ctx context.Context, open func() Store) {")
                .replace("\tt.Run(\"PausesAll\", func(t *testing.T) {", "\tif !testing.Testing() {")
                .replace("+\t})\n+}", "+\t}\n+}");
        assertEquals(List.of("store/pgstore/queue.go:11:CONC-01"), found(production, "CONC-01"));
    }

    // AB, Go: a hunk in the middle of a long suite function; git's hunk header names the function and its handle.

    private static final String SUITE_HUNK = """
            diff --git a/store/storetest/store.go b/store/storetest/store.go
            --- a/store/storetest/store.go
            +++ b/store/storetest/store.go
            @@ -120,4 +120,8 @@ func Exercise[TTx any](ctx context.Context, t *testing.T,
             \t\texec := begin(ctx, t)
             \t\tjob := factory.Job(ctx, t, exec)
            +\t\tgo func() {
            +\t\t\texec.Notify(ctx, job.ID)
            +\t\t}()
            +\t\t_, _ = exec.JobGet(ctx, job.ID)
             \t\trequire.NoError(t, err)
             \t})
            """;

    @Test
    void a_hunk_header_that_names_a_test_handle_marks_the_file_as_test_code() {
        assertEquals(List.of(), found(SUITE_HUNK, "CONC-01"));
        String production = SUITE_HUNK.replace("func Exercise[TTx any](ctx context.Context, t *testing.T,",
                "func (s *Store) Run(ctx context.Context, t Tenant,")
                .replace("store/storetest/store.go", "store/store.go");
        assertEquals(List.of("store/store.go:122:CONC-01"), found(production, "CONC-01"));
    }

    @Test
    void a_test_handle_named_only_in_a_comment_is_no_declaration() {
        String production = SUITE_HUNK.replace("func Exercise[TTx any](ctx context.Context, t *testing.T,",
                "func (s *Store) Run(ctx context.Context) { // callers in tests pass t *testing.T,")
                .replace("store/storetest/store.go", "store/store.go");
        assertEquals(List.of("store/store.go:122:CONC-01"), found(production, "CONC-01"));
    }

    // AB, Go: a helper package named as one (testutils) reaching into unexported fields for tests.

    private static final String HELPER_PACKAGE = """
            diff --git a/internal/testutils/listener.go b/internal/testutils/listener.go
            new file mode 100644
            --- /dev/null
            +++ b/internal/testutils/listener.go
            @@ -0,0 +1,10 @@
            +package testutils
            +
            +import (
            +\t"reflect"
            +\t"unsafe"
            +)
            +
            +func Unexported(f reflect.Value) interface{} {
            +\treturn reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().Interface()
            +}
            """;

    @Test
    void a_go_package_named_as_test_helpers_is_test_code_a_package_named_for_testing_as_a_feature_is_not() {
        assertEquals(List.of(), found(HELPER_PACKAGE, "MEM-01"));
        for (String folder : List.of("internal/testingplan", "internal/latest", "pkg/testing")) {
            String production = HELPER_PACKAGE.replace("internal/testutils", folder);
            assertEquals(List.of(folder + "/listener.go:9:MEM-01"), found(production, "MEM-01"), folder);
        }
    }

    // AB, Java: a Maven module of shared abstract tests other modules extend (its sources under src/main).

    private static final String TEST_MODULE = """
            diff --git a/cache-test/src/main/java/com/acme/cache/test/AbstractCacheCases.java b/cache-test/src/main/java/com/acme/cache/test/AbstractCacheCases.java
            --- a/cache-test/src/main/java/com/acme/cache/test/AbstractCacheCases.java
            +++ b/cache-test/src/main/java/com/acme/cache/test/AbstractCacheCases.java
            @@ -40,4 +40,10 @@ public abstract class AbstractCacheCases {
                 protected void concurrentLoad(Cache<String, Integer> cache) throws Exception {
                     Runnable runnable = () -> cache.computeIfAbsent("k", k -> 1);
            +        Thread t1 = new Thread(runnable);
            +        Thread t2 = new Thread(runnable);
            +        t1.start();
            +        t2.start();
            +        t1.join();
            +        t2.join();
                     assertEquals(1, cache.get("k"));
                 }
            """;

    @Test
    void a_module_named_as_test_support_is_test_code_a_module_named_for_a_testing_feature_is_not() {
        assertEquals(List.of(), found(TEST_MODULE, "CONC-01"));
        for (String module : List.of("test/test-common", "cache-tests", "test-support")) {
            assertEquals(List.of(), found(TEST_MODULE.replace("cache-test/", module + "/"), "CONC-01"), module);
        }
        for (String module : List.of("ab-testing", "cache-latest", "contest")) {
            String production = TEST_MODULE.replace("cache-test/", module + "/");
            String path = module + "/src/main/java/com/acme/cache/test/AbstractCacheCases.java";
            assertEquals(List.of(path + ":42:CONC-01", path + ":43:CONC-01"), found(production, "CONC-01"), module);
        }
    }

    // AB, Java: a main source file that compiles against a test framework (a shared rule or extension for tests).

    private static final String WITH_IMPORTS = """
            diff --git a/cache-core/src/main/java/com/acme/cache/support/Loaders.java b/cache-core/src/main/java/com/acme/cache/support/Loaders.java
            --- a/cache-core/src/main/java/com/acme/cache/support/Loaders.java
            +++ b/cache-core/src/main/java/com/acme/cache/support/Loaders.java
            @@ -3,6 +3,11 @@ package com.acme.cache.support;
             import com.acme.cache.Cache;
            -import java.util.Map;
            +import org.junit.jupiter.api.Assertions;
            +import java.util.Map;
             public class Loaders {
                 public static void loadTwice(Cache<String, Integer> cache, Runnable runnable) throws Exception {
            +        Thread t1 = new Thread(runnable);
            +        t1.start();
            +        t1.join();
            +        Assertions.assertEquals(1, cache.get("k"));
                 }
             }
            """;

    @Test
    void a_main_source_that_imports_a_test_framework_is_test_code_one_that_imports_none_is_reviewed() {
        assertEquals(List.of(), found(WITH_IMPORTS, "CONC-01"));
        String production = WITH_IMPORTS
                .replace("+import org.junit.jupiter.api.Assertions;\n", "+import java.util.List;\n")
                .replace("Assertions.assertEquals(1, cache.get(\"k\"));", "log.info(\"loaded {}\", cache.get(\"k\"));");
        String path = "cache-core/src/main/java/com/acme/cache/support/Loaders.java";
        assertEquals(List.of(path + ":8:CONC-01"), found(production, "CONC-01"));
    }

    // EG (DEP-02): a serializer library's builder method named enableDefaultTyping, declared with the caller's
    // validator as its parameter. The declaration enables nothing: default typing is on only for a caller that calls
    // it, with the validator it chooses (the typing the body then sets is judged by its own rule). A call of Jackson's
    // ObjectMapper.enableDefaultTyping is the deliberate enabling DEP-02 asks to flag, and stays reported.

    private static final String BUILDER = """
            diff --git a/src/main/java/com/acme/codec/JsonCodec.java b/src/main/java/com/acme/codec/JsonCodec.java
            --- a/src/main/java/com/acme/codec/JsonCodec.java
            +++ b/src/main/java/com/acme/codec/JsonCodec.java
            @@ -80,3 +80,8 @@ public class JsonCodec {
                 public static final class Builder {
            +        public Builder enableDefaultTyping(PolymorphicTypeValidator typeValidator) {
            +            Assert.notNull(typeValidator, "validator must not be null");
            +            this.typeValidator = typeValidator;
            +            return this;
            +        }
                     private PolymorphicTypeValidator typeValidator;
                 }
            """;

    @Test
    void a_declared_opt_in_builder_method_is_no_enabling_a_call_of_the_mappers_method_is() {
        assertEquals(List.of(), found(BUILDER, "DEP-02"));
        String call = BUILDER.replace("public Builder enableDefaultTyping(PolymorphicTypeValidator typeValidator) {",
                "public Builder typing(ObjectMapper mapper) { mapper.enableDefaultTyping();");
        assertEquals(List.of("src/main/java/com/acme/codec/JsonCodec.java:81:DEP-02"), found(call, "DEP-02"));
    }

    @Test
    void the_folder_names_of_test_support_and_their_production_look_alikes() {
        for (String path : List.of("internal/testutils/listener.go", "pkg/testutil/db.go", "internal/test/helpers.go",
                "tests/api.go", "pkg/generic/grpcjsonpb_test/init.go", "jetcache-test/src/main/java/a/B.java",
                "test/test-common/src/main/java/a/B.java", "zipkin-tests/src/main/java/a/B.java")) {
            assertTrue(TestCode.isTest(path), path);
        }
        for (String path : List.of("pkg/testing/helpers.go", "internal/testingplan/plan.go", "pkg/latest/tag.go",
                "ab-testing/src/main/java/a/B.java", "core/src/main/java/com/acme/test/Probe.java",
                "e2etests/dump/dump.go")) {
            assertFalse(TestCode.isTest(path), path);
        }
    }
}
