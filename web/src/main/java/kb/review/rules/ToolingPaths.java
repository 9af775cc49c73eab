package kb.review.rules;

import java.util.List;

/**
 * {@code exclude: [developer-tooling]}: where a repository keeps the programs its developers and CI run on their own
 * machines, as {@code example-programs} says where its demos live. Build targets ({@code magefiles/},
 * {@code magefile.go}, a {@code src/build} source set), the root folders of maintainer scripts ({@code hack/},
 * {@code scripts/}, {@code ci/}, {@code .github/}), commands named as test set-up or load generators
 * ({@code cmd/db-test-setup}, {@code cmd/xbench}, {@code tools/stress-test}). They run by hand or in CI, once, against
 * a throw-away machine: a rule whose finding matters only under a service's load or lifetime (the rules that already
 * leave out example programs) says nothing there. Only folder names that mean tooling: a package merely named
 * {@code tools} or {@code scripts} inside the product ({@code internal/tools}, {@code pkg/scripts}) stays reviewed, and
 * so does a root {@code tools/} folder, which is product code as often as not.
 */
final class ToolingPaths {

    static final String NAME = "developer-tooling";
    static final List<String> GLOBS = List.of("**/magefiles/**", "**/magefile.go", "**/src/build/**",
            "hack/**", "scripts/**", "ci/**", ".github/**",
            "**/cmd/*-test-*/**", "**/cmd/test-*/**", "**/cmd/*-test/**", "**/cmd/*bench*/**", "**/cmd/*stress*/**",
            "**/tools/*stress*/**", "**/tools/*bench*/**", "**/tools/*load-test*/**", "**/tools/*loadtest*/**");

    private ToolingPaths() {
    }
}
