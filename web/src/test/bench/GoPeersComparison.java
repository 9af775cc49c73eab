import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kb.format.ChecklistItem;
import kb.review.Reviews;

/**
 * Puts the checklist review next to its Go peers, {@code go vet} and staticcheck, on the Go cases of
 * the real-world review corpus, and prints one row per case and a summary.
 *
 * <p>Each corpus diff adds one Go file. Its post-image becomes one package of a scratch module, with
 * the imports it refers to, beside the declarations it assumes from the rest of its package
 * ({@code stubs/cases/NAME.go}); third-party packages are stub modules written for this comparison
 * ({@code stubs/modules/}, wired with go.mod {@code replace}). The case counts as compilable when
 * {@code go build} accepts its package; the peers only analyse code that type-checks, so only those cases are compared.
 * The Go tools run once over all compiling packages rather than once per case (each run loads the
 * standard library again), and the review runs in this JVM.
 * A peer "catches" a defect case when it reports anything in that file, and raises a false alarm
 * when it reports anything in a clean ({@code -ok-}) case: generous to the peers on purpose.
 * staticcheck's U1000 ("unused") is left out: every corpus case is a lone unexported function, so
 * it would fire on all of them and say nothing about the defect.
 *
 * <p>Run from the project root after {@code mvn -q -DskipTests package}:
 * <pre>java -cp target/postmortem-kb.jar web/src/test/bench/GoPeersComparison.java</pre>
 * Needs {@code go} (Debian {@code golang-go}); staticcheck is used when {@code staticcheck} or
 * Debian's {@code go-staticcheck} is on the PATH. Nothing is fetched: GOPROXY=off, GOSUMDB=off,
 * and every module outside the standard library is a local stub.
 */
public final class GoPeersComparison {
    private static final Path CORPUS = Path.of("web/src/test/resources/review/realworld");
    private static final Pattern PEER_LINE = Pattern.compile("^(?:\\./)?[^:\\s]+\\.go:(\\d+):(\\d+): (.*)$");
    private static final Pattern QUALIFIER = Pattern.compile("\\b([a-z][a-z0-9]*)\\.[A-Za-z_]");
    /** Package name as written in code → import path, for the standard library packages the corpus uses. */
    private static final Map<String, String> STDLIB = Map.ofEntries(
            Map.entry("context", "context"), Map.entry("time", "time"), Map.entry("fmt", "fmt"),
            Map.entry("http", "net/http"), Map.entry("io", "io"), Map.entry("ioutil", "io/ioutil"),
            Map.entry("sql", "database/sql"), Map.entry("errors", "errors"), Map.entry("log", "log"),
            Map.entry("os", "os"), Map.entry("strings", "strings"), Map.entry("sync", "sync"),
            Map.entry("bytes", "bytes"), Map.entry("json", "encoding/json"), Map.entry("net", "net"),
            Map.entry("bufio", "bufio"), Map.entry("filepath", "path/filepath"), Map.entry("url", "net/url"),
            Map.entry("strconv", "strconv"), Map.entry("atomic", "sync/atomic"), Map.entry("exec", "os/exec"),
            Map.entry("signal", "os/signal"), Map.entry("runtime", "runtime"), Map.entry("debug", "runtime/debug"),
            Map.entry("rand", "math/rand"), Map.entry("zip", "archive/zip"), Map.entry("gzip", "compress/gzip"),
            Map.entry("tls", "crypto/tls"), Map.entry("httptest", "net/http/httptest"), Map.entry("slog", "log/slog"),
            Map.entry("md5", "crypto/md5"), Map.entry("hex", "encoding/hex"));
    /** The same for the third-party packages the stub modules stand in for (an import spec, alias first if any). */
    private static final Map<String, String> STUBBED = Map.of(
            "sqlx", "github.com/jmoiron/sqlx", "pgxpool", "github.com/jackc/pgx/v5/pgxpool",
            "grpc", "google.golang.org/grpc", "healthpb", "healthpb google.golang.org/grpc/health/grpc_health_v1",
            "redis", "github.com/redis/go-redis/v9", "zap", "go.uber.org/zap", "gorm", "gorm.io/gorm");
    /**
     * Stand-ins written for this comparison (nothing is fetched): {@code modules/} holds one folder per third-party
     * module with only the declarations the cases use, with the libraries' signatures; {@code cases/NAME.go}
     * declares what case NAME assumes from the rest of its package (its receiver's struct, a helper it calls).
     */
    private static final Path STUBS = Path.of("web/src/test/resources/review/peers/stubs");

