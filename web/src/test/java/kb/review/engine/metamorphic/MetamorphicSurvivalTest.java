package kb.review.engine.metamorphic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The review must find the held-out rounds' defects however their code is written: the same finding on the same
 * line after a rename, a CRLF file, comments between an acquisition and its use, another declaration form. See the
 * README beside this class for the full run and the figures.
 */
class MetamorphicSurvivalTest {
    /** Fast subset: the transforms behind the classes fixed so far (README.md), over every held-out round. */
    static final List<String> FAST = List.of("rename-err-ctx", "java-qualified", "edit-context");
    // Measured on 2026-12-02 (README.md beside this class): 0.874 at the branch point (bb29b1a7), 0.987 after the
    // fixes of branch robust13. The floor is the measured value rounded down to 0.05: a drop fails the build.
    static final double FLOOR = 0.95;

    @Test
    void the_held_out_findings_survive_rewrites_that_keep_the_defect() throws IOException {
        Survival s = new Survival();
        s.run(Survival.cases(), FAST.stream().map(Transform::named).toList());
        System.out.println(s.report());
        assertTrue(s.overall() >= FLOOR, "survival " + s.overall());
    }

    /** The whole table: {@code mvn -o test -Dtest=MetamorphicSurvivalTest -Dmetamorphic=all}. */
    @Test
    @EnabledIfSystemProperty(named = "metamorphic", matches = ".+")
    void full_run() throws IOException {
        String wanted = System.getProperty("metamorphic");
        List<Transform> transforms = wanted.equals("all") ? Transform.all()
                : List.of(wanted.split(",")).stream().map(Transform::named).toList();
        Survival s = new Survival();
        s.run(Survival.cases(), transforms);
        String report = s.report();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "metamorphic.md"), report, StandardCharsets.UTF_8);
        System.out.println(report);
    }
}
