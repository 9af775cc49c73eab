package kb.review.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Go's own analysers, {@code go vet} and staticcheck, on the packages a change touches, and
 * writes what they report as SARIF logs, so the review folds them in through the same import
 * mapping as any other analyser's SARIF ({@code content/rules/imports.yaml}), labelled with the
 * tool's name.
 *
 * <p>Both are optional: a tool that is not on the PATH, a package that does not build (missing
 * modules are never fetched: {@code GOPROXY=off}), or a run that takes too long ends in a note,
 * never in a failed review.
 */
public final class GoPeers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern POSITION = Pattern.compile("^(.*\\.go):(\\d+)(?::(\\d+))?$");
    private static final int OUTPUT_CAP = 8 << 20;

    /** What the peers produced: SARIF files to import, and one note per tool that ran or did not. */
    public record Outcome(List<Path> sarif, List<String> notes) {
    }

    private final Map<String, String> environment;
    private final Duration limit;

    /**
     * @param environment the caller's environment (for PATH, GOPATH, GOCACHE...); network access
     *                    for modules is switched off whatever it says
     * @param limit       how long one tool may run on one module
     */
    public GoPeers(Map<String, String> environment, Duration limit) {
        this.environment = environment;
        this.limit = limit;
    }

    /**
     * Analyses the Go packages of {@code changedFiles} (paths relative to {@code repoRoot}) and
     * writes one SARIF file per tool that ran into {@code scratch}.
     */
    public Outcome run(Path repoRoot, Collection<String> changedFiles, Path scratch) throws IOException {
        Map<Path, TreeSet<String>> packagesByModule = packages(repoRoot.toAbsolutePath().normalize(), changedFiles);
        List<Path> sarif = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (packagesByModule.isEmpty()) {
            return new Outcome(sarif, notes);
        }
        String go = Executables.find("go", environment);
        if (go == null) {
            notes.add("go vet not run: no go on the PATH");
        } else {
            peer(new VetTool(go), repoRoot, packagesByModule, scratch, sarif, notes);
        }
        String staticcheck = Executables.find("staticcheck", environment);
        if (staticcheck == null) {
            staticcheck = Executables.find("go-staticcheck", environment);
        }
        if (staticcheck != null) {
            peer(new StaticcheckTool(staticcheck), repoRoot, packagesByModule, scratch, sarif, notes);
        }
        return new Outcome(sarif, notes);
    }

    private void peer(PeerTool tool, Path repoRoot, Map<Path, TreeSet<String>> packagesByModule, Path scratch,
                      List<Path> sarif, List<String> notes) throws IOException {
        List<PeerTool.Diagnostic> all = new ArrayList<>();
        int failed = 0;
        for (var e : packagesByModule.entrySet()) {
            Path module = e.getKey();
            List<String> command = new ArrayList<>(tool.command());
            e.getValue().forEach(command::add);
            Ran ran = exec(module, command);
            if (ran.timedOut) {
                notes.add(tool.name() + " stopped after " + limit.toSeconds() + " s in " + display(repoRoot, module));
                failed++;
                continue;
            }
            PeerTool.Parsed parsed = tool.parse(ran.stdout, ran.stderr);
            if (parsed.failure() != null) {
                notes.add(tool.name() + " could not analyse " + display(repoRoot, module) + ": " + parsed.failure());
                failed++;
            }
            all.addAll(parsed.diagnostics());
        }
        if (failed < packagesByModule.size()) {
            notes.add(tool.name() + ": " + all.size() + " result(s) on " + packageCount(packagesByModule) + " package(s)");
        }
        Path file = scratch.resolve(tool.name().replace(' ', '-') + ".sarif");
        Files.writeString(file, sarif(tool.name(), all, repoRoot.toAbsolutePath().normalize()), StandardCharsets.UTF_8);
        sarif.add(file);
    }

    /** Changed Go files → package directories ("./a/b"), grouped by the module (go.mod) that holds them. */
    static Map<Path, TreeSet<String>> packages(Path root, Collection<String> changedFiles) {
        Map<Path, TreeSet<String>> out = new TreeMap<>();
        for (String f : changedFiles) {
            if (!f.endsWith(".go")) {
                continue;
            }
            Path file = root.resolve(f).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                continue; // deleted in the change, or outside the checkout
            }
            Path dir = file.getParent();
            Path module = dir;
            while (module != null && module.startsWith(root) && !Files.isRegularFile(module.resolve("go.mod"))) {
                module = module.getParent();
            }
            if (module == null || !module.startsWith(root)) {
                continue;
            }
            String rel = module.relativize(dir).toString().replace('\\', '/');
            out.computeIfAbsent(module, m -> new TreeSet<>()).add(rel.isEmpty() ? "." : "./" + rel);
        }
        return out;
    }

    /** The diagnostics as a SARIF 2.1.0 log whose driver is the tool, with paths relative to the checkout. */
    static String sarif(String toolName, List<PeerTool.Diagnostic> diagnostics, Path root) throws IOException {
        ObjectNode log = JSON.createObjectNode();
        log.put("version", "2.1.0");
        log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", toolName);
        ArrayNode rules = driver.putArray("rules");
        new TreeSet<>(diagnostics.stream().map(PeerTool.Diagnostic::rule).toList())
                .forEach(id -> rules.addObject().put("id", id));
        ArrayNode results = run.putArray("results");
        for (PeerTool.Diagnostic d : diagnostics) {
            Matcher m = POSITION.matcher(d.position());
            if (!m.matches()) {
                continue;
            }
            Path file = Path.of(m.group(1)).toAbsolutePath().normalize();
            if (!file.startsWith(root)) {
                continue;
            }
            ObjectNode r = results.addObject();
            r.put("ruleId", d.rule());
            r.put("level", "warning");
            r.putObject("message").put("text", d.message());
            ObjectNode loc = r.putArray("locations").addObject().putObject("physicalLocation");
            loc.putObject("artifactLocation").put("uri", root.relativize(file).toString().replace('\\', '/'));
            ObjectNode region = loc.putObject("region");
            region.put("startLine", Integer.parseInt(m.group(2)));
            if (m.group(3) != null) {
                region.put("startColumn", Integer.parseInt(m.group(3)));
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(log);
    }

    private record Ran(String stdout, String stderr, boolean timedOut) {
    }

    private Ran exec(Path dir, List<String> command) throws IOException {
        var pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(environment);
        // Never reach out to the network for a module; a package that needs one is reported as not built.
        pb.environment().put("GOPROXY", "off");
        // The go command's own default, -mod=readonly, is kept on purpose: a review must never rewrite the
        // checkout's go.mod or go.sum, which -mod=mod may do.
        pb.environment().put("GOTOOLCHAIN", "local");
        Process p = pb.start();
        var out = Executables.drain(p.getInputStream(), OUTPUT_CAP);
        var err = Executables.drain(p.getErrorStream(), OUTPUT_CAP);
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new Ran("", "", true);
            }
            return new Ran(out.get(), err.get(), false);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + command.get(0) + " ran", e);
        }
    }

    private static int packageCount(Map<Path, TreeSet<String>> packagesByModule) {
        return packagesByModule.values().stream().mapToInt(TreeSet::size).sum();
    }

    private static String display(Path root, Path module) {
        String rel = root.toAbsolutePath().normalize().relativize(module).toString();
        return rel.isEmpty() ? "the module at the checkout's root" : rel;
    }

    /** Reads staticcheck's JSON lines or go vet's JSON tree; shared by the tool adapters. */
    static JsonNode readTree(String json) throws IOException {
        return JSON.readTree(json);
    }
}
