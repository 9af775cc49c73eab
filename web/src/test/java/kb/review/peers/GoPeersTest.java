package kb.review.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real go vet and staticcheck (Debian's golang-go and go-staticcheck) on scratch modules. */
class GoPeersTest {
    /** A cancel behind an early return (go vet: lostcancel) and a Close deferred before the error check (SA5001). */
    static final Path LEAKY = Path.of("web/src/test/resources/review/peers/load.go");

    @TempDir
    Path repo;
    @TempDir
    Path scratch;

    private final GoPeers peers = new GoPeers(System.getenv(), Duration.ofSeconds(120));

    private void module(String dir) throws IOException {
        Files.createDirectories(repo.resolve(dir));
        Files.writeString(repo.resolve(dir).resolve("go.mod"), "module example.com/m\n\ngo 1.19\n");
    }

    private static List<String> results(Path sarif) throws IOException {
        JsonNode run = new ObjectMapper().readTree(sarif.toFile()).path("runs").path(0);
        List<String> out = new ArrayList<>();
        for (JsonNode r : run.path("results")) {
            JsonNode loc = r.path("locations").path(0).path("physicalLocation");
            out.add(run.path("tool").path("driver").path("name").asText() + " " + r.path("ruleId").asText() + " "
                    + loc.path("artifactLocation").path("uri").asText() + ":" + loc.path("region").path("startLine").asInt());
        }
        return out;
    }

    @Test
    void changed_go_files_are_grouped_into_packages_of_the_module_that_holds_them() throws IOException {
        module("svc");
        Files.createDirectories(repo.resolve("svc/internal/db"));
        Files.writeString(repo.resolve("svc/main.go"), "package main\n");
        Files.writeString(repo.resolve("svc/internal/db/db.go"), "package db\n");
        Files.writeString(repo.resolve("loose.go"), "package loose\n");
        var packages = GoPeers.packages(repo.toAbsolutePath().normalize(),
                List.of("svc/main.go", "svc/internal/db/db.go", "svc/gone.go", "loose.go", "README.md", "../escape.go"));
        assertEquals(Map.of(repo.toAbsolutePath().normalize().resolve("svc"), new java.util.TreeSet<>(Set.of(".", "./internal/db"))),
                packages, "deleted, non-Go, out-of-module and outside files are not analysed");
    }

    @Test
    void go_vet_and_staticcheck_results_become_sarif_with_paths_relative_to_the_checkout() throws IOException {
        module("svc");
        Files.createDirectories(repo.resolve("svc/store"));
        Files.copy(LEAKY, repo.resolve("svc/store/load.go"));
        String goMod = Files.readString(repo.resolve("svc/go.mod"));
        GoPeers.Outcome outcome = peers.run(repo, List.of("svc/store/load.go"), scratch);
        assertEquals(goMod, Files.readString(repo.resolve("svc/go.mod")), "the review never rewrites the checkout's go.mod");
        assertTrue(Files.notExists(repo.resolve("svc/go.sum")), "nor writes a go.sum into it");
        assertEquals(2, outcome.sarif().size(), outcome.notes()::toString);
        List<String> vet = results(outcome.sarif().get(0));
        List<String> staticcheck = results(outcome.sarif().get(1));
        assertTrue(vet.contains("go vet lostcancel svc/store/load.go:10"), vet::toString);
        assertTrue(staticcheck.contains("staticcheck SA5001 svc/store/load.go:16"), staticcheck::toString);
        assertTrue(staticcheck.stream().noneMatch(r -> r.contains("U1000")), staticcheck::toString);
        assertTrue(outcome.notes().stream().anyMatch(n -> n.startsWith("go vet: 2 result(s) on 1 package(s)")), outcome.notes()::toString);
    }

    @Test
    void a_package_that_does_not_build_is_a_note_and_never_a_failure() throws IOException {
        module(".");
        Files.writeString(repo.resolve("broken.go"), "package broken\n\nfunc f() { undefinedCall() }\n");
        GoPeers.Outcome outcome = peers.run(repo, List.of("broken.go"), scratch);
        assertTrue(outcome.notes().stream().anyMatch(n -> n.startsWith("go vet could not analyse") && n.contains("undefinedCall")),
                outcome.notes()::toString);
        for (Path sarif : outcome.sarif()) {
            assertEquals(List.of(), results(sarif));
        }
    }

    @Test
    void without_go_on_the_path_the_review_goes_on_and_says_why() throws IOException {
        module(".");
        Files.writeString(repo.resolve("a.go"), "package a\n");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", scratch.toString());
        GoPeers.Outcome outcome = new GoPeers(env, Duration.ofSeconds(30)).run(repo, List.of("a.go"), scratch);
        assertEquals(List.of(), outcome.sarif());
        assertEquals(List.of("go vet not run: no go on the PATH"), outcome.notes());
    }

    @Test
    void a_change_without_go_files_runs_nothing() throws IOException {
        GoPeers.Outcome outcome = peers.run(repo, List.of("src/Main.java", "README.md"), scratch);
        assertEquals(List.of(), outcome.sarif());
        assertEquals(List.of(), outcome.notes());
    }
}
