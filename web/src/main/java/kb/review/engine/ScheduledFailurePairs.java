package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kb.review.diff.SourceFile;

/**
 * One defect, two lines: a periodic task whose catch rethrows is reported both by the schedule call's rule (the task
 * does not catch everything) and by {@link RethrownTaskFailures} (the catch rethrows). The finding stays on the line
 * the change wrote: a rethrow the change adds to a catch it kept, or the rethrow of a catch-all, is what ends the
 * schedule, and it is the line its fix edits (log instead of throw), also when the schedule call is new too; a
 * rethrow already in the code gives way to a new or changed schedule call, which is then what brings the old catch
 * into a periodic task, and so does a narrower catch's throw in a task the change writes whole.
 */
final class ScheduledFailurePairs {

    private static final Pattern THROW = Pattern.compile("^\\s*throw\\s+\\S");
    private static final Pattern THROW_NEW = Pattern.compile("^\\s*throw\\s+new\\b");

    private ScheduledFailurePairs() {
    }

    /**
     * Settles each rethrow that shares its task with a CONC-07 finding of {@code kept}: an added rethrow takes the
     * schedule finding's place, with the surer confidence of the two (the schedule call's rule saw the task whole);
     * a rethrow in unchanged code is dropped. Both lists are edited in place.
     */
    static void settle(SourceFile file, List<Finding> kept, List<Finding> rethrown) {
        List<Finding> settled = new ArrayList<>(rethrown.size());
        for (Finding r : rethrown) {
            List<Finding> schedules = kept.stream().filter(k -> k.item().equals("CONC-07")
                    && k.path().equals(r.path()) && RethrownTaskFailures.sameTask(file, r, k)).toList();
            if (schedules.isEmpty()) {
                settled.add(r);
            } else if (file.known(r.line()) && file.added(r.line()) && namesTheDefect(file, r.line())) {
                kept.removeAll(schedules);
                boolean sure = schedules.stream().anyMatch(k -> k.confidence() == Finding.Confidence.HIGH);
                settled.add(sure && r.confidence() == Finding.Confidence.LOW ? surer(r) : r);
            }
        }
        rethrown.clear();
        rethrown.addAll(settled);
        kept.replaceAll(k -> k.item().equals("CONC-07") ? atAddedThrow(file, k) : k);
    }

    /**
     * A schedule call's finding moved to the first {@code throw} the change writes in the task it schedules, when
     * that throw {@linkplain #namesTheDefect names the defect}: it is what ends the schedule.
     */
    private static Finding atAddedThrow(SourceFile file, Finding schedule) {
        if (!file.known(schedule.line()) || !ScheduledCalls.SCHEDULE.matcher(file.line(schedule.line())).find()) {
            return schedule;
        }
        // a new exception first: `throw fatal;` after an instanceof check passes on only what no task survives
        for (Pattern kind : List.of(THROW_NEW, THROW)) {
            for (int n = 1; n <= file.lineCount(); n++) {
                if (n == schedule.line() || !file.known(n) || !file.added(n) || !file.line(n).contains("throw")
                        || !kind.matcher(file.line(n)).find() || !namesTheDefect(file, n)) {
                    continue;
                }
                Finding at = new Finding(schedule.rule(), schedule.item(), schedule.severity(), schedule.path(), n,
                        1, file.line(n).strip(), schedule.message(), schedule.confidence(), schedule.note(),
                        schedule.origin(), schedule.suppression(), schedule.flow());
                if (RethrownTaskFailures.sameTask(file, at, schedule)) {
                    return at;
                }
            }
        }
        return schedule;
    }

    /**
     * True when the added {@code throw} at {@code line}, rather than the schedule call, is the line to name: the
     * rethrow of a catch-all, also one type of a multi-catch (the task catches everything and throws it on anyway,
     * and the fix edits that throw), or a throw the change puts into a block it kept (a catch that logged now throws:
     * the throw is the change). A throw in a block the change writes too, out of a narrower catch
     * ({@code catch (IOException e)} wrapped unchecked) or an if, is one of many ways out of a task that has no guard
     * at all: the missing guard is the defect, named at the schedule call. Blind rounds 38, 46, 55, 61, 65, 66 and 71
     * label new pollers and refreshers of that shape at the call; rounds 31 and 32 label a kept catch's new throw and
     * a catch-all's rethrow at the throw.
     */
    private static boolean namesTheDefect(SourceFile file, int line) {
        int header = RethrownTaskFailures.blockAbove(file, line);
        return header > 0 && (!file.added(header) || UnguardedTaskCalls.CATCH_ALL.matcher(file.line(header)).find());
    }

    private static Finding surer(Finding f) {
        return new Finding(f.rule(), f.item(), f.severity(), f.path(), f.line(), f.column(), f.code(), f.message(),
                Finding.Confidence.HIGH, f.note(), f.origin(), f.suppression(), f.flow());
    }
}
