package kb.ops;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server's default heap budget. Without one the JVM may take a quarter of the machine's memory and
 * keep it; with one, memory use is bounded and a load that needs more fails inside the budget instead
 * of growing the process. {@code KB_HEAP} sets it ({@code 256m}, {@code 1g}, ...; {@code off} leaves the
 * JVM's own default); a heap option the operator passes to {@code java} itself always wins.
 *
 * <p>The launcher ({@code kb.system.ServerLauncher}) applies it to the server JVM it starts; a server
 * started without the launcher ({@code KB_LAUNCHER=off}, {@code mvn exec:java}) cannot change its own
 * heap and says so in its start-up log.
 */
public final class HeapBudget {

    /** The default: room for the page cache, big reviews and bursts of readers, within ~384 MB resident. */
    public static final String DEFAULT = "256m";
    private static final Pattern SIZE = Pattern.compile("[1-9][0-9]{0,6}[mMgG]");

    private HeapBudget() {
    }

    /**
     * The {@code -Xmx} option to add to a server JVM started with {@code jvmOptions}, or empty when the
     * operator chose the heap already (in the options, {@code JAVA_TOOL_OPTIONS} or
     * {@code JDK_JAVA_OPTIONS}) or set {@code KB_HEAP=off}.
     *
     * @throws IllegalArgumentException when {@code KB_HEAP} is not a size such as {@code 512m} or {@code 2g}
     */
    public static Optional<String> option(List<String> jvmOptions, Map<String, String> env) {
        String chosen = env.getOrDefault("KB_HEAP", "").strip();
        if (chosen.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        if (!chosen.isEmpty() && !SIZE.matcher(chosen).matches()) {
            throw new IllegalArgumentException("KB_HEAP must be a heap size such as 256m or 2g (or off), got '" + chosen + "'");
        }
        String elsewhere = env.getOrDefault("JAVA_TOOL_OPTIONS", "") + " " + env.getOrDefault("JDK_JAVA_OPTIONS", "");
        if (jvmOptions.stream().anyMatch(HeapBudget::setsHeap) || List.of(elsewhere.split("\\s+")).stream().anyMatch(HeapBudget::setsHeap)) {
            return Optional.empty();
        }
        return Optional.of("-Xmx" + (chosen.isEmpty() ? DEFAULT : chosen.toLowerCase(Locale.ROOT)));
    }

    static boolean setsHeap(String option) {
        return option.startsWith("-Xmx") || option.startsWith("-XX:MaxHeapSize=") || option.startsWith("-XX:MaxRAMPercentage=")
                || option.startsWith("-XX:MaxRAM=");
    }

    /** For the start-up log: the heap limit of this JVM and where it comes from. */
    public static String describeThisJvm() {
        long mb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        // the JVM's own options (the process's command line can be cut short by a long class path)
        List<String> args = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        Optional<String> option = args.stream().filter(HeapBudget::setsHeap).reduce((a, b) -> b);
        if (option.isPresent()) {
            return "heap budget " + mb + " MB (" + option.get() + ")";
        }
        return "heap budget " + mb + " MB (the JVM's default: no -Xmx given; set KB_HEAP or -Xmx to bound it)";
    }
}
