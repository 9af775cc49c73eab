package kb.review.rules;

import kb.review.diff.Language;
import kb.review.diff.TreeSitter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.treesitter.TSQuery;

/**
 * All tree-sitter rules of one language compiled into a single query, so a file's tree is walked once rather than
 * once per rule (the walk, not the matching, is what costs). Each pattern remembers the rule it came from.
 */
public final class QuerySet {

    public final TSQuery query;
    private final Rule[] ruleOfPattern;

    private QuerySet(TSQuery query, Rule[] ruleOfPattern) {
        this.query = query;
        this.ruleOfPattern = ruleOfPattern;
    }

    public Rule rule(int patternIndex) {
        return ruleOfPattern[patternIndex];
    }

    static Map<Language, QuerySet> of(List<Rule> rules) {
        Map<Language, QuerySet> out = new EnumMap<>(Language.class);
        for (Language lang : List.of(Language.GO, Language.JAVA)) {
            StringBuilder text = new StringBuilder();
            List<Rule> owners = new ArrayList<>();
            for (Rule r : rules) {
                if (r.matcher() instanceof Rule.QueryMatcher q && q.language() == lang) {
                    text.append(q.text()).append('\n');
                    for (int i = 0; i < q.query().getPatternCount(); i++) {
                        owners.add(r);
                    }
                }
            }
            if (!owners.isEmpty()) {
                TSQuery combined = new TSQuery(TreeSitter.grammar(lang), text.toString());
                if (combined.getPatternCount() != owners.size()) {
                    throw new IllegalStateException("combined " + lang + " query has " + combined.getPatternCount()
                            + " patterns, expected " + owners.size());
                }
                out.put(lang, new QuerySet(combined, owners.toArray(new Rule[0])));
            }
        }
        return out;
    }
}
