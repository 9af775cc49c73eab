package kb.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The command lines of the sandbox's processes: OS limits via {@code prlimit}, then bubblewrap on
 * the strong tier, then the JVM with flags that keep it small, quick to start and unable to be
 * attached to. Three kinds: the minimal run child, the compile service, and the first engine's
 * child (JShell inside the run child).
 */
final class ChildCommand {
    /** RLIMIT_CPU in seconds: a backstop behind the governor, covering warm-up and idle time too. */
    private static final int CPU_SECONDS = 120;
    private static final int OPEN_FILES = 256;
    private static final long FILE_BYTES = 1L << 20;

    /** RLIMIT_CPU of the compile service: it is replaced after a number of runs long before this. */
    private static final int COMPILER_CPU_SECONDS = 3600;

    /** Which process a command starts. */
    enum Kind {
        /** Receives class files only: {@code kb.sandbox.child.RunChildMain}. */
        RUN_CHILD("kb.sandbox.child.RunChildMain"),
        /** The first engine: JShell and javac inside each child. */
        JSHELL_CHILD("kb.sandbox.compiler.InProcessChildMain"),
        /** The long-lived compile service. */
        COMPILER("kb.sandbox.compiler.CompileMain");

        final String mainClass;

        Kind(String mainClass) {
            this.mainClass = mainClass;
        }
    }

    private final SandboxConfig config;
    private final Path java;
    private final Path runnerJar;
    private final Bubblewrap bubblewrap;
    private final Path prlimit;
    private final Kind kind;

    /**
     * @param bubblewrap the strong tier, or {@code null} for the weak one
     * @param prlimit    util-linux {@code prlimit}, or {@code null} when it is not installed
     */
    ChildCommand(SandboxConfig config, Path runnerJar, Bubblewrap bubblewrap, Path prlimit, Kind kind) {
        this.kind = kind;
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

    /** The process, using the class-data-sharing archive when there is one. */
    List<String> child(Optional<Path> archive) {
        var command = new ArrayList<String>();
        if (prlimit != null) {
            int cpu = kind == Kind.COMPILER ? COMPILER_CPU_SECONDS : CPU_SECONDS;
            command.addAll(List.of(prlimit.toString(), "--cpu=" + cpu, "--core=0",
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
        command.addAll(List.of("-cp", runnerJar.toString(), kind.mainClass));
        if (kind == Kind.COMPILER) {
            command.add(Integer.toString(config.compileWorkers()));
        }
        return command;
    }

    /** A child that warms up and exits, listing every class it loaded in {@code classList}. */
    List<String> training(Path classList) {
        var command = new ArrayList<String>();
        command.add(java.toString());
        command.addAll(jvmFlags());
        command.addAll(List.of("-XX:DumpLoadedClassList=" + classList, "-cp", runnerJar.toString(),
                kind.mainClass, "--train"));
        return command;
    }

    /**
     * Writes a static class-data-sharing archive of the classes in {@code classList} (the JDK's and
     * the runner's), with the same JVM flags and class path the children use, so that they can map it.
     */
    List<String> dump(Path classList, Path archive) {
        var command = new ArrayList<String>();
        command.add(java.toString());
        jvmFlags().stream().filter(f -> !f.startsWith("-Xshare:")).forEach(command::add);
        command.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + archive, "-cp", runnerJar.toString()));
        return command;
    }

    private List<String> jvmFlags() {
        var flags = new ArrayList<String>(switch (kind) {
            // Small and quick to start: C1 only, one compiler thread, a small initial heap. G1 rather than the
            // serial collector: on JDK 17 only G1 maps the archived heap objects of a CDS archive, and without them
            // the JVM builds its module graph anew at every start (measured: ~30 ms more CPU per child, same RSS).
            case RUN_CHILD -> List.of("-Xms8m", "-Xmx" + config.heapMegabytes() + "m", "-Xss1m",
                    "-XX:MaxMetaspaceSize=96m", "-XX:ReservedCodeCacheSize=32m", "-XX:MaxDirectMemorySize=16m",
                    "-XX:ActiveProcessorCount=1", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:+UseG1GC");
            case JSHELL_CHILD -> List.of("-Xms16m", "-Xmx" + config.heapMegabytes() + "m", "-Xss1m",
                    "-XX:MaxMetaspaceSize=128m", "-XX:ReservedCodeCacheSize=48m", "-XX:MaxDirectMemorySize=16m",
                    "-XX:ActiveProcessorCount=1", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
            // C1 only: javac is a great deal of code, and C2 kept recompiling it for hundreds of compiles
            // (measured in a warm JVM: ~60-100 ms of process CPU per text with C2, half of it JIT threads,
            // against ~30 ms with C1 alone after ~100 texts, and less from the first text on). The heap
            // bounds what a hostile source can make javac hold.
            case COMPILER -> List.of("-Xms32m", "-Xmx" + config.compilerHeapMegabytes() + "m", "-Xss2m",
                    "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=64m", "-XX:MaxDirectMemorySize=16m",
                    "-XX:ActiveProcessorCount=2", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
                    "-XX:+UseSerialGC");
        });
        flags.addAll(List.of(
                "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-XX:+DisableAttachMechanism",
                "-Djdk.attach.allowAttachMechanism=false", "-XX:-CreateCoredumpOnCrash", "-XX:ErrorFile=/dev/null",
                // stdout carries frames only: JVM messages and logging go to stderr.
                "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr",
                "-Xshare:auto", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                "-Djava.io.tmpdir=/tmp", "-Duser.language=en", "-Duser.country=US"));
        return flags;
    }
}
