package kb.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the server JVM's heap grows and gives memory back within its budget ({@link HeapBudget}), and how
 * often native memory freed by the JVM is handed back to the system. The budget bounds the worst case;
 * this keeps the usual case small. With the initial heap equal to the budget (what the JVM picks on a
 * machine with more than 16 GB), the young generation alone is a third of the budget, every page of it is
 * touched within seconds of load, and the old generation never shrinks after a peak: 290 MB resident
 * under 64 readers against ~200 MB with this shape (pages-vs-nginx.sh, back to back).
 *
 * <p>The defaults, each left out when the operator gave that option to {@code java}, in
 * {@code JAVA_TOOL_OPTIONS} or in {@code JDK_JAVA_OPTIONS}:
 * <ul>
 *   <li>a young generation of an eighth of the budget ({@code -Xmn32m} for 256 MB) and an initial heap of
 *       twice that, at least 64 MB ({@code -Xms64m}); either of the operator's initial or young sizes
 *       ({@code -Xms}, {@code -Xmn}, {@code -XX:NewSize}, {@code -XX:NewRatio}, ...) leaves both to them;</li>
 *   <li>{@code -XX:MinHeapFreeRatio=40 -XX:MaxHeapFreeRatio=60}: after a full collection the old
 *       generation keeps at most 60% free (the JVM's 70% kept most of a peak), and at least 40%, so that under
 *       64 readers the next full collection is far off (20% gave one every ~20 s, each ~300 ms at load 20);
 *       either ratio of the operator's leaves both to them; and
 *       {@code -XX:-ShrinkHeapInSteps}, so that one full collection gives it back, not the fourth;</li>
 *   <li>{@code -XX:TrimNativeHeapInterval=5000} on JDKs that have it (17.0.9+, 21.0.1+): malloc'd memory
 *       the JIT compilers and threads freed goes back to the system every 5 s.</li>
 * </ul>
 * The heap-sizing options apply only with the serial collector the launcher picks and a budget the
 * launcher set ({@code KB_HEAP} or its default): with a collector or {@code -Xmx} of the operator's own,
 * sizing is theirs.
 */
public final class HeapShape {

    static final long MIN_INITIAL_MB = 64;
    static final int MIN_FREE = 40;
    static final int MAX_FREE = 60;
    static final int TRIM_MS = 5000;
    private static final List<String> SIZING = List.of("-Xms", "-Xmn", "-XX:InitialHeapSize=", "-XX:InitialRAMPercentage=",
            "-XX:MinRAMPercentage=", "-XX:NewSize=", "-XX:MaxNewSize=", "-XX:NewRatio=");

    private HeapShape() {
    }

    /**
     * Options to add to a server JVM started with {@code jvmOptions} (before {@code -jar}).
     *
     * @param budget        the {@code -Xmx} option the launcher adds ({@link HeapBudget#option}), empty when
     *                      the operator chose the heap or turned the budget off
     * @param ownCollector  whether the operator chose a collector (then the heap's sizing is left alone)
     * @param canTrimNative whether this JDK has {@code -XX:TrimNativeHeapInterval} (see {@link #jdkCanTrimNative})
     */
    public static List<String> options(List<String> jvmOptions, Map<String, String> env, Optional<String> budget,
                                       boolean ownCollector, boolean canTrimNative) {
        List<String> given = new ArrayList<>(jvmOptions);
        String elsewhere = env.getOrDefault("JAVA_TOOL_OPTIONS", "") + " " + env.getOrDefault("JDK_JAVA_OPTIONS", "");
        given.addAll(List.of(elsewhere.strip().split("\\s+")));
        List<String> out = new ArrayList<>();
        if (budget.isPresent() && !ownCollector) {
            long budgetMb = megabytes(budget.get().substring("-Xmx".length()));
            if (given.stream().noneMatch(o -> SIZING.stream().anyMatch(o::startsWith))) {
                long young = Math.max(4, budgetMb / 8);
                out.add("-Xms" + Math.min(budgetMb, Math.max(MIN_INITIAL_MB, 2 * young)) + "m");
                out.add("-Xmn" + young + "m");
            }
            if (!sets(given, "-XX:MinHeapFreeRatio=") && !sets(given, "-XX:MaxHeapFreeRatio=")) {
                out.add("-XX:MinHeapFreeRatio=" + MIN_FREE);
                out.add("-XX:MaxHeapFreeRatio=" + MAX_FREE);
            }
            if (!sets(given, "-XX:+ShrinkHeapInSteps") && !sets(given, "-XX:-ShrinkHeapInSteps")) {
                // by default a full collection gives back 0%, then 10%, 40% of the excess: a peak stayed for four
                out.add("-XX:-ShrinkHeapInSteps");
            }
        }
        if (canTrimNative && !sets(given, "-XX:TrimNativeHeapInterval=")) {
            out.add("-XX:TrimNativeHeapInterval=" + TRIM_MS);
        }
        return out;
    }

    /** Whether the running JVM knows {@code -XX:TrimNativeHeapInterval} (the server JVM is the same java). */
    public static boolean jdkCanTrimNative() {
        try {
            java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption("TrimNativeHeapInterval");
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException | NullPointerException unknown) {
            // an older JDK (the flag is unknown) or not HotSpot: an unknown -XX flag would stop the JVM
            return false;
        }
    }

    private static boolean sets(List<String> given, String prefix) {
        return given.stream().anyMatch(o -> o.startsWith(prefix));
    }

    /** {@code 256m}, {@code 1g} (the forms {@link HeapBudget} accepts) in MB. */
    static long megabytes(String size) {
        String s = size.toLowerCase(Locale.ROOT);
        long n = Long.parseLong(s.substring(0, s.length() - 1));
        return s.endsWith("g") ? n * 1024 : n;
    }
}
