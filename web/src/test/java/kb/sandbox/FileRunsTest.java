package kb.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run FILE...} runs its files several at once and still prints every result, in the order given. */
class FileRunsTest {

    @Test
    void results_are_printed_in_the_order_of_the_files_whatever_order_the_runs_end_in(@TempDir Path dir) throws Exception {
        var files = new ArrayList<String>();
        // The first file runs longest, so with runs side by side the later ones end before it.
        files.add(write(dir, "a-slow.jsh", "Thread.sleep(1500);\nSystem.out.println(\"slow\");\n// Output:\n// slow\n"));
        files.add(write(dir, "b-wrong.jsh", "System.out.println(1);\n// Output:\n// 2\n"));
        files.add(write(dir, "c-broken.jsh", "int x = \"text\";\n"));
        files.add(write(dir, "d-quick.jsh", "System.out.println(\"quick\");\n// Output:\n// quick\n"));
        // Not run: its output comment is followed by code, so nothing would be compared.
        files.add(write(dir, "e-misplaced.jsh", "// Output:\n// 1\nSystem.out.println(1);\n"));

        String output = runCli(files);

        List<String> headers = output.lines().filter(l -> l.startsWith("== ")).toList();
        assertEquals(4, headers.size(), output);
        assertTrue(headers.get(0).contains("a-slow.jsh: ok in "), output);
        assertTrue(headers.get(1).contains("b-wrong.jsh: failed (output differs from // Output:)"), output);
        assertTrue(headers.get(2).contains("c-broken.jsh: compile error"), output);
        assertTrue(headers.get(3).contains("d-quick.jsh: ok in "), output);
        assertTrue(output.contains("e-misplaced.jsh:1: the '// Output:' comment must end the code: line 3 after it"), output);
        // Each result's details follow its own header.
        int slow = output.indexOf("a-slow.jsh");
        int wrong = output.indexOf("b-wrong.jsh");
        assertTrue(output.indexOf("\nslow\n") > slow && output.indexOf("\nslow\n") < wrong, output);
        assertTrue(output.endsWith("exit 1"), "a failed run fails the command: " + output);
    }

    private static String write(Path dir, String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f.toString();
    }

    private static String runCli(List<String> files) throws Exception {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RunCli.class.getName()));
        command.addAll(files);
        var pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("KB_DATA_DIR", TestSandbox.DATA_DIR.toString());
        pb.environment().put("KB_SANDBOX_POOL_SIZE", "4");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(3, TimeUnit.MINUTES));
        return output + "\nexit " + p.exitValue();
    }
}
