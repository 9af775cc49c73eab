package kb.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReviewLauncherTest {

    private static final Path JAR = Path.of("/opt/kb/postmortem-kb.jar");
    private static final Path ARCHIVE = Path.of("/opt/kb/postmortem-kb-1a2b3c.jsa");
    private static final String JAVA = "/usr/lib/jvm/java-17/bin/java";
    private static final String[] REVIEW = {"review", "--diff", "-", "--format", "github"};

    private static Optional<List<String>> plan(String[] args, List<String> jvmArgs, Path archive,
                                               Map<String, String> env) {
        return ReviewLauncher.plan(args, JAVA, jvmArgs, JAR, archive, env);
    }

    private static List<String> jvm(String... options) {
        List<String> out = new java.util.ArrayList<>(List.of(options));
        out.addAll(List.of("-jar", "postmortem-kb.jar"));
        out.addAll(List.of(REVIEW));
        return out;
    }

    @Test
    void review_restarts_without_c2_keeping_the_callers_options_arguments_and_the_archive() {
        assertEquals(List.of(JAVA, "-Xmx512m", "-Dfoo=bar", "-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=" + ARCHIVE,
                        "-Dkb.review.child=true", "-jar", JAR.toString(), "review", "--diff", "-", "--format", "github"),
                plan(REVIEW, jvm("-Xmx512m", "-Dfoo=bar"), ARCHIVE, Map.of()).orElseThrow());
        assertEquals(List.of(JAVA, "-XX:TieredStopAtLevel=1", "-Dkb.review.child=true", "-jar", JAR.toString(),
                "review", "--diff", "-", "--format", "github"), plan(REVIEW, jvm(), null, Map.of()).orElseThrow(),
                "no archive: only the compiler flag");
        List<String> ownClassData = plan(REVIEW, jvm("-Xshare:off"), ARCHIVE, Map.of()).orElseThrow();
        assertTrue(ownClassData.contains("-Xshare:off") && ownClassData.stream()
                .noneMatch(o -> o.startsWith("-XX:SharedArchiveFile")), ownClassData.toString());
    }

    @Test
    void steps_aside_when_turned_off_asked_for_help_not_run_from_the_jar_or_the_caller_chose_the_compilers() {
        assertTrue(plan(REVIEW, jvm(), ARCHIVE, Map.of("KB_LAUNCHER", "off")).isEmpty());
        assertTrue(plan(new String[]{"review", "--help"}, jvm(), ARCHIVE, Map.of()).isEmpty());
        assertTrue(plan(REVIEW, List.of("-cp", "x.jar", "kb.Main", "review"), ARCHIVE, Map.of()).isEmpty());
        for (String own : List.of("-XX:TieredStopAtLevel=4", "-XX:-TieredCompilation", "-Xint", "-Xcomp",
                "-XX:-UseCompiler")) {
            assertTrue(plan(REVIEW, jvm(own), ARCHIVE, Map.of()).isEmpty(), own);
            assertTrue(plan(REVIEW, jvm(), ARCHIVE, Map.of("JAVA_TOOL_OPTIONS", "-Dx=1 " + own)).isEmpty(), own);
        }
        // other tuning is not a choice of compilers: the review still gets its own JVM, with those options
        List<String> tuned = plan(REVIEW, jvm("-XX:+UseSerialGC", "-XX:CICompilerCount=2"), ARCHIVE,
                Map.of("JAVA_TOOL_OPTIONS", "-Xss4m")).orElseThrow();
        assertTrue(tuned.containsAll(List.of("-XX:+UseSerialGC", "-XX:CICompilerCount=2", "-XX:TieredStopAtLevel=1")),
                tuned.toString());
        assertFalse(ReviewLauncher.choosesCompilers("-XX:+UseSerialGC"));
    }
}
