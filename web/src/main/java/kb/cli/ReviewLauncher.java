package kb.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs {@code java -jar postmortem-kb.jar review ...} in a second JVM that compiles with C1 only
 * ({@code -XX:TieredStopAtLevel=1}). A review is one short burst of work: on two cores the C2 compiler spent more
 * CPU optimising the analyses than its faster code saved before the process ended (a cold review of 10,000 changed
 * lines took about 40% more CPU with it; see the review benchmark in the README). Flags for the JIT cannot be set
 * from inside a JVM, so, like {@link ServerLauncher} for {@code serve}, this starts the review in a JVM that has
 * them, with the same JVM options, arguments, environment, terminal and standard input, and exits with its code.
 * The server keeps C2: it runs long enough to gain from it.
 *
 * <p>It steps aside (the review runs in this JVM) when {@code KB_LAUNCHER=off}, when not started with {@code -jar},
 * for help and version requests, and when the caller chose the compilers (a {@code -XX:...Tiered...},
 * {@code -Xint}, {@code -Xcomp} or {@code -XX:-UseCompiler} on the command line or in {@code JAVA_TOOL_OPTIONS}).
 */
public final class ReviewLauncher {

    /** Set on the review JVM this launcher starts, so it does not start another. */
    static final String CHILD = "kb.review.child";

    /** How long a stopped review may take to exit before it is killed (it holds nothing to drain). */
    static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private ReviewLauncher() {
    }

    /** Runs {@code review} in a C1-only JVM and returns its exit code; empty when this JVM should review. */
    public static Optional<Integer> launch(String[] args) {
        if (System.getProperty(CHILD) != null || !"review".equals(args.length > 0 ? args[0] : "")) {
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
            archive = null;
        }
        Optional<List<String>> command = plan(args, self.get().java(), self.get().arguments(), self.get().jar(), archive,
                System.getenv());
        if (command.isEmpty()) {
            return Optional.empty();
        }
        try {
            // Ctrl-C or SIGTERM reaches the whole foreground group from a terminal, but not from a supervisor that
            // signals this process alone: the child is stopped with it, so that no review outlives its command
            return Optional.of(ChildJvm.run(command.get(), env -> { }, STOP_GRACE));
        } catch (IOException e) {
            System.err.println("could not start the review JVM (" + e.getMessage() + "); reviewing in this one");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(130);
        }
    }

    /**
     * The review JVM's command line, or empty to review in this JVM.
     *
     * @param jvmArguments this JVM's arguments after the executable: options, {@code -jar}, jar, args
     * @param archive      the server's class-data archive for this jar and JDK ({@code cds}), or null when there is
     *                     none; most of the classes a review loads (the JDK's, Jackson, the rule loader) are in it
     */
    static Optional<List<String>> plan(String[] args, String java, List<String> jvmArguments, Path jar, Path archive,
                                       Map<String, String> env) {
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
        List<String> chosen = new ArrayList<>(options);
        chosen.addAll(List.of(env.getOrDefault("JAVA_TOOL_OPTIONS", "").trim().split("\\s+")));
        if (chosen.stream().anyMatch(ReviewLauncher::choosesCompilers)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        command.add("-XX:TieredStopAtLevel=1");
        boolean ownClassData = options.stream().anyMatch(o -> o.startsWith("-Xshare")
                || o.startsWith("-XX:SharedArchiveFile") || o.startsWith("-XX:ArchiveClassesAtExit")
                || o.contains("AutoCreateSharedArchive"));
        if (archive != null && !ownClassData) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.add("-D" + CHILD + "=true");
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /** A JVM option that decides which compilers run: the caller's choice wins over this launcher's. */
    static boolean choosesCompilers(String option) {
        return option.contains("Tiered") || option.equals("-Xint") || option.equals("-Xcomp")
                || option.equals("-Xmixed") || option.contains("UseCompiler");
    }
}
