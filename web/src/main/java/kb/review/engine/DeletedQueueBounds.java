package kb.review.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.format.ChecklistItem.Severity;
import kb.review.diff.DiffLine;
import kb.review.diff.Language;
import kb.review.diff.SourceFile;
import kb.review.rules.Catalog;

/**
 * A change that deletes the bound of a pool's work queue and keeps the pool: Spring's
 * {@code executor.setQueueCapacity(200)} taken out of a {@code ThreadPoolTaskExecutor} (or
 * {@code ThreadPoolExecutorFactoryBean}) bean, the {@code .queueCapacity(n)} step of Spring's executor builders, a
 * bounded {@code .workQueue(new ArrayBlockingQueue<>(n))} of Dropwizard's {@code ExecutorServiceBuilder}, or the
 * {@code spring.task.execution.pool.queue-capacity} property. In each library the queue without the setting is an
 * unbounded linked queue ({@code Integer.MAX_VALUE}), so under load tasks pile up in memory and the pool never grows
 * past its core threads: CONC-02's unbounded queue, made by a deletion. The construction is usually unchanged context,
 * which the rules that read a construction judge as untouched; the deleted line is the code's own word that the queue
 * had a bound. Reported at the construction the hunk shows (else the line below the deletion). Silent when the deleted
 * lines do anything but configure the pool (a rewrite), when the bound was {@code Integer.MAX_VALUE} anyway, and when
 * the change sets a queue anywhere else (an added line of any file naming a capacity or a work queue).
 */
final class DeletedQueueBounds {

    static final String RULE = "deleted-queue-capacity";

    /** A queue bound deleted; group 1 the receiver of a setter statement (null for a builder step), group 2 the value. */
    private static final Pattern BOUND = Pattern.compile(
            "^\\s*(?:(?:this\\.)?([A-Za-z_$][\\w$]*)\\s*)?\\.\\s*(?:setQueueCapacity|queueCapacity|workQueue)\\s*\\("
                    + "(.*)\\)\\s*[;)]?\\s*(?://.*)?$");
    /** The same bound as a Spring Boot property (properties or YAML). */
    private static final Pattern PROPERTY = Pattern.compile(
            "^\\s*(?:spring\\.task\\.execution\\.pool\\.queue-capacity\\s*[=:]|queue-capacity\\s*:)\\s*(\\S*)");
    /** A work queue given to a builder: only a bounded one counts. */
    private static final Pattern BOUNDED_QUEUE = Pattern.compile(
            "\\bnew\\s+(?:java\\.util\\.concurrent\\.)?(?:ArrayBlockingQueue|LinkedBlockingQueue|LinkedBlockingDeque"
                    + "|SynchronousQueue)\\s*(?:<[^()]*>)?\\s*\\(\\s*(?!\\))(?!Integer\\.MAX_VALUE)");
    private static final Pattern UNBOUNDED = Pattern.compile("Integer\\s*\\.\\s*MAX_VALUE|2147483647");
    /** Other configuration of the same pool deleted with the bound (its rejection policy, names, sizes). */
    private static final Pattern POOL_SETTING = Pattern.compile(
            "^\\s*(?:(?:this\\.)?[A-Za-z_$][\\w$]*\\s*)?\\.\\s*(?:set)?(?:[Rr]ejected\\w*|[Cc]orePoolSize|[Mm]axPoolSize"
                    + "|[Kk]eepAlive\\w*|[Aa]llowCoreThreadTimeOut|[Tt]hreadNamePrefix|[Ww]aitForTasks\\w*"
                    + "|[Aa]waitTermination\\w*|[Mm]in(?:imum)?Threads|[Mm]ax(?:imum)?Threads)\\s*\\(.*\\)\\s*[;)]?\\s*$");
    /** A property of the same task pool (a size, a keep-alive, a name prefix). */
    private static final Pattern POOL_PROPERTY = Pattern.compile(
            "^\\s*(?:spring\\.task\\.execution\\.[\\w.-]+\\s*[=:]|[\\w-]+\\s*:).*$");
    private static final Pattern COMMENT = Pattern.compile("^\\s*(?://.*|/?\\*.*|\\*/|#.*)?$");
    private static final Pattern SETS_QUEUE = Pattern.compile(
            "[Qq]ueueCapacity|queue-capacity|\\.workQueue\\s*\\(|BlockingQueue|SynchronousQueue");
    /** A pool construction of the libraries above, or the head of a builder chain. */
    private static final Pattern CONSTRUCTION = Pattern.compile(
            "\\bnew\\s+(?:ThreadPoolTaskExecutor|ThreadPoolExecutorFactoryBean|TaskExecutorBuilder"
                    + "|ThreadPoolTaskExecutorBuilder)\\b|\\.executorService\\s*\\(|\\bExecutorServiceBuilder\\b");
    private static final Pattern SPRING_POOL = Pattern.compile(
            "\\b(?:ThreadPoolTaskExecutor|ThreadPoolExecutorFactoryBean|TaskExecutorBuilder"
                    + "|ThreadPoolTaskExecutorBuilder|ExecutorServiceBuilder)\\b");

    private DeletedQueueBounds() {
    }

