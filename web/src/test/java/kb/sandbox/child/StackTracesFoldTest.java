package kb.sandbox.child;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackTracesFoldTest {

    @Test
    void runaway_recursion_through_one_method_reads_as_one_frame_and_a_count() {
        List<String> frames = new ArrayList<>(Collections.nCopies(1021, "\tat f (line 1)"));
        frames.add("\tat (line 2)");
        assertEquals(List.of("\tat f (line 1)", "\t... the frame above repeats 1020 more times", "\tat (line 2)"),
                StackTraces.fold(frames));
    }

    @Test
    void mutual_recursion_folds_its_whole_cycle() {
        List<String> frames = new ArrayList<>(List.of("\tat top (line 9)"));
        for (int i = 0; i < 300; i++) {
            frames.addAll(List.of("\tat even (line 2)", "\tat odd (line 5)", "\tat java.base/java.util.Objects.requireNonNull(Objects.java:1)"));
        }
        assertEquals(List.of("\tat top (line 9)", "\tat even (line 2)", "\tat odd (line 5)",
                "\tat java.base/java.util.Objects.requireNonNull(Objects.java:1)",
                "\t... the 3 frames above repeat 299 more times"), StackTraces.fold(frames));
    }

    @Test
    void ordinary_traces_and_short_repeats_are_left_as_they_are() {
        List<String> frames = List.of("\tat a (line 1)", "\tat b (line 2)", "\tat b (line 2)", "\tat b (line 2)",
                "\tat c (line 3)");
        assertEquals(frames, StackTraces.fold(frames), "three in a row is code, not a runaway");
        assertEquals(List.of(), StackTraces.fold(List.of()));
    }
}
