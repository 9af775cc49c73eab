package kb.review.rules;

import java.util.List;
import java.util.regex.Pattern;

/**
 * When a change should put a checklist item in front of the reviewer: a changed path matching one of
 * {@code paths}, or an added line matching one of {@code addedLines}. Either list may be empty.
 *
 * @param prompt the question the reviewer answers
 */
public record ManualTrigger(String item, String prompt, List<Glob> paths, List<Pattern> addedLines, String source) {
}