    static List<Finding> find(SourceFile file, Catalog catalog, AddedLines allAdded) {
        boolean java = file.language() == Language.JAVA;
        String path = file.path().toLowerCase(Locale.ROOT);
        boolean settings = path.endsWith(".properties") || path.endsWith(".yml") || path.endsWith(".yaml");
        if (!java && !settings) {
            return List.of();
        }
        Severity severity = catalog.item("CONC-02").map(Catalog.Item::severity).orElse(Severity.WARNING);
        List<Finding> out = new ArrayList<>();
        List<Integer> reported = new ArrayList<>();
        Boolean queueSetElsewhere = null; // read from every added line of the change, once a bound was deleted here
        for (RemovedLine removed : RemovedLine.of(file)) {
            String text = removed.line().text();
            if (!text.contains("ueueCapacity") && !text.contains("workQueue") && !text.contains("queue-capacity")) {
                continue;
            }
            if (queueSetElsewhere == null) {
                queueSetElsewhere = allAdded.anyFinds(SETS_QUEUE);
            }
            if (queueSetElsewhere) {
                return List.of();
            }
            String receiver = null;
            boolean step = false;
            if (java) {
                Matcher m = BOUND.matcher(text);
                if (!m.find() || UNBOUNDED.matcher(m.group(2)).find()
                        || text.contains("workQueue") && !BOUNDED_QUEUE.matcher(m.group(2)).find()) {
                    continue;
                }
                receiver = m.group(1);
                step = text.strip().startsWith(".");
            } else {
                Matcher m = PROPERTY.matcher(text);
                if (!m.find() || UNBOUNDED.matcher(m.group(1)).find()
                        || text.strip().startsWith("queue-capacity") && !yamlTaskPool(file)) {
                    continue;
                }
            }
            List<DiffLine> lines = removed.lines();
            int from = removed.index();
            while (from > 0 && lines.get(from - 1).kind() == DiffLine.Kind.REMOVED) {
                from--;
            }
            int to = removed.index();
            while (to + 1 < lines.size() && lines.get(to + 1).kind() == DiffLine.Kind.REMOVED) {
                to++;
            }
            boolean above = from > 0 && lines.get(from - 1).kind() == DiffLine.Kind.CONTEXT;
            boolean below = to + 1 < lines.size() && lines.get(to + 1).kind() == DiffLine.Kind.CONTEXT;
            if (!(above || below) || !onlyPoolSettings(lines, from, to, java ? POOL_SETTING : POOL_PROPERTY)) {
                continue; // a rewrite, or a deletion the hunk does not frame
            }
            if (java && !SPRING_POOL.matcher(file.text()).find() && !step) {
                continue; // a setter of some other queue owner
            }
            int line = java ? construction(lines, from - 1, receiver) : 0;
            if (line <= 0) {
                line = below ? lines.get(to + 1).newLine() : lines.get(from - 1).newLine();
            }
            if (line <= 0 || reported.contains(line)) {
                continue;
            }
            reported.add(line);
            out.add(new Finding(RULE, "CONC-02", severity, file.path(), line, 1, file.line(line).strip(),
                    "The change deletes `" + text.strip() + "` and keeps the pool: without it the work queue is "
                            + "unbounded (Integer.MAX_VALUE), so under load tasks pile up in memory and the pool "
                            + "never starts more than its core threads. Keep a queue capacity and a rejection policy.",
                    Finding.Confidence.HIGH, null, "kb", null));
        }
        return out;
    }

    /** True when every deleted line of {@code from..to} configures the pool (its queue bound among them) or is a comment. */
    private static boolean onlyPoolSettings(List<DiffLine> lines, int from, int to, Pattern setting) {
        for (int j = from; j <= to; j++) {
            String t = lines.get(j).text();
            if (!COMMENT.matcher(t).matches() && !BOUND.matcher(t).find() && !PROPERTY.matcher(t).find()
                    && !setting.matcher(t).find() && !t.strip().equals(")") && !t.strip().equals(");")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The new line, at or above {@code at} in the hunk, that builds the pool: {@code receiver = new
     * ThreadPoolTaskExecutor()} for a setter's receiver, or a builder's head for a step. 0 when the hunk does not show it.
     */
    private static int construction(List<DiffLine> lines, int at, String receiver) {
        Pattern own = receiver == null ? null
                : Pattern.compile("(?:(?<![\\w.])|(?<=\\bthis\\.))" + Pattern.quote(receiver) + "\\s*=\\s*new\\s+\\w");
        for (int j = at; j >= 0; j--) {
            DiffLine l = lines.get(j);
            if (l.kind() == DiffLine.Kind.REMOVED) {
                continue;
            }
            String t = l.text();
            if (own != null ? own.matcher(t).find() : CONSTRUCTION.matcher(t).find()) {
                return l.newLine();
            }
            if (own == null && !t.strip().startsWith(".") && !COMMENT.matcher(t).matches()) {
                return t.strip().endsWith(";") || t.strip().endsWith("{") || t.strip().endsWith("}") ? 0
                        : l.newLine(); // the head of the builder chain
            }
            if (own == null && t.strip().endsWith(";") && j < at) {
                return 0; // the chain's statement ended above the step
            }
        }
        return 0;
    }

    /** Whether a YAML file's {@code queue-capacity} key is Spring's task pool (the file names the task execution). */
    private static boolean yamlTaskPool(SourceFile file) {
        String t = file.text();
        return t.contains("task:") && t.contains("execution:") || t.contains("spring.task.execution");
    }
}
