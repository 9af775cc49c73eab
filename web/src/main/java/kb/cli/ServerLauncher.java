package kb.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes {@code java -jar postmortem-kb.jar serve} start on a class-data-sharing archive. Flags for the
 * JVM cannot be set from inside it, and a jar cannot carry them, so when an archive is there to use this
 * starts the server in a second JVM that has the flags, passes it the same JVM options, arguments,
 * environment and terminal, forwards a stop to it, and exits with its exit code. Loading some 8,000
 * classes from the archive instead of the jar roughly halves the time to ready on two cores.
 *
 * <p>Without an archive it still restarts when the caller set no heap limit, because a bounded heap
 * ({@code KB_HEAP}) is part of the server's memory contract and can only be set at launch. It steps
 * aside (the server runs in this JVM) when the second JVM would add neither (class-data flags and a
 * heap limit of the caller's own), when not started with {@code -jar}, and when
 * {@code KB_LAUNCHER=off}.
 */
public final class ServerLauncher {

    /** Set on the server JVM: {@code child} when started by this launcher, {@code training} by {@code cds}. */
    public static final String ROLE = "kb.server";
    /** Set on the child: the launcher's pid, so the child can stop if the launcher is killed outright. */
    public static final String LAUNCHER_PID = "kb.launcher.pid";

    /** How long a stopped server may drain its requests before it is killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private ServerLauncher() {
    }

    /**
     * Runs {@code serve} in a tuned child JVM when that helps, returning its exit code; empty when the
     * caller should serve in this JVM.
     */
    public static Optional<Integer> launch(String[] args) {
        if (System.getProperty(ROLE) != null || !"serve".equals(args.length > 0 ? args[0] : "")) {
            return Optional.empty();
        }
        Optional<ChildJvm.Self> self = ChildJvm.self();
        if (self.isEmpty()) {
            return Optional.empty();
        }
        Path archive;
        try {
            archive = self.get().archive();
        } catch (IOException e) {
            System.err.println("could not place the class-data archive (" + e.getMessage() + "); serving in this JVM");
            return Optional.empty();
        }
        Optional<List<String>> command;
        try {
            command = plan(args, self.get().java(), self.get().arguments(), self.get().jar(), archive,
                    Runtime.version().feature(), System.getenv(),
                    ProcessHandle.current().pid(), kb.ops.HeapShape.jdkCanTrimNative());
        } catch (IllegalArgumentException e) {
            System.err.println("postmortem-kb: " + e.getMessage());
            return Optional.of(2);
        }
        if (command.isEmpty()) {
            return Optional.empty();
        }
        System.out.println(kb.ops.StartReport.launcher(command.get(), System.getenv()));
        try {
            return Optional.of(ChildJvm.run(command.get(), ServerLauncher::tune, STOP_GRACE));
        } catch (IOException e) {
            System.err.println("could not start the server JVM (" + e.getMessage() + "); serving in this one");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(130);
        }
    }

    /**
     * The child's command line, or empty to serve in this JVM.
     *
     * @throws IllegalArgumentException when {@code KB_HEAP} is not a heap size
     *
     * @param jvmArguments this JVM's arguments after the executable: options, {@code -jar}, jar, args
     * @param archive      the archive for this jar and JDK, or {@code null} when there is none
     * @param jdkFeature   the running JDK's feature release (17, 21, ...)
     * @param canTrimNative whether the JDK has {@code -XX:TrimNativeHeapInterval} ({@link kb.ops.HeapShape})
     */
    static Optional<List<String>> plan(String[] args, String java, List<String> jvmArguments, Path jar, Path archive,
                                       int jdkFeature, Map<String, String> env, long pid, boolean canTrimNative) {
        if ("off".equalsIgnoreCase(env.getOrDefault("KB_LAUNCHER", ""))) {
            return Optional.empty();
        }
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return Optional.empty();
            }
        }
        int jarFlag = jvmArguments.indexOf("-jar");
        if (jarFlag < 0) {
            return Optional.empty();
        }
        List<String> options = jvmArguments.subList(0, jarFlag);
        // a bounded heap unless the operator chose one (kb.ops.HeapBudget; KB_HEAP)
        Optional<String> heap = kb.ops.HeapBudget.option(options, env);
        List<String> classData = new ArrayList<>();
        if (options.stream().anyMatch(o -> o.startsWith("-Xshare") || o.startsWith("-XX:SharedArchiveFile")
                || o.startsWith("-XX:ArchiveClassesAtExit") || o.contains("AutoCreateSharedArchive"))) {
            // the operator chose class-data sharing settings; leave them be
        } else if (archive != null) {
            classData.add("-XX:SharedArchiveFile=" + archive);
        } else if (jdkFeature >= 19) {
            // JDK 19+ keeps the archive itself: written at the first exit, used from the next start
            classData.add("-XX:+AutoCreateSharedArchive");
            // writing the archive at exit lists every class it leaves out as a warning; errors still show
            classData.add("-Xlog:cds*=error");
            classData.add("-XX:SharedArchiveFile=" + ServerArchive.autoFileFor(jar, jdkFeature));
        }
        if (classData.isEmpty() && heap.isEmpty()) {
            return Optional.empty(); // a second JVM would add nothing this one lacks
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        heap.ifPresent(command::add);
        boolean ownCollector = options.stream().anyMatch(o -> o.matches("-XX:[+-]Use\\w*GC"));
        if (!ownCollector) {
            // For a heap of a few hundred MB the serial collector's young pauses are a few ms, and it needs
            // about 80-100 MB less memory than G1 under 64 readers (pages-vs-nginx.sh, same run)
            command.add("-XX:+UseSerialGC");
        }
        // a small heap that grows under load and gives a peak back, within the budget
        command.addAll(kb.ops.HeapShape.options(options, env, heap, ownCollector, canTrimNative));
        command.addAll(classData);
        command.add("-D" + ROLE + "=child");
        command.add("-D" + LAUNCHER_PID + "=" + pid);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /**
     * The server JVM's environment: the caller's, with glibc's malloc held to two arenas unless the caller
     * chose otherwise. With dozens of request threads the default (eight per core) keeps tens of MB of
     * native memory the JVM never gives back.
     */
    static void tune(Map<String, String> environment) {
        environment.putIfAbsent("MALLOC_ARENA_MAX", "2");
    }
}
