package kb.review.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kb.review.engine.TestRules;
import org.junit.jupiter.api.Test;

/**
 * {@link Glob#matches} first asks whether the path holds the glob's longest literal run (speed27): the answer must be
 * the glob's regex's, for every glob the rule book ships and for paths that sit on each side of them.
 */
class GlobTest {

    @Test
    void the_needle_is_the_longest_literal_run_between_wildcards() {
        assertEquals("samples/", Glob.of("**/samples/**").needle());
        assertEquals("hack/", Glob.of("hack/**").needle());
        assertEquals("_test.go", Glob.of("**/*_test.go").needle());
        assertEquals("-test-", Glob.of("**/cmd/*-test-*/**").needle());
        assertEquals("", Glob.of("**").needle());
        assertEquals("pom.xml", Glob.of("pom.xml").needle());
    }

    @Test
    void every_shipped_glob_answers_as_its_regex_does() {
        List<Glob> globs = new ArrayList<>();
        Stream.concat(RuleLoader.EXAMPLE_PROGRAM_GLOBS.stream(), ToolingPaths.GLOBS.stream()).map(Glob::of)
                .forEach(globs::add);
        for (Rule r : TestRules.book().rules()) {
            globs.addAll(r.paths());
            globs.addAll(r.exclude());
        }
        TestRules.book().triggers().forEach(t -> globs.addAll(t.paths()));
        List<String> paths = List.of("main.go", "svc/gen0.go", "src/main/java/gen/Gen1.java", "samples/a.go",
                "x/samples/y/Z.java", "xsamples/a.go", "samples", "hack/run.go", "a/hack/run.go",
                "cmd/db-test-setup/m.go", "cmd/xbench/main.go", "tools/stress-x/t.go",
                "docs/src/main/java/sample/A.java", "sample-app/A.java",
                "go.mod", "pkg/go.mod", "pom.xml", "a/b/pom.xml", "build.gradle", "src/test/java/ATest.java",
                "a_test.go", "dir/a_test.go", "example/x.go", "com/example/X.java", ".github/workflows/ci.go",
                "magefile.go", "x/magefiles/m.go", "a/-demo/b.go", "demo-server/S.java", "Dockerfile",
                "deploy/k8s.yaml", "");
        for (Glob g : globs) {
            for (String p : paths) {
                assertEquals(g.pattern().matcher(p).matches(), g.matches(p), g.text() + " on " + p);
            }
        }
    }
}
