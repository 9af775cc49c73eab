package kb.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code run FILE} prints for one result: a header that agrees with the exit status, then the details. */
class FileRunsPrintTest {

    @Test
    void a_refused_source_has_no_line_zero_and_a_compile_error_names_line_and_column() {
        String why = "the source is 75042 bytes; the sandbox accepts at most 20480";
        var refused = new RunResult(RunStatus.DENIED, "", "", false, -1, 0, why, List.of(new Diagnostic(0, 0, why)),
                Verdict.NONE);
        assertEquals("== big.jsh: denied in 0 ms\n   " + why + "\n", print("big.jsh", refused));

        var broken = new RunResult(RunStatus.COMPILE_ERROR, "", "", false, -1, 7, "line 1: incompatible types",
                List.of(new Diagnostic(1, 9, "incompatible types")), Verdict.NONE);
        assertEquals("== c.jsh: compile error in 7 ms\n   line 1, column 9: incompatible types\n", print("c.jsh", broken),
                "the message is printed once, through its diagnostic");
    }

    @Test
    void a_wrong_output_says_failed_in_the_header_and_control_characters_are_escaped() {
        var wrong = new RunResult(RunStatus.OK, "\u001b[2J1\n", "", false, 0, 12, "", List.of(),
                Verdict.compare("2\n", "1\n"));
        String printed = print("w.jsh", wrong);
        assertEquals("== w.jsh: failed (output differs from // Output:) in 12 ms", printed.lines().findFirst().orElseThrow());
        assertEquals("\\u001b[2J1", printed.lines().toList().get(2), printed);
    }

    private static String print(String label, RunResult result) {
        var text = new StringWriter();
        FileRuns.print(label, result, new PrintWriter(text));
        return text.toString().replace(System.lineSeparator(), "\n");
    }
}
