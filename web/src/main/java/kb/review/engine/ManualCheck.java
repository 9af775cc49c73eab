package kb.review.engine;

/**
 * A checklist item the reviewer must judge because the change touches what it is about.
 *
 * @param reason what triggered it, e.g. {@code pom.xml changed} or {@code api/client.go:42 adds "http.Client"}
 */
public record ManualCheck(String item, String prompt, String reason) {
}
