package kb.review.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        if (reports && GoLostWrites.flushingClose(call, function, true)) {
            out.add(GoLostWrites.FLUSHING_CLOSE);
        }
        if (GoLostWrites.checkDeleted(file, lineNo, call.substring(0, call.indexOf('(')), true)) {
            out.add(GoLostWrites.CHECK_DELETED);
        }
        return out;
    }
}
