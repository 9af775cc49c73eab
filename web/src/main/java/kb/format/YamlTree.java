package kb.format;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kb.format.Problem;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads YAML as a tree of nodes that remember their line, so that rule-file errors can name the line. Every
 * accessor records a {@link Problem} instead of throwing, letting one pass report every mistake in a file.
 */
public final class YamlTree {

    private final List<Problem> problems = new ArrayList<>();

    public List<Problem> problems() {
        return problems;
    }

    /** The document's root node, or null (with a problem recorded) when the text is not YAML. */
    public Node parse(String text) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            problems.add(Problem.at(line, "not valid YAML: " + e.getProblem()));
        } catch (RuntimeException e) {
            problems.add(Problem.at(1, "not valid YAML: " + e.getMessage()));
        }
        return null;
    }

    public static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }

    public void error(Node at, String message) {
        problems.add(Problem.at(at == null ? 1 : line(at), message));
    }

    /** The mapping's entries by key (in file order), or null when {@code n} is not a mapping. */
    public Map<String, Node> mapping(Node n, String what, Set<String> allowedKeys) {
        if (!(n instanceof MappingNode m)) {
            error(n, what + " must be a mapping");
            return null;
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null || !allowedKeys.contains(key)) {
                error(t.getKeyNode(), "unknown key '" + key + "' in " + what + "; allowed: "
                        + String.join(", ", allowedKeys.stream().sorted().toList()));
                continue;
            }
            if (out.containsKey(key)) {
                error(t.getKeyNode(), "duplicate key '" + key + "' in " + what);
            }
            out.put(key, t.getValueNode());
        }
        return out;
    }

    public String string(Map<String, Node> map, String key, Node owner, boolean required) {
        Node n = map.get(key);
        if (n == null) {
            if (required) {
                error(owner, "missing required key '" + key + "'");
            }
            return null;
        }
        if (!(n instanceof ScalarNode s) || s.getValue().isBlank()) {
            error(n, "'" + key + "' must be a non-empty text");
            return null;
        }
        return s.getValue();
    }

    /** A list of texts; a single text is accepted as a one-element list. Absent gives an empty list. */
    public List<String> strings(Map<String, Node> map, String key) {
        Node n = map.get(key);
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (n instanceof ScalarNode s) {
            out.add(s.getValue());
            return out;
        }
        if (!(n instanceof SequenceNode seq)) {
            error(n, "'" + key + "' must be a list of texts");
            return out;
        }
        for (Node item : seq.getValue()) {
            if (item instanceof ScalarNode s && !s.getValue().isBlank()) {
                out.add(s.getValue());
            } else {
                error(item, "'" + key + "' entries must be non-empty texts");
            }
        }
        return out;
    }

    public List<Node> sequence(Map<String, Node> map, String key) {
        Node n = map.get(key);
        if (n == null) {
            return List.of();
        }
        if (n instanceof SequenceNode seq) {
            return seq.getValue();
        }
        error(n, "'" + key + "' must be a list");
        return List.of();
    }

    /** The 1-based file line where a scalar's text begins (the line after the indicator for block scalars). */
    public static int contentLine(Node n) {
        if (n instanceof ScalarNode s && (s.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                || s.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED)) {
            return line(n) + 1;
        }
        return line(n);
    }
}
