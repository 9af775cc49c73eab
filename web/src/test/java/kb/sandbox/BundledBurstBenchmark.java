package kb.sandbox;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kb.TestApp;
import kb.accounts.Accounts;
import kb.accounts.Logins;
import kb.accounts.Role;

/**
 * Every bundled block sent at once, as a CI job or a "Run before and after" meeting sends them, through
 * {@code POST /api/run} of the real app, for a few pool sizes in one run: the burst that
 * {@link ApiRunBenchmark} measures once, repeated so that its spread shows.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dmain.class=kb.sandbox.BundledBurstBenchmark -Dexec.args="POOLS CLIENTS ROUNDS"
 * </pre>
 *
 * POOLS is a comma-separated list of {@code KB_SANDBOX_POOL_SIZE} values (default {@code 4}), CLIENTS the callers
 * at once (default 4), ROUNDS the bursts per pool size (default 7). Before each burst the pool is refilled and the
 * blocks' plans are kept from a first pass, so a burst measures the run children alone. Prints per pool size the
 * median and best wall time of a burst, CPU per run by process, the idle pool's resident memory and the load.
 */
public final class BundledBurstBenchmark {
    private BundledBurstBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String pools = args.length > 0 ? args[0] : "4";
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        List<String[]> blocks = ApiRunBenchmark.bundledBlocks();
        var rows = new LinkedHashMap<String, String>();
        for (String pool : pools.split(",")) {
            rows.put("pool " + pool, measure(pool.strip(), clients, rounds, blocks));
        }
        System.out.printf("%n%d bundled blocks, %d clients at once, %d bursts each, load at the end %s%n",
                blocks.size(), clients, rounds, ProcessCpu.loadAverage());
        rows.forEach((k, v) -> System.out.printf("| %-8s | %s |%n", k, v));
    }

    private static String measure(String pool, int clients, int rounds, List<String[]> blocks) throws Exception {
        var env = Map.of("KB_SANDBOX_ALLOW_WEAK", "true", "KB_SANDBOX_RUNS_PER_MINUTE", "1000000",
                "KB_SANDBOX_POOL_SIZE", pool);
        try (TestApp app = TestApp.start(TestApp.FIXTURES, env)) {
            String token = new Accounts(app.services.db().jdbi()).createToken(Logins.user(app, Role.EDITOR), "bench").token();
            var client = new ApiRunBenchmark.Client(app, token);
            client.run(ApiRunBenchmark.SNIPPET, null);
            ApiRunBenchmark.awaitWarm(app, true);
            for (String[] b : blocks) {
                client.run(b[0], b[1]); // plans kept, and the server's JIT warmed on this path
            }
            var slowest = new java.util.TreeMap<Long, String>(java.util.Comparator.reverseOrder());
            for (int i = 0; i < blocks.size(); i++) {
                ApiRunBenchmark.awaitWarm(app, false);
                slowest.put(client.run(blocks.get(i)[0], blocks.get(i)[1]) * 100 + i, "block " + i);
            }
            System.out.printf("pool %s, one block at a time on a full pool, slowest (ms): %s%n", pool,
                    slowest.entrySet().stream().limit(6).map(e -> e.getValue() + " " + e.getKey() / 100).toList());
            ApiRunBenchmark.awaitWarm(app, false);
            Thread.sleep(1000);
            long idleRss = Arrays.stream(ApiRunBenchmark.warmChildren()[1]).sum() / 1024;
            Sandbox sandbox = app.services.sandbox().get();
            long[] walls = new long[rounds];
            var before = ProcessCpu.now();
            long childBefore = sandbox.childCpuMillis();
            for (int r = 0; r < rounds; r++) {
                ApiRunBenchmark.awaitWarm(app, false);
                Thread.sleep(500);
                walls[r] = ApiRunBenchmark.concurrently(client, blocks, clients);
            }
            String cpu = ProcessCpu.now().since(before).perRun(rounds * blocks.size(), sandbox.childCpuMillis() - childBefore);
            Arrays.sort(walls);
            return String.format("burst median %d ms, best %d ms, all %s | CPU/run srv/cmp/chld (total) %s | idle pool RSS %d MiB",
                    ApiRunBenchmark.percentile(walls, 50), walls[0], Arrays.toString(walls), cpu, idleRss);
        }
    }
}
