package kb.review.engine.metamorphic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import kb.review.engine.Finding;
import kb.review.engine.TestRules;
import kb.review.engine.metamorphic.Patch.FilePatch;

/**
 * Runs the review on every held-out case, then on each transform of it, and counts the breaks: a finding that
 * matched an expectation and is lost (or moved more than two lines off it), or a finding that matches neither an
 * expectation, an accepted item, nor a finding of the untransformed run. Findings of the transformed diff are traced
 * back to the original lines through {@link Patch#origin}, so insertions and reordering do not count as moves.
 */
final class Survival {
    static final Path RESOURCES = Path.of("web", "src", "test", "resources", "review");
    static final int SLACK = 2;
    /**
     * Rounds 1 to 14: the rounds this harness reads. A later round is blind while it is written, and running the
     * harness must not print its findings; widen this once the round is read.
     */
    static final String READABLE = "heldout([2-9]|1[0-5])?";

    record Expect(String path, int line, List<String> items) {
        boolean covers(String p, int l, String item) {
            return samePath(path, p) && Math.abs(l - line) <= SLACK && items.contains(item);
        }
    }

    record Case(String round, String name, String diff, List<Expect> expected, List<Expect> accepted) {
        List<Transform.Target> targets() {
            return expected.stream().map(e -> new Transform.Target(e.path(), e.line())).toList();
        }
    }

    /** A finding where it was in the original diff. */
    record Placed(String path, int line, String item) {
    }

    /** Counts of one transform (or one item) over all cases. */
    static final class Tally {
        int applied;
        int skipped;
        int broken;
        int lost;
        int gained;

        double survival() {
            return applied == 0 ? 1.0 : (double) (applied - broken) / applied;
        }
    }

