import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.file.*;
import java.util.*;
import kb.format.ChecklistItem.Severity;
import kb.review.Reviews;

/**
 * The reversed real fixes reviewed in repo mode, as a team's CI sees them, in one JVM:
 * {@code java -cp target/postmortem-kb.jar web/src/test/bench/realfixes/ProbeRepo.java content MIRRORS DIFFS SCRATCH}.
 * For each case of cases.tsv, a throwaway clone of MIRRORS/owner+name/repo under SCRATCH (objects shared with the
 * mirror through git's alternates, nothing written into the mirror) gets a commit on top of the fixed commit that
 * applies the reversed fix DIFFS/case.diff (written by build.py), and HEAD is set to it, and the commit is reviewed as
 * {@code review --repo DIR --base <fixed commit>} does (same request, JSON report). A checkout already prepared by an
 * earlier run is reused. Prints what ProbeDiffs prints, so score.py scores both alike, and on stderr one line per
 * case: the review's wall and CPU seconds (this process, every thread) and the load average when it started.
 * Set ONLY="case case" to run some cases, FILTER=nofilter (or another --filter) to see what the default hides.
 */
public class ProbeRepo {
    static String git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=probe",
                "-c", "user.email=probe@localhost"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
        return out.strip();
    }

    /** Prepares the case's checkout (or reuses an earlier run's) and returns the fixed commit. */
    static String prepare(Path mirrors, Path diffs, String[] c, String name, Path dir) throws Exception {
        String fixed;
        if (Files.isDirectory(dir.resolve(".git"))) {
            fixed = git(dir, "rev-parse", "HEAD^");
        } else {
            Process p = new ProcessBuilder("git", "clone", "-q", "--shared", "--no-checkout",
                    mirrors.resolve(c[1]).resolve("repo").toString(), dir.toString()).inheritIO().start();
            if (p.waitFor() != 0) throw new IllegalStateException("clone " + name);
            fixed = git(dir, "rev-parse", c[2] + "^{commit}");
            // repo mode reads commits, not the working tree: the commit is built in the index alone (some
            // mirrors lack large test blobs, which a checkout or a plain commit would trip on), from the reversed
            // fix's files as they were before the fix (what applying DIFFS/case.diff gives, also where line
            // endings make `git apply` refuse)
            git(dir, "read-tree", fixed);
            Set<String> paths = new TreeSet<>();
            for (String d : Files.readAllLines(diffs.resolve(name + ".diff"))) {
                if (d.startsWith("--- a/") || d.startsWith("+++ b/")) paths.add(d.substring(6));
            }
            List<String> cmd = new ArrayList<>(List.of("diff-tree", "-r", "--no-renames", fixed, fixed + "^", "--"));
            cmd.addAll(paths);
            for (String e : git(dir, cmd.toArray(String[]::new)).split("\n")) {
                if (e.isBlank()) continue;
                String[] meta = e.substring(1, e.indexOf('\t')).split(" "), path = {e.substring(e.indexOf('\t') + 1)};
                if (meta[4].equals("D")) git(dir, "update-index", "--force-remove", path[0]);
                else git(dir, "update-index", "--add", "--cacheinfo", meta[1] + "," + meta[3] + "," + path[0]);
            }
            String tree = git(dir, "write-tree", "--missing-ok");
            String head = git(dir, "commit-tree", tree, "-p", fixed, "-m",
                    "the pull request that introduces the defect (reversed fix)");
            git(dir, "update-ref", "--no-deref", "HEAD", head);
        }
        return fixed;
    }

    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]), mirrors = Path.of(args[1]), diffs = Path.of(args[2]), scratch = Path.of(args[3]);
        Path cases = Path.of("web/src/test/bench/realfixes/cases.tsv");   // run from the repository's root
        Set<String> only = new HashSet<>(Arrays.asList(System.getenv().getOrDefault("ONLY", "").split("\\s+")));
        only.remove("");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        ObjectMapper json = new ObjectMapper();
        Files.createDirectories(scratch);
        int total = 0;
        double wallSum = 0, cpuSum = 0;
        for (String ln : Files.readAllLines(cases)) {
            if (ln.isBlank()) continue;
            String[] c = ln.split("\t");
            String name = c[0] + "-" + c[1].split("\\+")[1] + "-" + c[2];
            if (!only.isEmpty() && !only.contains(name)) continue;
            Path dir = scratch.resolve(name);
            String fixed;
            try {
                fixed = prepare(mirrors, diffs, c, name, dir);
            } catch (Exception e) {
                new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor();
                System.out.println("## " + name + ".diff FAILED " + e.getMessage().lines().findFirst().orElse(""));
                continue;
            }
            double load = os.getSystemLoadAverage();
            long cpu0 = os.getProcessCpuTime(), wall0 = System.nanoTime();
            Reviews.Result r = Reviews.run(new Reviews.Request(content, new Reviews.GitRange(dir, fixed, "HEAD"), dir,
                    System.getenv().getOrDefault("FILTER", "added"), List.of(), null, Severity.BLOCKER, Reviews.Format.JSON, "http://localhost/",
                    Reviews.DEFAULT_MAX_ANNOTATIONS));
            double wall = (System.nanoTime() - wall0) / 1e9, cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
            wallSum += wall;
            cpuSum += cpu;
            System.err.printf("# time %s wall %.2f cpu %.2f load %.2f%n", name, wall, cpu, load);
            List<JsonNode> fs = new ArrayList<>();
            json.readTree(r.text()).path("findings").forEach(f -> { if (!f.path("suppressed").asBoolean()) fs.add(f); });
            if (fs.isEmpty()) continue;
            System.out.println("## " + name + ".diff");
            for (JsonNode f : fs) {
                total++;
                System.out.println("- " + f.path("item").asText() + " " + f.path("rule").asText() + " "
                        + f.path("confidence").asText().toUpperCase(Locale.ROOT) + " " + f.path("path").asText() + ":"
                        + f.path("line").asInt() + " | " + f.path("code").asText("").strip() + " | "
                        + f.path("message").asText("").replace('\n', ' '));
            }
        }
        System.out.println("TOTAL findings " + total);
        System.err.printf("# total wall %.1f cpu %.1f%n", wallSum, cpuSum);
    }
}
