package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.analysis.Model;
import kb.review.analysis.Models;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A change that deletes a release named by a library model ({@code content/rules/models/*.yaml}): {@code defer
 * ticker.Stop()} under a kept {@code time.NewTicker}, {@code defer conn.Release()} under a pool's {@code Acquire},
 * {@code sub.Unsubscribe()}, {@code client.Disconnect(ctx)}, Java {@code session.disconnect()}, {@code span.end()},
 * {@code driver.quit()}. {@link RemovedReleases} knows the closes, rollbacks, cancels and shutdowns by hard-coded
 * patterns; every other release a model names (a team's own model included) is taken here from the model's
 * {@code release:} templates of the form {@code {v}.Name()}, so a new model brings its deleted release with it.
 *
 * <p>The model needs its acquisition as the evidence: the nearest assignment of the released name above the deletion,
 * in the same function and in view (a hunk's kept or added line, or a checkout's whole file), must be one of the same
 * model's acquiring calls. Silent when the change releases the value again (an added line, or a kept line of the same
 * function below), hands it on in an added line, deletes the function, or when another finding already speaks for
 * the value nearby. Reported at the acquisition: RES-01 for a resource, TX-01 for a transaction, CONC-04 for a
 * thread-local, TMO-03 for a cancel.
 */
final class DeletedModelReleases {

    static final String RULE = "removed-model-release";

    /** A release statement on a name: group 1 the value, group 2 the method ({@code defer v.Stop()}, {@code v.end();}). */
    private static final Pattern RELEASE = Pattern.compile(
            "^\\s*(?:defer\\s+)?(?:(?:_|err|\\w+Err)\\s*:?=\\s*)?(?:this\\.)?([A-Za-z_]\\w*)\\s*\\.\\s*([A-Za-z_]\\w*)"
                    + "\\s*\\(");
    /**
     * Releases {@link RemovedReleases} reads with its own checks (closes, rollbacks, shutdowns, thread-local clears),
     * and completions that end a value by using it up (a commit, a send, a read): their deletion is another change.
     */
    private static final Pattern ELSEWHERE = Pattern.compile("[cC]lose\\w*|closeQuietly|[rR]ollback\\w*|shutdown\\w*"
            + "|remove\\w*|clear\\w*|unset|[cC]ommit\\w*|[sS]end|[dD]o|[gG]et\\w*|[rR]ead\\w*|[cC]leanup|onExit");
    /** A release template that is one call on the value: {@code {v}.Stop()}, {@code {v}.End({*})}. */
    private static final Pattern TEMPLATE = Pattern.compile("^\\{v}\\.(\\w+)\\((?:\\{\\*}|\\{k})?\\)$");
    /** A Go left-hand side: names, then {@code :=} or {@code =}. */
    private static final Pattern GO_ASSIGN = Pattern.compile("^\\s*(?:var\\s+)?([A-Za-z_][\\w\\s,]*?)\\s*:?=(?!=)\\s*");
    /** A Java declaration or assignment of a name: the text after {@code =}. */
    private static final String JAVA_ASSIGN = "(?<![\\w.$])%s\\s*=(?!=)\\s*";
    private static final Pattern NEW = Pattern.compile("^new\\s+([\\w.]+)");
    private static final Pattern CAST = Pattern.compile("^\\(\\s*[\\w.<>\\[\\]]+\\s*\\)\\s*");

    private DeletedModelReleases() {
    }

    /** One model release of a value: the model and its template's method. */
    private record Named(Model model, String method) {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, Models models, List<String> allAdded,
                              List<Finding> others) {
        Language language = file.language();
        if (file.change().hunks().isEmpty() || language != Language.GO && language != Language.JAVA) {
            return List.of();
        }
        boolean go = language == Language.GO;
        List<Model> resources = models.resources(go ? "go" : "java");
        List<String> added = go ? ReleasesPutBack.addedIn(file) : allAdded;
        List<Finding> out = new ArrayList<>();
        List<RemovedLine> removedLines = RemovedLine.of(file);
        List<String> removed = removedLines.stream().map(r -> r.line().text()).toList();
        for (RemovedLine deleted : removedLines) {
            String text = deleted.line().text();
            if (text.indexOf('(') < 0 || text.indexOf('.') < 0) {
                continue;
            }
            Matcher m = RELEASE.matcher(text);
            // a release that hands the value to its owner (`txManager.rollback(status)`): ArgumentReleases
            ArgumentReleases.Hit arg = ArgumentReleases.of(resources, text);
            if (arg == null && (!m.find() || ELSEWHERE.matcher(m.group(2)).matches())) {
                continue;
            }
            String value = arg != null ? arg.value() : m.group(1);
            List<Named> named = arg != null ? arg.models().stream().map(x -> new Named(x, arg.method())).toList()
                    : releasing(resources, m.group(2));
            List<DiffLine> lines = deleted.hunk().lines();
            if (named.isEmpty() || DeletedReleaseBlocks.insideDeletedMethod(lines, deleted.index())) {
                continue;
            }
            int below = firstNewBelow(deleted.hunk(), deleted.index(), file);
            Acquisition near = acquisition(file, below - 1, value, go);
            // an argument-form release: its acquisition may stand in an earlier hunk of the same method
            int above = near != null || arg == null ? 0 : DeletedReleaseAcquisitions.acquisitionAbove(file,
                    deleted.hunk(), deleted.index(), value, "RES-01");
            Acquisition seen = above > 0 ? acquisition(file, above, value, go) : near;
            // out of view, a release through the very owner the model acquires from (`txManager.rollback(tx)`): the
            // deletion is the evidence, reported below it as RemovedReleases reports `x.rollback()`
            boolean unseen = seen == null && arg != null && below > 0 && arg.ownerAcquires()
                    && ArgumentReleases.notReassigned(value, file);
            // Go, acquired above the hunk: the deleted release is a defer right under the acquisition's error check
            // (`conn, err := pool.Acquire(ctx)`, `if err != nil { return ... }`, `defer conn.Release()`), the idiom
            // GoReleases.checkAbove reads; only a call that can fail made the value, so the deletion is the evidence
            // and the finding stands on the check (a ticker or a timer is made without an error to check)
            // (and not when the change deletes the acquisition too: a rewritten function whose value is gone, an
            // error check above the defer being the new code's; precision set 21, imagor's example)
            int checked = seen == null && !unseen && go && arg == null
                    && !ReleasesPutBack.acquiredInChange(value, removed, added)
                    ? GoReleases.checkAbove(lines, deleted.index(), deleted.hunk()) : 0;
            if (seen == null && !unseen && checked == 0) {
                continue;
            }
            Acquisition a = unseen ? new Acquisition(below, arg.owner(), "", 0)
                    : checked > 0 ? new Acquisition(checked, "", "", 0) : seen;
            Named hit = named.stream().filter(n -> unseen || checked > 0 || acquires(n.model(), a, value, go))
                    .findFirst().orElse(null);
            if (hit == null || releasedAgain(hit.model(), value, added, file, below) || handedOn(value, added)) {
                continue;
            }
            String item = switch (hit.model().kind()) {
                case "transaction" -> "TX-01";
                case "thread-local" -> "CONC-04";
                case "cancel" -> "TMO-03";
                default -> "RES-01";
            };
            int at = a.line();
            if (others.stream().anyMatch(f -> f.path().equals(file.path()) && (f.line() == at
                    || f.item().equals(item) && Math.abs(f.line() - at) <= 15))
                    || out.stream().anyMatch(f -> f.line() == at)) {
                continue;
            }
            // a Go deferred release written right under its acquisition: the code's own pairing, and Go code releases
            // such a value nowhere else
            boolean paired = go && checked == 0 && text.stripLeading().startsWith("defer ") && below - at <= 6;
            Severity severity = catalog.item(item).map(Catalog.Item::severity).orElse(Severity.WARNING);
            String from = unseen ? ", acquired from `" + a.callee() + "` outside the hunks"
                    : checked > 0 ? ", acquired just above this error check"
                    : ", acquired here by `" + a.callee() + "`";
            String message = "The change deletes `" + text.strip() + "` and nothing else in the change releases `"
                    + value + "` (" + hit.model().show(value) + from + "): `" + value
                    + "` is no longer released on this path (" + (hit.model().verb() == null ? "closing"
                    : hit.model().verb()) + " it is what the model " + hit.model().source() + " asks).";
            out.add(new Finding(RULE, item, severity, file.path(), at, 1, file.line(at).strip(), message,
                    paired ? Finding.Confidence.HIGH : Finding.Confidence.LOW,
                    paired ? null : "the review follows the deleted release; the diff may show only part of the function",
                    "kb", null));
        }
        return out;
    }

    /** The models whose release templates include {@code {v}.method(...)}. */
    private static List<Named> releasing(List<Model> resources, String method) {
        List<Named> out = new ArrayList<>();
        for (Model model : resources) {
            if (model.releases().stream().anyMatch(t -> {
                Matcher m = TEMPLATE.matcher(t);
                return m.matches() && m.group(1).equals(method);
            })) {
                out.add(new Named(model, method));
            }
        }
        return out;
    }

    /** The new-file line of the first kept or added line below the deletion (the next line of its hunk's new side). */
    private static int firstNewBelow(Hunk h, int removed, SourceFile file) {
        List<DiffLine> lines = h.lines();
        for (int j = removed + 1; j < lines.size(); j++) {
            if (lines.get(j).kind() != DiffLine.Kind.REMOVED) {
                return lines.get(j).newLine();
            }
        }
        for (int j = removed - 1; j >= 0; j--) {
            if (lines.get(j).kind() != DiffLine.Kind.REMOVED) {
                return lines.get(j).newLine() + 1;
            }
        }
        return 0;
    }

    /** Where a value was assigned: its new-file line, the callee text and the argument text of the call. */
    record Acquisition(int line, String callee, String args, int result) {
    }

    /** The nearest assignment of {@code value} at or above {@code from}, in the same function and in view. */
    static Acquisition acquisition(SourceFile file, int from, String value, boolean go) {
        Pattern java = go ? null : Pattern.compile(String.format(JAVA_ASSIGN, Pattern.quote(value)));
        for (int n = from; n > 0 && file.known(n); n--) {
            String line = file.line(n);
            if (line.contains(value)) {
                String rest = null;
                int result = 0;
                if (go) {
                    Matcher a = GO_ASSIGN.matcher(line);
                    if (a.find()) {
                        String[] names = a.group(1).split(",");
                        for (int k = 0; k < names.length; k++) {
                            if (names[k].strip().equals(value)) {
                                rest = line.substring(a.end());
                                result = k;
                            }
                        }
                    }
                } else {
                    Matcher a = java.matcher(line);
                    if (a.find()) {
                        rest = CAST.matcher(line.substring(a.end())).replaceFirst("");
                    }
                }
                if (rest != null) {
                    return call(n, rest.strip(), result);
                }
            }
            if (RemovedReleases.HEADER.matcher(line).find()) {
                return null;
            }
        }
        return null;
    }

    /** The call of an assignment's right-hand side: {@code new T(...)} as {@code new T}, else the text before its last argument list. */
    private static Acquisition call(int line, String rest, int result) {
        String s = rest.replaceAll("[;{]\\s*(//.*)?$", "").strip();
        Matcher n = NEW.matcher(s);
        if (n.find()) {
            String type = n.group(1);
            return new Acquisition(line, "new " + type.substring(type.lastIndexOf('.') + 1), argsAfter(s, n.end()),
                    result);
        }
        int open;
        if (s.endsWith(")")) {
            int depth = 0;
            open = -1;
            for (int i = s.length() - 1; i >= 0; i--) {
                char c = s.charAt(i);
                depth += c == ')' ? 1 : c == '(' ? -1 : 0;
                if (depth == 0) {
                    open = i;
                    break;
                }
            }
        } else {
            open = s.lastIndexOf('(');
        }
        if (open <= 0) {
            return null;
        }
        String callee = s.substring(0, open).strip();
        return callee.startsWith("&") || callee.isEmpty() ? null
                : new Acquisition(line, callee, s.substring(open), result);
    }

    private static String argsAfter(String s, int from) {
        int open = s.indexOf('(', from);
        return open < 0 ? "" : s.substring(open);
    }

    /** True when one of the model's acquiring entries matches the call (its receiver name too, where it names one). */
    private static boolean acquires(Model model, Acquisition a, String value, boolean go) {
        boolean constructed = a.callee().startsWith("new ");
        for (Model.Acquire acq : model.acquires()) {
            if (acq.tracksReceiver() || go && acq.result() != a.result()) {
                continue;
            }
            boolean matched = constructed ? acq.newType() != null
                    && acq.newType().matcher(a.callee().substring(4)).find()
                    : acq.call() != null && acq.call().matcher(a.callee()).find();
            if (!matched || acq.args() != null && !acq.args().matcher(a.args()).find()) {
                continue;
            }
            if (acq.receiver() != null || acq.receiverType() != null) {
                int dot = a.callee().lastIndexOf('.');
                String receiver = dot < 0 ? "" : a.callee().substring(0, dot);
                receiver = receiver.substring(receiver.lastIndexOf('.') + 1);
                if (acq.receiver() == null || !acq.receiver().matcher(receiver).find()) {
                    continue;
                }
            }
            return true;
        }
        return false;
    }

    /** The change releases the value again: an added line, or a kept line of the same function below the deletion. */
    private static boolean releasedAgain(Model model, String value, List<String> added, SourceFile file, int below) {
        for (String l : added) {
            if (l.contains(value) && model.releasedIn(l, value)) {
                return true;
            }
        }
        for (int n = below; n > 0 && n <= file.lineCount() && file.known(n); n++) {
            String line = file.line(n);
            if (RemovedReleases.HEADER.matcher(line).find()) {
                break;
            }
            if (line.contains(value) && model.releasedIn(line, value)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An added line hands the value on (returns it, stores it, passes it as an argument, sends it on a channel): its
     * release is then someone else's. A cast ({@code ((TakesScreenshot) driver)}) or a call on it is no hand-off.
     */
    private static boolean handedOn(String value, List<String> added) {
        String v = Pattern.quote(value);
        Pattern use = Pattern.compile("\\breturn\\s+(?:[^;]*[(,&]\\s*)?" + v + "\\s*(?:[;,)}]|$)|(?<![=!<>])=\\s*&?" + v
                + "\\s*(?:[;,)]|$)|[(,]\\s*&?" + v + "\\s*[,)]|<-\\s*" + v + "\\s*$");
        for (String l : added) {
            if (l.contains(value) && use.matcher(l).find()) {
                return true;
            }
        }
        return false;
    }
}
