package kb.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-child cgroup limits (task count and memory), used where this process may create cgroups
 * below its own: a delegated cgroup v2 subtree, or writable v1 {@code pids} and {@code memory}
 * hierarchies. They back up the governor and the heap limit at the kernel level, which holds
 * even when the child's own threads starve the governor.
 */
final class Cgroups {
    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    private static final String PREFIX = "kb-sandbox-";

    /** A directory below which child groups are made, and the limit files its groups offer. */
    private record Hierarchy(Path parent, String tasksFile, String memoryFile) {
    }

    private final List<Hierarchy> hierarchies;
    private final Set<Path> leftovers = ConcurrentHashMap.newKeySet();

    private Cgroups(List<Hierarchy> hierarchies) {
        this.hierarchies = hierarchies;
    }

    /** The usable hierarchies, or empty when none can be written. Never throws. */
    static Optional<Cgroups> probe() {
        try {
            var found = new ArrayList<Hierarchy>();
            List<String> own = Files.readAllLines(Path.of("/proc/self/cgroup"));
            if (Files.exists(ROOT.resolve("cgroup.controllers"))) {
                pathOf(own, "").map(p -> ROOT.resolve(p.substring(1)))
                        .flatMap(dir -> usable(dir, "pids.max", "memory.max")).ifPresent(found::add);
            } else {
                pathOf(own, "pids").map(p -> ROOT.resolve("pids").resolve(p.substring(1)))
                        .flatMap(dir -> usable(dir, "pids.max", null)).ifPresent(found::add);
                pathOf(own, "memory").map(p -> ROOT.resolve("memory").resolve(p.substring(1)))
                        .flatMap(dir -> usable(dir, null, "memory.limit_in_bytes")).ifPresent(found::add);
            }
            var cgroups = new Cgroups(List.copyOf(found));
            cgroups.sweepStale();
            return found.isEmpty() ? Optional.empty() : Optional.of(cgroups);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    String describe() {
        var names = new ArrayList<String>();
        for (Hierarchy h : hierarchies) {
            if (h.tasksFile() != null) {
                names.add("tasks");
            }
            if (h.memoryFile() != null) {
                names.add("memory");
            }
        }
        return "cgroup limits on " + String.join(" and ", names);
    }

    /**
     * Moves the processes into a new group per hierarchy with these limits. Failures are ignored:
     * the other layers still hold.
     *
     * @return the groups, to pass to {@link #remove} once the processes are gone
     */
    List<Path> attach(long childPid, List<Long> pids, long maxTasks, long memoryBytes) {
        sweep();
        var groups = new ArrayList<Path>();
        for (Hierarchy h : hierarchies) {
            Path group = h.parent().resolve(PREFIX + childPid);
            try {
                Files.createDirectories(group);
                groups.add(group);
                if (h.tasksFile() != null) {
                    Files.writeString(group.resolve(h.tasksFile()), Long.toString(maxTasks));
                }
                if (h.memoryFile() != null) {
                    Files.writeString(group.resolve(h.memoryFile()), Long.toString(memoryBytes));
                }
                for (long pid : pids) {
                    Files.writeString(group.resolve("cgroup.procs"), Long.toString(pid));
                }
            } catch (IOException e) {
                // A process that exited meanwhile cannot be moved; the group is removed later.
            }
        }
        return groups;
    }

    /** Removes the groups now if they are empty, else at a later sweep. */
    void remove(List<Path> groups) {
        leftovers.addAll(groups);
        sweep();
    }

    /** Removes the groups left over, waiting up to {@code millis} for their processes to go. */
    void close(long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (!leftovers.isEmpty() && System.currentTimeMillis() < deadline) {
            sweep();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void sweep() {
        for (Path group : leftovers) {
            try {
                Files.deleteIfExists(group);
                leftovers.remove(group);
            } catch (IOException stillBusy) {
                // Processes are still being reaped; try again at the next sweep.
            }
        }
    }

    /** Groups of an earlier run of the app that ended without cleaning up. */
    private void sweepStale() throws IOException {
        for (Hierarchy h : hierarchies) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(h.parent(), PREFIX + "*")) {
                dirs.forEach(leftovers::add);
            }
        }
        sweep();
    }

    /** The path of this process's group in the hierarchy with that controller ("" for v2). */
    private static Optional<String> pathOf(List<String> lines, String controller) {
        for (String line : lines) {
            String[] parts = line.split(":", 3);
            if (parts.length == 3 && List.of(parts[1].split(",")).contains(controller)) {
                return Optional.of(parts[2]);
            }
        }
        return Optional.empty();
    }

    /** Whether a group made below {@code dir} offers the limit files: made and removed to find out. */
    private static Optional<Hierarchy> usable(Path dir, String tasksFile, String memoryFile) {
        Path probe = dir.resolve(PREFIX + "probe-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(probe);
            try {
                boolean ok = (tasksFile == null || Files.isWritable(probe.resolve(tasksFile)))
                        && (memoryFile == null || Files.isWritable(probe.resolve(memoryFile)));
                return ok ? Optional.of(new Hierarchy(dir, tasksFile, memoryFile)) : Optional.empty();
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | SecurityException e) { // kb:ignore ERR-01 -- a probe: a group that cannot be made is the answer "not usable"
            return Optional.empty();
        }
    }
}
