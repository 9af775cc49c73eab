package kb.review.peers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * staticcheck with {@code -f json}: one JSON object a line on stdout. Results whose code is
 * {@code compile} mean the package did not type-check. U1000 ("unused") is left out: in a change
 * under review it mostly flags code whose caller is in another change, and no checklist item
 * covers it.
 */
final class StaticcheckTool implements PeerTool {
    private final String executable;

    StaticcheckTool(String executable) {
        this.executable = executable;
    }

    @Override
    public String name() {
        return "staticcheck";
    }

    @Override
    public List<String> command() {
        return List.of(executable, "-f", "json", "-checks", "inherit,-U1000");
    }

    @Override
    public Parsed parse(String stdout, String stderr) throws IOException {
        List<Diagnostic> out = new ArrayList<>();
        String failure = null;
        for (String line : stdout.split("\n")) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode r = GoPeers.readTree(line);
            String code = r.path("code").asText();
            JsonNode at = r.path("location");
            if (code.equals("compile")) {
                failure = failure == null ? PeerTool.firstLine(r.path("message").asText()) : failure;
                continue;
            }
            String position = at.path("file").asText() + ":" + at.path("line").asInt() + ":" + at.path("column").asInt();
            out.add(new Diagnostic(position, code, r.path("message").asText()));
        }
        if (out.isEmpty() && failure == null && !stderr.isBlank()) {
            failure = PeerTool.firstLine(stderr);
        }
        return new Parsed(out, failure);
    }
}
