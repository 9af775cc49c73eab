package kb.review.engine;

import kb.review.rules.Catalog;
import kb.review.rules.ImportMapping;
import kb.review.rules.RuleBook;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kb.format.ChecklistItem.Severity;

/**
 * Reads other analysers' SARIF 2.1.0 logs (PMD, SpotBugs, Error Prone, golangci-lint, staticcheck, gosec...) and maps
 * their results onto checklist items with the rule book's {@code imports} mappings, so that teams keep their linters
 * and gain the links to the checklist and the incidents. Results no mapping covers are counted, not kept.
 */
public final class SarifImport {

    /** Mapped findings and the number of results that mapped to no checklist item. */
    public record Result(List<Finding> findings, int unmapped) {

        public static Result none() {
            return new Result(List.of(), 0);
        }

        Result plus(Result other) {
            List<Finding> all = new ArrayList<>(findings);
            all.addAll(other.findings);
            return new Result(all, unmapped + other.unmapped);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private SarifImport() {
    }

    /**
     * @param repoRoot absolute artifact URIs under this folder are made relative to it; may be null
     * @throws IOException naming the file (and line, for malformed JSON) that cannot be read
     */
    public static Result read(List<Path> files, RuleBook book, Path repoRoot) throws IOException {
        Result all = Result.none();
        for (Path p : files) {
            if (!Files.isRegularFile(p)) {
                throw new IOException(p + ": no such file (--import names another analyser's SARIF log)");
            }
            all = all.plus(parse(text(Files.readAllBytes(p)), p.toString(), book, repoRoot));
        }
        return all;
    }

    /**
     * A SARIF file's text: UTF-8 without its byte-order mark, or UTF-16 when it starts with that mark, as Windows
     * tools (PowerShell's redirection) write it.
     */
    static String text(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        String s = new String(b, StandardCharsets.UTF_8);
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    static Result parse(String json, String name, RuleBook book, Path repoRoot) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new IOException(name + ":" + line + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.path("runs").isArray()) {
            throw new IOException(name + ": not a SARIF log (no 'runs' array)");
        }
        List<Finding> out = new ArrayList<>();
        int unmapped = 0;
        for (JsonNode run : root.path("runs")) {
            String tool = run.path("tool").path("driver").path("name").asText("unknown");
            for (JsonNode r : run.path("results")) {
                String ruleId = r.path("ruleId").asText(r.path("rule").path("id").asText(""));
                String text = r.path("message").path("text").asText("");
                ImportMapping map = book.imports().stream().filter(m -> m.matches(tool, ruleId, text)).findFirst()
                        .orElse(null);
                JsonNode loc = r.path("locations").path(0).path("physicalLocation");
                String uri = loc.path("artifactLocation").path("uri").asText("");
                if (map == null || uri.isEmpty()) {
                    unmapped++;
                    continue;
                }
                JsonNode region = loc.path("region");
                out.add(new Finding(ruleId, map.item(), severity(book, map.item(), r.path("level").asText("warning")),
                        path(uri, repoRoot), Math.max(1, region.path("startLine").asInt(1)),
                        Math.max(1, region.path("startColumn").asInt(1)), "",
                        "[" + tool + " " + ruleId + "] " + text, Finding.Confidence.HIGH, null,
                        tool.toLowerCase(Locale.ROOT), null));
            }
        }
        return new Result(out, unmapped);
    }

    private static Severity severity(RuleBook book, String item, String level) {
        return book.catalog().item(item).map(Catalog.Item::severity).orElseGet(() -> switch (level) {
            case "error" -> Severity.BLOCKER;
            case "note", "none" -> Severity.ADVICE;
            default -> Severity.WARNING;
        });
    }

    static String path(String uri, Path repoRoot) {
        String p = uri;
        if (p.startsWith("file:")) {
            try {
                p = Path.of(URI.create(p)).toString();
            } catch (IllegalArgumentException e) {
                p = p.replaceFirst("^file:/*", "/");
            }
        } else {
            p = URLDecoder.decode(p.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        p = p.replace('\\', '/');
        if (repoRoot != null && p.startsWith("/")) {
            String root = repoRoot.toAbsolutePath().normalize().toString().replace('\\', '/');
            if (p.startsWith(root + "/")) {
                p = p.substring(root.length() + 1);
            }
        }
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p;
    }
}
