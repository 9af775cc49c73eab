package kb.sandbox.compiler;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kb.format.CodeBlock;
import kb.format.PostmortemParser;

/**
 * CPU of the compile service's work per text, in this JVM on one reused recording JShell (as a worker of the
 * service uses it): each text as it is, and with a default import appended, which keeps its trailing variables
 * and statements from being merged into one block. Thread CPU time, so the figures hold on a loaded machine.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dmain.class=kb.sandbox.compiler.CompileCpuProfile
 * </pre>
 */
public final class CompileCpuProfile {
    private CompileCpuProfile() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 15;
        var texts = new ArrayList<String>(List.of("var list = new ArrayList<>(List.of(3, 1, 2));\nCollections.sort(list);\n"
                + "System.out.println(list);\n"));
        try (var files = Files.list(Path.of("content", "incidents"))) {
            for (Path md : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                new PostmortemParser().parse(Files.readString(md), null).value().ifPresent(p -> p.codeBlocks()
                        .stream().filter(CodeBlock::runnable).forEach(b -> texts.add(b.code())));
            }
        }
        SnippetRunner runner = SnippetRunner.recording();
        var threads = ManagementFactory.getThreadMXBean();
        for (int warm = 0; warm < 3; warm++) {
            for (String t : texts) {
                runner = compile(runner, t);
                runner = compile(runner, t + "import java.util.*;\n");
            }
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long processStart = os.getProcessCpuTime();
        long[] merged = new long[texts.size()];
        long[] apart = new long[texts.size()];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < texts.size(); i++) {
                long t0 = threads.getCurrentThreadCpuTime();
                runner = compile(runner, texts.get(i));
                long t1 = threads.getCurrentThreadCpuTime();
                runner = compile(runner, texts.get(i) + "import java.util.*;\n");
                long t2 = threads.getCurrentThreadCpuTime();
                merged[i] += t1 - t0;
                apart[i] += t2 - t1;
            }
        }
        long sumMerged = 0;
        long sumApart = 0;
        for (int i = 0; i < texts.size(); i++) {
            System.out.printf("text %2d: as it is %5.1f ms, snippet by snippet %5.1f ms%n", i,
                    merged[i] / 1e6 / rounds, apart[i] / 1e6 / rounds);
            sumMerged += merged[i];
            sumApart += apart[i];
        }
        System.out.printf("all %d texts, mean CPU per compile (compile + reset): as it is %.1f ms, snippet by snippet %.1f ms%n",
                texts.size(), sumMerged / 1e6 / rounds / texts.size(), sumApart / 1e6 / rounds / texts.size());
        System.out.printf("process CPU per compile over the measured rounds: %.1f ms (JIT and GC threads too)%n",
                (os.getProcessCpuTime() - processStart) / 1e6 / rounds / texts.size() / 2);
    }

    /** Compiles and resets as a worker of the service does; a runner that cannot be reset is replaced. */
    private static SnippetRunner compile(SnippetRunner runner, String text) {
        runner.compile(text);
        if (runner.texts() < 200 && runner.reset()) {
            return runner;
        }
        runner.close();
        return SnippetRunner.recording();
    }
}
