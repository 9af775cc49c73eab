package kb.review.engine;

import kb.review.diff.DiffFilter;
import kb.review.diff.DiffFormatException;
import kb.review.diff.DiffParser;
import kb.review.diff.SourceFile;
import kb.review.rules.RuleBook;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times a paste-mode review (parse the diff, run every detector, filter) of a synthetic diff that adds 10,000 lines
 * of Go and Java, after warm-up runs. Run with
 * {@code java -cp target/postmortem-kb.jar kb.review.engine.ReviewBenchmark [content-dir] [lines] [runs]}
 * ({@code runs} timed runs after as many warm-up runs, 10 and 8 by default; e.g. {@code 40000 2} measures the heap
 * of a 1 MB diff quickly).
 */
public final class ReviewBenchmark {


    private ReviewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path content = Path.of(args.length > 0 ? args[0] : "content");
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int warmup = args.length > 2 ? runs : 8;
        Reviewer reviewer = new Reviewer(RuleBook.load(content));
        byte[] diff = syntheticDiff(lines).getBytes(StandardCharsets.UTF_8);
        int findings = 0;
        for (int i = 0; i < warmup; i++) {
            findings = once(reviewer, diff).findings().size();
        }
        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long[] nanos = new long[runs];
        long[] cpu = new long[runs];
        long[] javaCpu = new long[runs];
        int added = 0;
        for (int i = 0; i < runs; i++) {
            long c0 = os.getProcessCpuTime();
            long j0 = javaThreadsCpu();
            long t0 = System.nanoTime();
            Review r = once(reviewer, diff);
            nanos[i] = System.nanoTime() - t0;
            cpu[i] = os.getProcessCpuTime() - c0;
            javaCpu[i] = javaThreadsCpu() - j0;
            added = r.addedLines();
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        Arrays.sort(javaCpu);
        double median = nanos[runs / 2] / 1e9;
        double best = nanos[0] / 1e9;
        System.out.printf("review benchmark: %d added lines in %d files, %d findings%n", added,
                once(reviewer, diff).files().size(), findings);
        System.out.printf("median %.3f s (best %.3f s) over %d runs after %d warm-up runs: %.0f lines/s%n", median,
                best, runs, warmup, added / median);
        // on a busy machine the wall time measures the neighbours too; CPU time (all threads, GC included) does not
        double cpuMedian = cpu[runs / 2] / 1e9;
        System.out.printf("process CPU time per run: median %.3f s on %d processors, %.0f lines per CPU second%n",
                cpuMedian, Runtime.getRuntime().availableProcessors(), added / cpuMedian);
        // the review's own threads (main and the parallel stream's pool), without the JIT compiler and the GC,
        // whose share swings with the machine's load
        System.out.printf("review threads' CPU time per run: median %.3f s%n", javaCpu[runs / 2] / 1e9);
        // peak heap of one more run, from the GC's pool statistics: bounded memory is part of the contract
        System.gc();
        var pools = java.lang.management.ManagementFactory.getMemoryPoolMXBeans();
        pools.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        once(reviewer, diff);
        long peak = pools.stream().filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("diff size %.2f MB, peak heap during one run %.0f MB%n", diff.length / 1e6, peak / 1e6);
    }

    /** CPU time of every live Java thread (the JIT compiler's and the GC's threads are not among them). */
    private static long javaThreadsCpu() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
    }

    private static Review once(Reviewer reviewer, byte[] diff) throws DiffFormatException {
        List<SourceFile> files = DiffParser.parse(diff).stream().map(SourceFile::fromDiff).toList();
        return reviewer.review("diff", files, SarifImport.Result.none(), DiffFilter.ADDED);
    }

    /** New Go and Java files of about 500 lines each, alternating, adding {@code lines} lines in total. */
    static String syntheticDiff(int lines) {
        StringBuilder diff = new StringBuilder();
        int remaining = lines;
        for (int n = 0; remaining > 0; n++) {
            boolean go = n % 2 == 0;
            List<String> body = go ? goFile(n, Math.min(500, remaining)) : javaFile(n, Math.min(500, remaining));
            String path = go ? "svc/gen" + n + ".go" : "src/main/java/gen/Gen" + n + ".java";
            diff.append("diff --git a/").append(path).append(" b/").append(path).append('\n')
                    .append("new file mode 100644\n--- /dev/null\n+++ b/").append(path).append('\n')
                    .append("@@ -0,0 +1,").append(body.size()).append(" @@\n");
            body.forEach(l -> diff.append('+').append(l).append('\n'));
            remaining -= body.size();
        }
        return diff.toString();
    }

    private static List<String> goFile(int n, int size) {
        List<String> out = new ArrayList<>(List.of("package gen", "", "import (", "\t\"context\"", "\t\"net/http\"",
                ")", ""));
        for (int f = 0; out.size() < size; f++) {
            out.addAll(List.of(
                    "func fetch" + f + "(ctx context.Context, c *http.Client, url string) (int, error) {",
                    "\treq, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)",
                    "\tif err != nil {", "\t\treturn 0, err", "\t}",
                    "\tresp, err := c.Do(req)",
                    "\tif err != nil {", "\t\treturn 0, err", "\t}",
                    f % 3 == 0 ? "\t// the body is left open here" : "\tdefer resp.Body.Close()",
                    "\tfor i := 0; i < 3; i++ {", "\t\ttotal := i * 2", "\t\t_ = total", "\t}",
                    "\treturn resp.StatusCode, nil", "}", ""));
        }
        return out.subList(0, size);
    }

    private static List<String> javaFile(int n, int size) {
        List<String> out = new ArrayList<>(List.of("package gen;", "", "import java.sql.*;", "",
                "class Gen" + n + " {", "    private final javax.sql.DataSource ds = null;", ""));
        for (int m = 0; out.size() + 13 < size - 1; m++) {
            out.addAll(List.of(
                    "    String name" + m + "(long id) throws SQLException {",
                    m % 4 == 0 ? "        Connection c = ds.getConnection();"
                            : "        try (Connection c = ds.getConnection()) {",
                    "        PreparedStatement ps = c.prepareStatement(\"SELECT name FROM t WHERE id = ?\");",
                    "        ps.setQueryTimeout(2);",
                    "        try {", "            ps.setLong(1, id);", "        } catch (SQLException e) {",
                    "            throw new IllegalStateException(e);", "        }",
                    "        return \"x\";",
                    m % 4 == 0 ? "    " : "        }",
                    "    }", ""));
        }
        while (out.size() < size - 1) {
            out.add("    // padding");
        }
        out.add("}");
        return out;
    }
}
