package kb.review.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.SourceFile;

/**
 * For {@link StrippedZones}: added lines whose zone words only repeat a deleted line of their block (a signature or
 * a field renamed with its class), which say nothing about a zone that moved.
 */
final class KeptZoneWords {

    private KeptZoneWords() {
    }

    /**
     * The added lines of {@code file} whose zone words were already on a deleted line of their own changed block
     * (other than a zone setter): a signature or a field renamed with the class ({@code public Helper(String zoneId)}
     * become {@code public Parser(String zoneId)}) keeps the zone where it was; it does not say the zone moved.
     */
    static Set<String> of(SourceFile file) {
        Set<String> out = new HashSet<>();
        for (Hunk h : file.change().hunks()) {
            for (List<DiffLine> block : RemovedLine.changedBlocks(h)) {
                List<List<String>> before = new ArrayList<>();
                for (DiffLine l : block) {
                    if (l.kind() == DiffLine.Kind.REMOVED && !StrippedZones.SETTER.matcher(l.text()).matches()
                            && !StrippedZones.STEP.matcher(l.text()).matches()) {
                        before.add(zoneWords(l.text()));
                    }
                }
                for (DiffLine l : block) {
                    List<String> words = l.kind() == DiffLine.Kind.ADDED ? zoneWords(l.text()) : List.of();
                    if (!words.isEmpty() && before.contains(words)) {
                        out.add(l.text());
                    }
                }
            }
        }
        return out;
    }

    /** The zone words {@link StrippedZones#NAMES_ZONE} finds on {@code line}, lower-cased, in order. */
    private static List<String> zoneWords(String line) {
        List<String> out = new ArrayList<>();
        Matcher m = StrippedZones.NAMES_ZONE.matcher(line);
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
