package kb.review.peers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code go vet -json}: one JSON object per package on stderr, after a {@code # package} line,
 * mapping analyser names (lostcancel, httpresponse...) to positioned results. It exits 0 with
 * results and non-zero when a package does not build.
 */
final class VetTool implements PeerTool {
    private final String go;

    VetTool(String go) {
        this.go = go;
    }

    @Override
    public String name() {
        return "go vet";
    }

    @Override
    public List<String> command() {
        return List.of(go, "vet", "-json");
    }

    @Override
    public Parsed parse(String stdout, String stderr) throws IOException {
        List<Diagnostic> out = new ArrayList<>();
        String failure = null;
        var json = new StringBuilder();
        int depth = 0;
        for (String line : stderr.split("\n")) {
            if (depth == 0 && !line.startsWith("{")) {
                if (!line.isBlank() && !line.startsWith("#") && failure == null) {
                    failure = PeerTool.firstLine(line);
                }
                continue;
            }
            json.append(line).append('\n');
            depth += count(line, '{') - count(line, '}');
            if (depth == 0) {
                read(GoPeers.readTree(json.toString()), out);
                json.setLength(0);
            }
        }
        return new Parsed(out, failure);
    }

    private static void read(JsonNode packages, List<Diagnostic> out) {
        for (JsonNode analysers : packages) {
            analysers.fields().forEachRemaining(e -> {
                if (e.getValue().isArray()) {
                    for (JsonNode r : e.getValue()) {
                        out.add(new Diagnostic(r.path("posn").asText(), e.getKey(), r.path("message").asText()));
                    }
                } else if (e.getValue().has("error")) {
                    out.add(new Diagnostic("", e.getKey(), e.getValue().path("error").asText()));
                }
            });
        }
    }

    private static int count(String s, char c) {
        int n = 0;
        boolean inString = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && inString) {
                i++;
            } else if (ch == '"') {
                inString = !inString;
            } else if (!inString && ch == c) {
                n++;
            }
        }
        return n;
    }
}
