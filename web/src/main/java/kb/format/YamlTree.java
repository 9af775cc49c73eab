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
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads YAML as a tree of nodes that remember their line, so that errors in rule files, model files and front
 * matter can name the line. Every accessor records a {@link Problem} instead of throwing, letting one pass report
 * every mistake in a file.
 */
public final class YamlTree {

    private final List<Problem> problems;
    private final int firstLine;
    private final String subject;
    private final LoaderOptions options;
    private boolean readable = true;

    /** A whole YAML file with SnakeYAML's default limits; problems are kept in {@link #problems()}. */
    public YamlTree() {
        this(new ArrayList<>(), 1, "", new LoaderOptions());
    }

    /**
     * YAML embedded in a larger file.
     *
     * @param problems  where problems are added (the caller's list)
     * @param firstLine the file line the YAML text starts on
     * @param subject   what messages call the YAML, e.g. {@code front matter}; empty for a whole file
     * @param options   the loader's limits (aliases, nesting, size)
     */
    public YamlTree(List<Problem> problems, int firstLine, String subject, LoaderOptions options) {
        this.problems = problems;
        this.firstLine = firstLine;
        this.subject = subject;
        this.options = options;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** False once {@link #parse} met text that is not YAML (or exceeds the limits). */
    public boolean readable() {
        return readable;
    }

    /** The document's root node, or null: for an empty document, or (with a problem recorded) when not YAML. */
    public Node parse(String text) {
        try {
            DumperOptions dumper = new DumperOptions();
            return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options)
                    .compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? firstLine : e.getProblemMark().getLine() + firstLine;
            problems.add(Problem.at(line, (subject.isEmpty() ? "" : subject + " is ") + "not valid YAML: "
                    + e.getProblem()));
        } catch (RuntimeException e) {
            problems.add(Problem.at(1, (subject.isEmpty() ? "not valid YAML: " : subject + " could not be read: ")
                    + e.getMessage()));
        }
        readable = false;
        return null;
    }

    /** The 1-based line of {@code n} in the file this YAML is part of. */
    public int fileLine(Node n) {
        return n.getStartMark().getLine() + firstLine;
    }

    /** The 1-based line of {@code n} in a whole YAML file. */
    public static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }

    public void error(Node at, String message) {
        problems.add(Problem.at(at == null ? firstLine : fileLine(at), message));
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
