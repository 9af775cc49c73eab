package kb.review.analysis;

import java.util.regex.Pattern;

/**
 * When a Go log call in a loop is an operator's command-line tool reporting its progress rather than a service logging
 * under load: the file sits in the folder of a control tool ({@code etcdctl/}, {@code kubectl/}, {@code nuctl/}: the
 * same folder test {@link GoLoops#programOutput} trusts for their printers) and the line is at info level or below.
 * Such a tool runs once, by hand, over the few objects it was asked to act on (deploy the functions of a project,
 * delete the keys of a prefix), and its reader wants the line per object; LOG-01's harm is a loop that runs with the
 * traffic of a service. Warnings and errors stay reviewed (a flood of them buries the one that matters even in a
 * tool), and so does a service's {@code cmd/} folder, where a proxy's or a stream processor's hot loop lives.
 */
final class ToolProgress {

    /** A control tool's folder: a path segment named like etcdctl, kubectl or nuctl. */
    private static final Pattern TOOL_DIR = Pattern.compile("(^|/)[a-z0-9]+ctl/");
    /** A logger method at info level or below (levelled, formatted or structured forms). */
    private static final Pattern QUIET_LEVEL = Pattern.compile(
            "\\.(Trace|Debug|Info|Print)(f|ln|w|S|Context)?$");

    private ToolProgress() {
    }

    /** True when {@code callee}, a logger call of a Go file at {@code path}, is a control tool's progress line. */
    static boolean progressLine(String callee, String path) {
        return path != null && TOOL_DIR.matcher(path).find() && QUIET_LEVEL.matcher(callee).find();
    }
}
