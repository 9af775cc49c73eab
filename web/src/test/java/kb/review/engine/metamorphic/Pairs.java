package kb.review.engine.metamorphic;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kb.review.engine.metamorphic.Patch.FilePatch;
import kb.review.engine.metamorphic.Patch.Row;

/**
 * The defect as the edit that brought it in: a new file of a defect case becomes an edit of the same file of its
 * clean look-alike (same public source, same path), and the look-alike's file an edit of the defect's (the fix).
 * The diff between the two is computed line by line (java-diff-utils, as {@code git diff} would) and cut to git's
 * three lines of context, so a deleted release, a changed line or a moved statement reaches the review as it does in
 * a real pull request. Cases without a look-alike are skipped.
 */
final class Pairs {
    private static final Pattern SOURCE = Pattern.compile("(?m)^# source: (\\S+)");

    /** A case as read for pairing: its round, name, public source and diff. */
    record Known(String round, String name, String source, String diff) {
        boolean clean() {
            return name.contains("-ok-");
        }
    }

    private static Map<String, Known> bySignature;
    private static Map<String, List<Known>> bySource;

    private Pairs() {
    }

    /** The defect's new files as edits of the look-alike's, or the look-alike's as edits of the defect's. */
    static boolean edit(Patch patch, List<Transform.Target> targets) {
        Known self = known().get(signature(patch));
        if (self == null) {
            return false;
        }
        boolean changed = false;
        for (Known other : bySource.getOrDefault(self.round() + " " + self.source(), List.of())) {
            if (other.clean() == self.clean()) {
                continue;
            }
            Patch old = Patch.parse(other.diff());
            for (FilePatch f : patch.files) {
                FilePatch before = old.file(f.path == null ? "" : f.path);
                if (whole(f) && before != null && whole(before) && !texts(before).equals(texts(f))) {
                    merge(f, before);
                    Edits.asEdit(f);
                    Edits.cut(f);
                    changed = true;
                }
            }
            if (changed) {
                return true;
            }
        }
        return false;
    }

    private static boolean whole(FilePatch f) {
        return f.isSource() && f.isNew() && f.hunks.size() == 1;
    }

    private static List<String> texts(FilePatch f) {
        return f.hunks.get(0).rows.stream().filter(Row::newSide).map(r -> r.text).toList();
    }

    /** {@code f}'s one hunk as the whole-file diff from {@code before}'s lines to its own. */
    private static void merge(FilePatch f, FilePatch before) {
        List<Row> now = f.hunks.get(0).rows;
        List<String> oldLines = texts(before);
        List<String> newLines = now.stream().map(r -> r.text).toList();
        List<Row> out = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> d : DiffUtils.diff(oldLines, newLines).getDeltas()) {
            int target = d.getTarget().getPosition();
            for (; at < target; at++) {
                now.get(at).kind = ' ';
                out.add(now.get(at));
            }
            for (String removed : d.getSource().getLines()) {
                out.add(now.get(Math.min(at, now.size() - 1)).made('-', removed));
            }
            for (int k = 0; k < d.getTarget().size(); k++, at++) {
                now.get(at).kind = '+';
                out.add(now.get(at));
            }
        }
        for (; at < now.size(); at++) {
            now.get(at).kind = ' ';
            out.add(now.get(at));
        }
        now.clear();
        now.addAll(out);
    }

    /** Every file's path and new-side text: the same for a case however its diff was read. */
    static String signature(Patch patch) {
        StringBuilder out = new StringBuilder();
        for (FilePatch f : patch.files) {
            out.append(f.originalPath).append('\n');
            f.rows().stream().filter(Row::newSide).forEach(r -> out.append(r.text).append('\n'));
        }
        return out.toString();
    }

    private static synchronized Map<String, Known> known() {
        if (bySignature != null) {
            return bySignature;
        }
        bySignature = new HashMap<>();
        List<Known> all = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Survival.RESOURCES)) {
            List<Path> rounds = dirs.filter(d -> d.getFileName().toString().matches(Survival.READABLE)).sorted().toList();
            for (Path round : rounds) {
                try (Stream<Path> files = Files.list(round)) {
                    for (Path diff : files.filter(p -> p.toString().endsWith(".diff")).sorted().toList()) {
                        String text = Files.readString(diff, StandardCharsets.UTF_8);
                        Matcher m = SOURCE.matcher(text);
                        Survival.Case c = Survival.load(round.getFileName().toString(), diff);
                        Known k = new Known(c.round(), c.name(), m.find() ? m.group(1) : "", c.diff());
                        all.add(k);
                        bySignature.put(signature(Patch.parse(c.diff())), k);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bySource = all.stream().collect(Collectors.groupingBy(k -> k.round() + " " + k.source()));
        return bySignature;
    }
}