    final Map<String, Tally> byTransform = new TreeMap<>();
    final Map<String, Tally> byItem = new TreeMap<>();
    final List<String> breaks = new ArrayList<>();

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        List<Path> rounds;
        try (Stream<Path> dirs = Files.list(RESOURCES)) {
            String only = System.getProperty("metamorphic.rounds", READABLE);
            rounds = dirs.filter(d -> d.getFileName().toString().matches(only)).sorted().toList();
        }
        for (Path round : rounds) {
            List<Path> diffs;
            try (Stream<Path> files = Files.list(round)) {
                diffs = files.filter(p -> p.toString().endsWith(".diff")).sorted().toList();
            }
            for (Path diff : diffs) {
                out.add(load(round.getFileName().toString(), diff));
            }
        }
        return out;
    }

    /** A case file: the {@code # expect:} and {@code # accept:} header, then the diff with its bytes kept. */
    static Case load(String round, Path diff) throws IOException {
        String content = Files.readString(diff, StandardCharsets.UTF_8);
        List<Expect> expected = new ArrayList<>();
        List<Expect> accepted = new ArrayList<>();
        int at = 0;
        while (at < content.length() && content.charAt(at) == '#') {
            int end = content.indexOf('\n', at);
            String header = content.substring(at, end < 0 ? content.length() : end).trim();
            at = end < 0 ? content.length() : end + 1;
            if (header.startsWith("# expect: ")) {
                expected.add(expect(header.substring("# expect: ".length())));
            } else if (header.startsWith("# accept: ")) {
                accepted.add(expect(header.substring("# accept: ".length())));
            }
        }
        String name = diff.getFileName().toString().replace(".diff", "");
        return new Case(round, name, content.substring(at), expected, accepted);
    }

    private static Expect expect(String spec) {
        String[] parts = spec.trim().split(":");
        return new Expect(parts[0], Integer.parseInt(parts[1]), Arrays.asList(parts[2].split("\\|")));
    }

    static boolean samePath(String expected, String reported) {
        String r = reported.startsWith("a/") || reported.startsWith("b/") ? reported.substring(2) : reported;
        return r.equals(expected) || r.endsWith("/" + expected);
    }

    /** Runs every transform on every case and keeps the tallies and the list of breaks. */
    void run(List<Case> cases, List<Transform> transforms) {
        for (Case c : cases) {
            List<Placed> before = null;
            List<Expect> found = null;
            for (Transform t : transforms) {
                Tally tally = byTransform.computeIfAbsent(t.name(), k -> new Tally());
                Patch patch = Patch.parse(c.diff());
                if (!t.apply(patch, c.targets())) {
                    tally.skipped++;
                    continue;
                }
                tally.applied++;
                if (before == null) {
                    List<Placed> original = placed(Patch.parse(c.diff()), TestRules.reviewDiff(c.diff()).active());
                    before = original;
                    found = c.expected().stream()
                            .filter(e -> original.stream().anyMatch(p -> e.covers(p.path(), p.line(), p.item())))
                            .toList();
                }
                List<Placed> after;
                try {
                    after = placed(patch, TestRules.reviewDiff(patch.render()).active());
                } catch (AssertionError e) {
                    tally.broken++;
                    breaks.add(t.name() + "  " + c.round() + "/" + c.name() + "  unparsable diff: " + e.getMessage());
                    continue;
                }
                boolean broken = false;
                for (Expect e : found) {
                    if (after.stream().noneMatch(p -> e.covers(p.path(), p.line(), p.item()))) {
                        tally.lost++;
                        byItem.computeIfAbsent(e.items().get(0), k -> new Tally()).lost++;
                        breaks.add(t.name() + "  " + c.round() + "/" + c.name() + "  lost " + e.path() + ":" + e.line()
                                + " " + String.join("|", e.items()));
                        broken = true;
                    }
                }
                for (Placed p : after) {
                    boolean known = c.expected().stream().anyMatch(e -> e.covers(p.path(), p.line(), p.item()))
                            || c.accepted().stream().anyMatch(e -> e.covers(p.path(), p.line(), p.item()))
                            || original(before, p);
                    if (!known) {
                        tally.gained++;
                        byItem.computeIfAbsent(p.item(), k -> new Tally()).gained++;
                        breaks.add(t.name() + "  " + c.round() + "/" + c.name() + "  gained " + p.path() + ":" + p.line()
                                + " " + p.item());
                        broken = true;
                    }
                }
                tally.broken += broken ? 1 : 0;
            }
        }
    }

    private static boolean original(List<Placed> before, Placed p) {
        return before.stream().anyMatch(b -> b.item().equals(p.item()) && samePath(b.path(), p.path())
                && Math.abs(b.line() - p.line()) <= SLACK);
    }

    private static List<Placed> placed(Patch patch, List<Finding> findings) {
        List<Placed> out = new ArrayList<>();
        for (Finding f : findings) {
            FilePatch file = patch.file(f.path());
            if (file == null) {
                out.add(new Placed(f.path(), f.line(), f.item()));
            } else {
                out.add(new Placed(file.originalPath, patch.origin(file, f.line()), f.item()));
            }
        }
        return out;
    }

    /** Survival over every applied (case, transform) pair. */
    double overall() {
        int applied = byTransform.values().stream().mapToInt(t -> t.applied).sum();
        int broken = byTransform.values().stream().mapToInt(t -> t.broken).sum();
        return applied == 0 ? 1.0 : (double) (applied - broken) / applied;
    }

    String report() {
        StringBuilder out = new StringBuilder("\n| transform | applied | skipped | broken | lost | gained | survival |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        byTransform.forEach((name, t) -> out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.3f |%n",
                name, t.applied, t.skipped, t.broken, t.lost, t.gained, t.survival())));
        out.append(String.format(Locale.ROOT, "%noverall survival %.3f%n%n| item | lost | gained |%n|---|---|---|%n",
                overall()));
        byItem.forEach((item, t) -> out.append(String.format(Locale.ROOT, "| %s | %d | %d |%n", item, t.lost, t.gained)));
        out.append("\nBreaks (").append(breaks.size()).append("):\n");
        breaks.forEach(b -> out.append("- ").append(b).append('\n'));
        return out.toString();
    }
}
