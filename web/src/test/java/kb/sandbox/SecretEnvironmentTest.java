package kb.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts a server-like parent process with a secret in its environment (the {@code run} command,
 * which uses the same sandbox as the web app) and has snippets look for it.
 */
class SecretEnvironmentTest {

    @Test
    void a_secret_in_the_servers_environment_never_reaches_the_output(@TempDir Path dir) throws Exception {
        String secret = "kb-secret-" + UUID.randomUUID();
        var files = new ArrayList<String>();
        for (String name : List.of("read-secret-variable.jsh", "read-environment.jsh", "read-system-properties.jsh")) {
            Path f = dir.resolve(name);
            Files.writeString(f, HostileCodeTest.read(name));
            files.add(f.toString());
        }
        Path ok = dir.resolve("harmless.jsh");
        Files.writeString(ok, "System.out.println(\"harmless\");\n// Output:\n// harmless\n");
        files.add(ok.toString());

        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RunCli.class.getName()));
        command.addAll(files);
        var pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("KB_TEST_SECRET", secret);
        pb.environment().put("KB_DATA_DIR", TestSandbox.DATA_DIR.toString());
        pb.environment().put("KB_SANDBOX_POOL_SIZE", "1");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(3, TimeUnit.MINUTES));

        assertFalse(output.contains(secret), output);
        assertEquals(1, p.exitValue(), "denied files fail the command: " + output);
        assertEquals(3, output.lines().filter(l -> l.startsWith("== ") && l.contains(": denied in ")).count(), output);
        assertTrue(output.contains("harmless.jsh: ok in "), output);
        assertTrue(output.contains("-- output matches // Output:"), output);
    }

    @Test
    void the_compile_service_and_the_run_children_start_with_an_empty_environment() throws Exception {
        Sandbox sandbox = TestSandbox.shared();
        assertTrue(sandbox.run(RunRequest.bundled("System.out.println(1);", "1\n")).passed());
        int seen = 0;
        for (ProcessHandle h : ProcessHandle.current().descendants().toList()) {
            Path cmdline = Path.of("/proc", Long.toString(h.pid()), "cmdline");
            Path environ = Path.of("/proc", Long.toString(h.pid()), "environ");
            String command;
            String env;
            try {
                command = Files.readString(cmdline, StandardCharsets.UTF_8);
                env = Files.readString(environ, StandardCharsets.UTF_8);
            } catch (java.io.IOException gone) {
                continue; // exited meanwhile
            }
            if (!command.contains("kb.sandbox.compiler.CompileMain") && !command.contains("kb.sandbox.child.RunChildMain")) {
                continue;
            }
            seen++;
            for (String entry : env.split("\0")) {
                if (!entry.isEmpty()) {
                    // bubblewrap sets these two itself; nothing of the server's environment is passed on.
                    assertTrue(Set.of("TMPDIR", "PWD").contains(entry.substring(0, Math.max(0, entry.indexOf('=')))),
                            "process " + h.pid() + " has " + entry);
                }
            }
        }
        assertTrue(seen >= 2, "the compile service and at least one warm child were found");
    }
}
