package kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code review --go-peers} on a real Go module with the shipped rules: go vet's and staticcheck's results
 * arrive as findings on checklist items, labelled with the tool (Debian's golang-go and go-staticcheck).
 */
class ReviewGoPeersTest {
    private static final Path CONTENT = Path.of("content").toAbsolutePath();

    @TempDir
    Path repo;

    private String[] review(String... extra) {
        List<String> args = new ArrayList<>(List.of("--repo", repo.toString(), "--files", repo.resolve("store").toString(),
                "--format", "json", "--fail-level", "blocker", "--content", CONTENT.toString()));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ReviewCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args.toArray(String[]::new));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void go_vet_and_staticcheck_results_are_folded_in_as_findings_of_the_checklist_items_they_map_to() throws Exception {
        Files.writeString(repo.resolve("go.mod"), "module example.com/shop\n\ngo 1.19\n");
        Files.createDirectories(repo.resolve("store"));
        // A cancel behind an early return, and a Close deferred before the error check: both peers' territory.
        Files.copy(Path.of("web/src/test/resources/review/peers/load.go"), repo.resolve("store/load.go"));

        String[] with = review("--go-peers");
        JsonNode json = new ObjectMapper().readTree(with[1]);
        List<String> peers = new ArrayList<>();
        for (JsonNode f : json.path("findings")) {
            if (!f.path("origin").asText().equals("kb")) {
                peers.add(f.path("origin").asText() + " " + f.path("rule").asText() + " " + f.path("item").asText() + "@"
                        + f.path("line").asInt());
            }
        }
        assertTrue(peers.contains("go vet lostcancel TMO-03@10"), peers + "\n" + with[2]);
        assertTrue(peers.contains("staticcheck SA5001 RES-01@16"), peers + "\n" + with[2]);
        assertTrue(with[2].contains("review: go vet: "), with[2]);

        String[] without = review();
        JsonNode plain = new ObjectMapper().readTree(without[1]);
        for (JsonNode f : plain.path("findings")) {
            assertEquals("kb", f.path("origin").asText(), "no peer runs unless asked: " + f);
        }
        assertEquals("", without[2].strip());
    }

    @Test
    void a_pasted_diff_cannot_give_the_peers_a_package_and_the_review_says_so() throws Exception {
        Path diff = repo.resolve("c.diff");
        Files.writeString(diff, "--- a/a.go\n+++ b/a.go\n@@ -1 +1,2 @@\n package a\n+var x = 1\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ReviewCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("--diff", diff.toString(), "--go-peers", "--content", CONTENT.toString());
        assertEquals(0, code, err.toString());
        assertTrue(err.toString().contains("go vet and staticcheck need a checkout"), err.toString());
    }
}
