package kb.review.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kb.format.YamlTree;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A model key that holds a list of regexes ({@code round-trips:}, {@code polls:}, a Go file's {@code per-event:}):
 * every mistake is reported at its entry's line: not a list, an empty or non-text entry, an invalid regex, or a
 * pattern that matches the empty text or all of a few unrelated samples (it would name nothing in particular).
 */
final class PatternLists {

    /** One valid pattern and the node it was read from (for its line). */
    record Entry(Pattern pattern, Node node) {
    }

    private PatternLists() {
    }

    /**
     * The valid patterns under {@code key}; {@code noun} names what they are in errors ("callee patterns"),
     * {@code label} starts the error of a pattern matching all of {@code every}, which {@code everyError} ends.
     */
    static List<Entry> read(YamlTree y, Map<String, Node> top, String key, String noun, String label,
                            List<String> every, String everyError) {
        Node list = top.get(key);
        if (list == null) {
            return List.of();
        }
        if (!(list instanceof SequenceNode seq)) {
            y.error(list, "'" + key + "' must be a list of " + noun);
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (!(item instanceof ScalarNode s) || s.getValue().isBlank()) {
                y.error(item, "'" + key + "' entries must be non-empty " + noun);
                continue;
            }
            List<Pattern> one = new ArrayList<>(1);
            Models.addPattern(y, item, s.getValue(), one);
            if (one.isEmpty()) {
                continue;
            }
            Pattern p = one.get(0);
            if (p.matcher("").find() || every.stream().allMatch(e -> p.matcher(e).find())) {
                y.error(item, label + " pattern '" + s.getValue() + "' " + everyError);
                continue;
            }
            out.add(new Entry(p, item));
        }
        return out;
    }
}
