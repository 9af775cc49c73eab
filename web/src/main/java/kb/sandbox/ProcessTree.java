package kb.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The processes a sandbox process started (bubblewrap's and the JVM), found by following
 * {@code /proc/PID/task/TID/children} down from it. {@link ProcessHandle#descendants()} reads the
 * status of every process on the machine instead: ~7 ms of the server's CPU per call on a host
 * with a hundred processes, and each run needed it two or three times.
 */
final class ProcessTree {
    private static final Path PROC = Path.of("/proc");

    private ProcessTree() {
    }

    /** The live descendants of {@code root}, parents before children; from the JDK where /proc does not list children. */
    static List<ProcessHandle> descendants(ProcessHandle root) {
        if (!Files.isReadable(PROC.resolve(Long.toString(root.pid())).resolve("task"))) {
            return root.descendants().toList();
        }
        var found = new ArrayList<ProcessHandle>();
        var queue = new ArrayDeque<Long>(List.of(root.pid()));
        while (!queue.isEmpty()) {
            long pid = queue.poll();
            List<Long> children;
            try {
                children = children(pid);
            } catch (IOException e) {
                if (pid == root.pid() && root.isAlive()) {
                    // No children files (an old kernel): ask the JDK.
                    return root.descendants().toList();
                }
                continue; // It exited meanwhile: its children, if any, were re-parented away from this tree.
            }
            for (long child : children) {
                ProcessHandle.of(child).ifPresent(found::add);
                queue.add(child);
            }
        }
        return found;
    }

    private static List<Long> children(long pid) throws IOException {
        var out = new ArrayList<Long>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(PROC.resolve(Long.toString(pid)).resolve("task"))) {
            for (Path task : tasks) {
                String list = Files.readString(task.resolve("children")).strip();
                if (!list.isEmpty()) {
                    for (String p : list.split(" ")) {
                        out.add(Long.parseLong(p));
                    }
                }
            }
        } catch (NumberFormatException | java.io.UncheckedIOException e) {
            throw new IOException(e);
        }
        return out;
    }
}
