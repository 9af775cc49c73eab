package kb.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command line of a child: OS limits via {@code prlimit}, then bubblewrap on the strong
 * tier, then the JVM with flags that keep it small, quick to start and unable to be attached to.
 */
final class ChildCommand {
    /** RLIMIT_CPU in seconds: a backstop behind the governor, covering warm-up and idle time too. */
    private static final int CPU_SECONDS = 120;
    private static final int OPEN_FILES = 256;
    private static final long FILE_BYTES = 1L << 20;

    private final SandboxConfig config;
    private final Path java;
    private final Path runnerJar;
    private final Bubblewrap bubblewrap;
    private final Path prlimit;

    /**
     * @param bubblewrap the strong tier, or {@code null} for the weak one
     * @param prlimit    util-linux {@code prlimit}, or {@code null} when it is not installed
     */
    ChildCommand(SandboxConfig config, Path runnerJar, Bubblewrap bubblewrap, Path prlimit) {
        this.config = config;
        this.java = config.javaHome().resolve("bin").resolve("java");
        this.runnerJar = runnerJar;
        this.bubblewrap = bubblewrap;
        this.prlimit = prlimit;
    }

    /** Finds util-linux {@code prlimit} in the usual places. */
    static Path findPrlimit() {
        for (String dir : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            Path p = Path.of(dir, "prlimit");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** A run child, using the class-data-sharing archive when there is one. */
    List<String> child(Optional<Path> archive) {
        var command = new ArrayList<String>();
        if (prlimit != null) {
            command.addAll(List.of(prlimit.toString(), "--cpu=" + CPU_SECONDS, "--core=0",
                    "--nofile=" + OPEN_FILES, "--fsize=" + FILE_BYTES, "--"));
        }
        if (bubblewrap != null) {
            var visible = new ArrayList<Path>(List.of(runnerJar));
            archive.ifPresent(visible::add);
            command.addAll(bubblewrap.wrap(visible));
        }
        command.add(java.toString());
        command.addAll(jvmFlags());
        archive.ifPresent(a -> command.add("-XX:SharedArchiveFile=" + a));
        command.addAll(List.of("-cp", runnerJar.toString(), "kb.sandbox.child.ChildMain"));
        return command;
    }

    /** A child that warms up and exits, leaving a class-data-sharing archive at {@code archive}. */
    List<String> training(Path archive) {
        var command = new ArrayList<String>();
        command.add(java.toString());
        command.addAll(jvmFlags());
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-cp", runnerJar.toString(),
                "kb.sandbox.child.ChildMain", "--train"));
        return command;
    }

    private List<String> jvmFlags() {
        return List.of(
                "-Xms16m", "-Xmx" + config.heapMegabytes() + "m", "-Xss1m",
                "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=48m", "-XX:MaxDirectMemorySize=16m",
                "-XX:+UseSerialGC", "-XX:ActiveProcessorCount=1", "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-XX:+DisableAttachMechanism",
                "-Djdk.attach.allowAttachMechanism=false", "-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=/dev/null",
                // stdout carries frames only: JVM messages and logging go to stderr.
                "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr",
                "-Xshare:auto", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                "-Djava.io.tmpdir=/tmp", "-Duser.language=en", "-Duser.country=US");
    }
}
