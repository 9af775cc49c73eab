package kb.search;

import java.util.List;

/**
 * An incident related to another one, with why, strongest reason first
 * ("also RES-02", "same service user-service", "similar text").
 */
public record Related(String id, String title, String severity, double score, List<String> reasons) {
}
