package kb.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The {@code ---} delimited YAML front matter of a file, split from the body and read as a node tree
 * so every key and value keeps its line. Values are only ever read as strings: no YAML type
 * (timestamps, booleans, numbers) is resolved, so {@code id: 0123} stays {@code "0123"}.
 *
 * <p>Every problem found is appended to the list given to {@link #read}; accessors append theirs
 * too and return an empty value, so a caller can check all keys in one pass.
 */
final class FrontMatter {

    /** One string value with the 1-based line it is written on. */
    record Item(String value, int line) {
    }

    private record Entry(int keyLine, Node value) {
    }

    private static final String DELIMITER = "---";
    private static final int FIRST_YAML_LINE = 2;
    /** Real front matter is a few hundred bytes; the limit only stops abuse. */
    private static final int MAX_CHARS = 1024 * 1024;

    private final Map<String, Entry> entries;
    /** YAML that cannot be read hides which keys are there, so absent keys are not reported. */
    private final boolean readable;
    private final List<Problem> problems;
    private final String body;
    private final int bodyLine;

    private FrontMatter(Map<String, Entry> entries, List<Problem> problems, String body, int bodyLine) {
        this.readable = entries != null;
        this.entries = entries == null ? Map.of() : entries;
        this.problems = problems;
        this.body = body;
        this.bodyLine = bodyLine;
    }

    /** Drops a byte-order mark and turns CRLF / CR line ends into LF; line numbers are unchanged. */
    static String normalize(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return t.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * Splits and reads the front matter of {@code text} (already {@link #normalize normalized}).
     * When the front matter is missing, the whole text is the body; when it is not closed, the body is
     * {@code null} because nothing tells where it would start.
     *
     * @param allowedKeys the keys the file kind accepts, in the order the error message lists them
     */
    /**
     * The front matter of a whole file as written: the size and line limits checked, line endings normalised.
     * {@code null} when the file cannot be read any further (the problems say why).
     */
    static FrontMatter ofFile(String text, List<String> allowedKeys, List<Problem> problems) {
        if (!Limits.checkText(text, problems)) {
            return null;
        }
        FrontMatter fm = read(normalize(text), allowedKeys, problems);
        return fm.body() == null ? null : fm;
    }

    static FrontMatter read(String text, List<String> allowedKeys, List<Problem> problems) {
        String[] lines = text.split("\n", -1);
        if (!isDelimiter(lines[0])) {
            problems.add(Problem.at(1, "missing front matter: the file must start with a '---' line, "
                    + "then the YAML keys, then another '---' line"));
            return new FrontMatter(null, problems, text, 1);
        }
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            if (isDelimiter(lines[i])) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            problems.add(Problem.at(1, "unterminated front matter: no closing '---' line after the one on line 1"));
            return new FrontMatter(null, problems, null, lines.length + 1);
        }
        String yaml = String.join("\n", List.of(lines).subList(1, close));
        String body = String.join("\n", List.of(lines).subList(close + 1, lines.length));
        Map<String, Entry> entries = compose(yaml, allowedKeys, problems);
        return new FrontMatter(entries, problems, body, close + 2);
    }

    static boolean isDelimiter(String line) {
        return line.stripTrailing().equals(DELIMITER);
    }

    /** The key/value entries; {@code null} when the YAML cannot be read at all. */
    private static Map<String, Entry> compose(String yaml, List<String> allowedKeys, List<Problem> problems) {
        if (yaml.length() > MAX_CHARS) {
            problems.add(Problem.at(1, "front matter could not be read: it is larger than " + MAX_CHARS + " characters"));
            return null;
        }
        YamlTree tree = new YamlTree(problems, FIRST_YAML_LINE, "front matter", loaderOptions());
        Node root = tree.parse(yaml);
        if (!tree.readable()) {
            return null;
        }
        if (root == null) {
            return Map.of();
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(Problem.at(line(root), "front matter must be 'key: value' lines"));
            return null;
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            int keyLine = line(tuple.getKeyNode());
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode) || keyNode.getValue().isBlank()) {
                problems.add(Problem.at(keyLine, "front matter keys must be plain words"));
                continue;
            }
            String key = keyNode.getValue();
            if (!allowedKeys.contains(key)) {
                problems.add(Problem.at(keyLine, "unknown key '" + key + "'; allowed keys are "
                        + String.join(", ", allowedKeys)));
            } else if (entries.containsKey(key)) {
                problems.add(Problem.at(keyLine, "duplicate key '" + key + "' (first given on line "
                        + entries.get(key).keyLine() + ")"));
            } else {
                entries.put(key, new Entry(keyLine, tuple.getValueNode()));
            }
        }
        return entries;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_CHARS);
        return options;
    }

    /** The YAML starts on the file's line 2, after the opening {@code ---}. */
    private static int line(Node node) {
        return node.getStartMark().getLine() + FIRST_YAML_LINE;
    }

    /** The body after the closing {@code ---}; {@code null} when the front matter is not closed. */
    String body() {
        return body;
    }

    /** 1-based line in the whole file of the body's first line. */
    int bodyLine() {
        return bodyLine;
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** Line of the key's value (of the key when the value is empty); line 1 when the key is absent. */
    int line(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return 1;
        }
        return isEmpty(e.value()) ? e.keyLine() : line(e.value());
    }

    /**
     * The single string value of {@code key}; {@code null} when it is absent (a problem when
     * {@code required}), empty, or not a single value (always a problem).
     */
    String string(String key, boolean required) {
        Entry e = entries.get(key);
        if (e == null) {
            if (required && readable) {
                problems.add(Problem.at(1, "missing required key '" + key + "' in the front matter"));
            }
            return null;
        }
        if (isEmpty(e.value())) {
            problems.add(Problem.at(e.keyLine(), "'" + key + "' has no value"));
            return null;
        }
        if (!(e.value() instanceof ScalarNode scalar)) {
            problems.add(Problem.at(line(e.value()), "'" + key + "' must be a single value, not a list or a map"));
            return null;
        }
        return scalar.getValue().strip();
    }

    /**
     * The items of list {@code key}, empty when it is absent. A value that is not a list of plain
     * values is a problem (a single word must still be written {@code [word]}).
     */
    List<Item> list(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return List.of();
        }
        if (!(e.value() instanceof SequenceNode sequence)) {
            problems.add(Problem.at(line(key), "'" + key + "' must be a list, e.g. " + key + ": [a, b]"));
            return List.of();
        }
        List<Item> items = new ArrayList<>();
        for (Node node : sequence.getValue()) {
            if (!(node instanceof ScalarNode scalar)) {
                problems.add(Problem.at(line(node), "'" + key + "' must hold plain values, not lists or maps"));
            } else if (isEmpty(scalar)) {
                problems.add(Problem.at(line(node), "'" + key + "' has an empty item"));
            } else {
                items.add(new Item(scalar.getValue().strip(), line(node)));
            }
        }
        return items;
    }

    private static boolean isEmpty(Node node) {
        return node instanceof ScalarNode s && (s.getTag().equals(Tag.NULL) && isNullWord(s.getValue())
                || s.getValue().isBlank());
    }

    /** Only a bare {@code ~}, {@code null} or nothing is empty; a quoted "null" is a word. */
    private static boolean isNullWord(String value) {
        return value.isEmpty() || value.equals("~") || value.equalsIgnoreCase("null");
    }
}