    private record Case(String name, Path diff, boolean clean, String file, String source) {
    }

    private record Row(Case c, boolean compiles, String why, List<String> ours, List<String> vet, List<String> sc) {
    }

    public static void main(String[] args) throws Exception {
        String staticcheck = onPath("staticcheck") ? "staticcheck" : onPath("go-staticcheck") ? "go-staticcheck" : null;
        if (!onPath("go")) {
            System.err.println("go is not on the PATH (Debian: apt-get install golang-go)");
            System.exit(2);
        }
        long started = System.nanoTime();
        // One module holding one package per case: the Go tools then load the standard library once for all
        // cases instead of once per case, which is what made a per-case run take most of an hour under load.
        Path work = Files.createTempDirectory("kb-go-peers");
        Files.writeString(work.resolve("go.mod"), "module example.com/peers\n\ngo 1.19\n" + stubModules(work));
        Map<String, Case> cases = new LinkedHashMap<>();
        Map<String, List<String>> ours = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path diff : files.filter(p -> p.getFileName().toString().matches("go-.*\\.diff")).sorted().toList()) {
                Case c = read(diff);
                String pkg = c.name().replace('-', '_');
                Files.createDirectories(work.resolve(pkg));
                Files.writeString(work.resolve(pkg).resolve("case.go"), withImports(c.source()));
                Path companion = STUBS.resolve("cases").resolve(c.name() + ".go");
                if (Files.isRegularFile(companion)) {
                    Files.copy(companion, work.resolve(pkg).resolve("decls.go"));
                }
                cases.put(pkg, c);
                ours.put(pkg, ours(diff));
            }
        }
        Map<String, String> broken = new LinkedHashMap<>();
        // an import no module provides stops a whole go build at load time, before anything compiles: leave such
        // packages out first, so that the build below reports the type errors of every remaining package
        String listed = exec(work, "go", "list", "-e", "-f", "{{.Name}} {{.Dir}} {{if .Error}}{{.Error}}{{end}}"
                + "{{range .DepsErrors}}{{.}}{{end}}", "./...").output;
        for (String line : listed.split("\n")) {
            String[] parts = line.strip().split(" ", 3);
            if (parts.length == 3 && !parts[2].isBlank()) {
                String pkg = Path.of(parts[1]).getFileName().toString();
                String why = parts[2].replaceFirst("^.*?case\\.go:", "case.go:").strip();
                broken.put(pkg, why.length() > 70 ? why.substring(0, 70) + "…" : why);
            }
        }
        List<String> loadable = cases.keySet().stream().filter(p -> !broken.containsKey(p)).map(p -> "./" + p).toList();
        for (String line : exec(work, concat(List.of("go", "build"), loadable)).output.split("\n")) {
            String pkg = packageOf(line);
            if (pkg != null && cases.containsKey(pkg) && !broken.containsKey(pkg)) {
                String t = line.strip();
                broken.put(pkg, t.length() > 70 ? t.substring(0, 70) + "…" : t);
            }
        }
        List<String> building = cases.keySet().stream().filter(p -> !broken.containsKey(p)).map(p -> "./" + p).toList();
        Map<String, List<String>> vet = building.isEmpty() ? Map.of()
                : byPackage(exec(work, concat(List.of("go", "vet"), building)).output);
        Map<String, List<String>> sc = staticcheck == null || building.isEmpty() ? Map.of()
                : byPackage(exec(work, concat(List.of(staticcheck, "-checks", "inherit,-U1000"), building)).output);
        List<Row> rows = new ArrayList<>();
        cases.forEach((pkg, c) -> rows.add(broken.containsKey(pkg)
                ? new Row(c, false, broken.get(pkg), ours.get(pkg), List.of(), List.of())
                : new Row(c, true, "", ours.get(pkg), vet.getOrDefault(pkg, List.of()),
                        sc.getOrDefault(pkg, List.of()))));
        print(rows, staticcheck);
        System.out.printf("%nWall time %.1f s; load average %s%n", (System.nanoTime() - started) / 1e9,
                Files.readString(Path.of("/proc/loadavg")).strip());
    }

    /**
     * Copies the stub modules into the scratch module and returns the go.mod lines that require them and replace
     * each with its local copy (a /vN module gets a vN version, as Go requires).
     */
    private static String stubModules(Path work) throws IOException {
        StringBuilder mod = new StringBuilder();
        Path modules = STUBS.resolve("modules");
        List<Path> goMods;
        try (Stream<Path> s = Files.walk(modules)) {
            goMods = s.filter(p -> p.getFileName().toString().equals("go.mod")).sorted().toList();
        }
        for (Path goMod : goMods) {
            Path dir = goMod.getParent();
            String module = modules.relativize(dir).toString().replace('\\', '/');
            Path target = work.resolve("stubs").resolve(module);
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    Path to = target.resolve(dir.relativize(p).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(p, to);
                }
            }
            Matcher major = Pattern.compile("/v(\\d+)$").matcher(module);
            String version = major.find() ? "v" + major.group(1) + ".0.0" : "v0.0.0";
            mod.append("\nrequire ").append(module).append(' ').append(version).append('\n')
                    .append("replace ").append(module).append(" => ./stubs/").append(module).append('\n');
        }
        return mod.toString();
    }

    private static String[] concat(List<String> head, List<String> tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(tail);
        return all.toArray(String[]::new);
    }

    /** The case package a tool's {@code dir/case.go:line:col: message} line is about (any file of it), or null. */
    private static String packageOf(String line) {
        Matcher m = Pattern.compile("^(?:\\./)?(?:.*/)?([A-Za-z0-9_]+)/\\w+\\.go:\\d+").matcher(line.strip());
        return m.find() ? m.group(1) : null;
    }

    /** True when a tool's line is about the case's own code, not the declarations the comparison added. */
    private static boolean inCase(String line) {
        return Pattern.compile("^(?:\\./)?(?:.*/)?[A-Za-z0-9_]+/case\\.go:\\d+").matcher(line.strip()).find();
    }

    private static Map<String, List<String>> byPackage(String output) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            String pkg = packageOf(line);
            Matcher m = PEER_LINE.matcher(line.strip());
            if (pkg != null && m.matches() && inCase(line)) {
                out.computeIfAbsent(pkg, k -> new ArrayList<>()).add(m.group(1) + ":" + m.group(3));
            }
        }
        return out;
    }

    private static Case read(Path diff) throws IOException {
        String name = diff.getFileName().toString().replaceFirst("\\.diff$", "");
        List<String> lines = Files.readAllLines(diff, StandardCharsets.UTF_8);
        String file = null;
        var source = new StringBuilder();
        boolean inHunk = false;
        for (String line : lines) {
            if (line.startsWith("+++ b/")) {
                if (file != null) {
                    throw new IOException(diff + ": more than one file; this comparison takes single-file cases");
                }
                file = line.substring(6);
            } else if (line.startsWith("@@")) {
                inHunk = true;
            } else if (inHunk && line.startsWith("+")) {
                source.append(line, 1, line.length()).append('\n');
            }
        }
        return new Case(name, diff, name.contains("-ok-"), file, source.toString());
    }

    /** Adds an import block for the standard-library packages the code qualifies names with. */
    static String withImports(String source) {
        var used = new TreeSet<String>();
        Matcher m = QUALIFIER.matcher(source.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`|//[^\n]*", "\"\""));
        while (m.find()) {
            String path = STDLIB.getOrDefault(m.group(1), STUBBED.get(m.group(1)));
            if (path != null && !source.contains("import")) {
                used.add(path);
            }
        }
        if (used.isEmpty()) {
            return source;
        }
        int eol = source.indexOf('\n');
        var block = new StringBuilder("\nimport (\n");
        used.forEach(p -> block.append('\t').append(p.contains(" ") ? p.replaceFirst(" (.*)", " \"$1\"")
                : "\"" + p + "\"").append('\n'));
        block.append(")\n");
        return source.substring(0, eol + 1) + block + source.substring(eol + 1);
    }

    /** The review's unsuppressed findings on one diff, run in this JVM (a JVM per case would dominate the run). */
    private static List<String> ours(Path diff) throws Exception {
        Reviews.Result r = Reviews.run(new Reviews.Request(Path.of("content"),
                new Reviews.DiffText(() -> Files.readAllBytes(diff)), Path.of("."), "added", List.of(), null,
                ChecklistItem.Severity.BLOCKER, Reviews.Format.JSON, "http://localhost:7070",
                Reviews.DEFAULT_MAX_ANNOTATIONS));
        JsonNode root = new ObjectMapper().readTree(r.text());
        List<String> out = new ArrayList<>();
        for (JsonNode f : root.path("findings")) {
            if (!f.path("suppressed").asBoolean()) {
                out.add(f.path("line").asInt() + ":" + f.path("rule").asText());
            }
        }
        return out;
    }

    private static void print(List<Row> rows, String staticcheck) {
        System.out.println("| case | kind | compiles | checklist review | go vet | " + (staticcheck == null ? "staticcheck (absent)" : staticcheck) + " |");
        System.out.println("|---|---|---|---|---|---|");
        Map<String, int[]> tally = new LinkedHashMap<>();
        for (String k : List.of("ours", "vet", "sc", "union", "oursOnUnion")) {
            tally.put(k, new int[2]);
        }
        int compilingDefects = 0;
        int compilingClean = 0;
        int defects = 0;
        int oursAll = 0;
        for (Row r : rows) {
            System.out.printf("| %s | %s | %s | %s | %s | %s |%n", r.c().name(), r.c().clean() ? "clean" : "defect",
                    r.compiles() ? "yes" : "no: " + r.why().replace('|', '/'),
                    cell(r.ours()), r.compiles() ? cell(r.vet()) : "-", r.compiles() ? cell(r.sc()) : "-");
            if (!r.c().clean()) {
                defects++;
                oursAll += r.ours().isEmpty() ? 0 : 1;
            }
            if (!r.compiles()) {
                continue;
            }
            int slot = r.c().clean() ? 1 : 0;
            if (r.c().clean()) {
                compilingClean++;
            } else {
                compilingDefects++;
            }
            boolean ours = !r.ours().isEmpty();
            boolean vet = !r.vet().isEmpty();
            boolean sc = !r.sc().isEmpty();
            tally.get("ours")[slot] += ours ? 1 : 0;
            tally.get("vet")[slot] += vet ? 1 : 0;
            tally.get("sc")[slot] += sc ? 1 : 0;
            tally.get("union")[slot] += vet || sc ? 1 : 0;
            tally.get("oursOnUnion")[slot] += (vet || sc) && ours ? 1 : 0;
        }
        System.out.println();
        System.out.printf("Go cases: %d (%d defects); %d compile offline with the stubs (%d defects, %d clean).%n",
                rows.size(), defects, compilingDefects + compilingClean, compilingDefects, compilingClean);
        System.out.printf("Checklist review on all Go defect cases: %d of %d flagged.%n", oursAll, defects);
        System.out.printf("On the compiling cases: defects caught / clean cases flagged%n");
        System.out.printf("  checklist review: %d/%d, %d/%d%n", tally.get("ours")[0], compilingDefects, tally.get("ours")[1], compilingClean);
        System.out.printf("  go vet:           %d/%d, %d/%d%n", tally.get("vet")[0], compilingDefects, tally.get("vet")[1], compilingClean);
        System.out.printf("  staticcheck:      %d/%d, %d/%d%n", tally.get("sc")[0], compilingDefects, tally.get("sc")[1], compilingClean);
        System.out.printf("  union of peers:   %d/%d; of those, the checklist review catches %d%n",
                tally.get("union")[0], compilingDefects, tally.get("oursOnUnion")[0]);
    }

    private static String cell(List<String> findings) {
        return findings.isEmpty() ? "—" : String.join("<br>", findings).replace('|', '/');
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private record Result(int code, String output) {
    }

    private static Result exec(Path dir, String... command) throws IOException, InterruptedException {
        var pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GOFLAGS", "-mod=mod");
        pb.environment().put("GOPROXY", "off");
        // nothing may touch the network: no checksum database, no workspace from the caller's environment
        pb.environment().put("GOSUMDB", "off");
        pb.environment().put("GONOSUMDB", "*");
        pb.environment().put("GOWORK", "off");
        pb.environment().put("GOTOOLCHAIN", "local");
        // A build cache that outlives the run: a second run only re-analyses, it does not recompile the standard library.
        pb.environment().putIfAbsent("GOCACHE", System.getProperty("java.io.tmpdir") + "/kb-go-peers-cache");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
