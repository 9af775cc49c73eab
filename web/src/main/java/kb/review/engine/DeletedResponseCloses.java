package kb.review.engine;

import java.util.List;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;
import kb.review.diff.SourceFile;

/**
 * For {@link RemovedReleases}: a deleted Java {@code v.close()} whose value the hunk shows acquired as an HTTP
 * response (an OkHttp {@code client.newCall(req).execute()}, an Apache {@code httpClient.execute(req)}, a value
 * declared {@code Response}, {@code CloseableHttpResponse}, {@code ClassicHttpResponse} or
 * {@code ClientHttpResponse}). Such a leak is RES-02's ("close every HTTP response body, on every status code"), not
 * the general RES-01: the response pins its pooled connection until closed. The finding is sure (high confidence)
 * when the block the close was deleted from goes on with {@code continue}: the loop comes round to the acquisition
 * and overwrites the variable with the next attempt's response, so nothing later in the method can close the one
 * dropped, which is a retry loop leaking one connection per refused attempt (round 25's java-05). Without the
 * {@code continue}, the item changes but the confidence stays the removed release's (the close may have moved where
 * the diff does not show).
 */
final class DeletedResponseCloses {

    /** The item and confidence a deleted response close is reported with. */
    record Verdict(String item, Finding.Confidence confidence) {
    }

    /** An acquisition of an HTTP response, as java-libraries.yaml's http-client-response entry names them. */
    private static final Pattern RESPONSE = Pattern.compile(
            "\\.newCall\\(.*\\)\\s*\\.execute\\(\\s*\\)|(?i:\\b(?:httpClient|http|client))\\.execute\\("
                    // session 54 (res54): any type named for a response (Jersey's and Spring WebClient's
                    // `ClientResponse`, a project's `RestResponse`): a value of it whose close the change deletes is
                    // closeable, and a closeable response pins its connection (RES-02)
                    + "|^\\s*(?:final\\s+)?(?:[\\w.]+\\.)?\\w*Response(?:<[^=]*>)?\\s+\\w+\\s*=");
    private static final Pattern CONTINUE = Pattern.compile("^\\s*continue\\s*(?:\\w+\\s*)?;");
    private static final Pattern END = Pattern.compile("^\\s*(?:\\}|return\\b|throw\\b|break\\b)");

    private DeletedResponseCloses() {
    }

    /**
     * True when a sure verdict meets a low-confidence finding of the same item on the acquisition: the deleted close
     * is the firmer evidence, and takes that finding's place (see {@link #supersede}).
     */
    static boolean surer(Verdict verdict, Finding other) {
        return verdict.confidence() == Finding.Confidence.HIGH && other.confidence() == Finding.Confidence.LOW;
    }

    /**
     * Removes from {@code kept} each low-confidence finding that a sure deleted-response-close finding of
     * {@code releases} reports on the same path, line and item: one finding per defect, at the firmer confidence.
     */
    static void supersede(List<Finding> kept, List<Finding> releases) {
        for (Finding r : releases) {
            if (r.rule().equals(RemovedReleases.RULE) && r.item().equals("RES-02")
                    && r.confidence() == Finding.Confidence.HIGH) {
                kept.removeIf(k -> k.path().equals(r.path()) && k.line() == r.line() && k.item().equals(r.item())
                        && k.confidence() == Finding.Confidence.LOW);
            }
        }
    }

    /**
     * The verdict for a Java {@code value.close()} deleted at {@code removed}, whose value is acquired at the new line
     * {@code acquired} of the same hunk; null when that line acquires no HTTP response (the removed release's RES-01).
     * Without the acquisition in the hunk, the value's name decides (session 42: round 62's java-19, an OkHttp
     * response closed in a deleted finally, its call above the hunk).
     */
    static Verdict judge(SourceFile file, List<DiffLine> lines, int removed, int acquired, String value) {
        if (acquired <= 0 || !file.known(acquired)) {
            // the acquisition out of sight: a value named as responses are is one (`response`, `httpResponse`)
            return HelperReleases.responseNamed(value) ? new Verdict("RES-02", Finding.Confidence.LOW) : null;
        }
        if (!RESPONSE.matcher(file.line(acquired)).find()
                || !file.line(acquired).contains(value)) {
            return null;
        }
        for (int j = removed + 1; j < lines.size(); j++) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED || l.text().isBlank()) {
                continue;
            }
            if (CONTINUE.matcher(l.text()).find()) {
                return new Verdict("RES-02", Finding.Confidence.HIGH);
            }
            if (END.matcher(l.text()).find()) {
                break;
            }
        }
        return new Verdict("RES-02", Finding.Confidence.LOW);
    }
}
