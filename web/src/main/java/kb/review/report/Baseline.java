package kb.review.report;

import kb.review.engine.Finding;
import kb.review.engine.Review;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An earlier run's SARIF output used to adopt the review on an existing code base: findings whose fingerprint
 * ({@code partialFingerprints.kbFinding/v1}: file, detector and code, not the line) is in the baseline are hidden,
 * so only what a change adds is reported, however far the old code moved.
 */
public final class Baseline {

    private final Set<String> fingerprints;

    private Baseline(Set<String> fingerprints) {
        this.fingerprints = fingerprints;
    }

    /**
     * Reads the fingerprints of every result of every run in {@code file}.
     *
     * @throws IOException when the file cannot be read or is not SARIF (the message names the file)
     */
    public static Baseline read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file (--baseline names an earlier run's SARIF output)");
        }
        JsonNode root;
        try {
            // bytes, not a string: Jackson reads a byte-order mark and UTF-16, as Windows tools write SARIF
            root = SarifReport.JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IOException(file + ": not a SARIF file: " + e.getMessage(), e);
        }
        if (!root.path("runs").isArray()) {
            throw new IOException(file + ": not a SARIF file: no 'runs' array");
        }
        Set<String> out = new HashSet<>();
        for (JsonNode run : root.path("runs")) {
            for (JsonNode r : run.path("results")) {
                String fp = r.path("partialFingerprints").path(SarifReport.FINGERPRINT).asText("");
                if (!fp.isEmpty()) {
                    out.add(fp);
                }
            }
        }
        return new Baseline(out);
    }

    /** The review without the findings the baseline already holds; {@code hidden} gets how many were dropped. */
    public Review apply(Review review, int[] hidden) {
        List<Finding> kept = new ArrayList<>();
        for (Finding f : review.findings()) {
            if (fingerprints.contains(SarifReport.fingerprint(f))) {
                hidden[0]++;
            } else {
                kept.add(f);
            }
        }
        return new Review(review.mode(), review.files(), kept, review.manual(), review.unmappedImports(),
                review.testFiles(), review.foreignFiles());
    }
}
