package kb.search;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic postmortems for benchmarks: valid per the format, 2-6 KB, 10-30 timeline entries, about one
 * in five written in Chinese. Deterministic for a seed, so two runs measure the same data.
 */
public final class SyntheticPostmortems {

    private static final String[] SERVICES = {"payment-api", "order-service", "inventory", "search", "checkout",
            "user-service", "api-gateway", "billing", "notifier", "reports", "edge-proxy", "catalog", "ingest",
            "webhooks", "crawler", "pricing", "auth", "media", "queue-consumer", "cleanup-job"};
    private static final String[] TAGS = {"go", "java", "database", "http", "kubernetes", "grpc", "kafka", "redis",
            "logging", "tls", "dns", "cache"};
    private static final String[] CATEGORIES = {"resource-leak", "timeout", "error-handling", "concurrency",
            "memory-safety", "capacity", "configuration", "dependency", "observability", "security", "data-integrity"};
    private static final String[] SYMPTOMS = {"returned 502 errors", "ran out of connections", "stalled",
            "leaked file descriptors", "saturated the CPU", "lost messages", "served stale data", "crashed in a loop",
            "timed out", "double-charged customers", "filled the disk", "dropped requests during deploys"};
    private static final String[] CAUSES = {"a connection pool was created per request", "an HTTP client had no timeout",
            "a goroutine panicked without recover", "response bodies were not closed", "a retry loop logged every attempt",
            "the caller deadline was not propagated", "a transaction was not rolled back on error",
            "local times were stored without an offset", "the readiness probe ignored the cache",
            "a pooled buffer was reused too early", "a dependency had a known vulnerability", "a queue had no bound"};
    private static final String[] WORDS = ("the service handled traffic normally until the change reached production and "
            + "latency rose while errors spread to callers so the on-call engineer paged the owning team who "
            + "rolled back checked dashboards compared deploys and found the pattern in the logs").split(" ");
    private static final String[] ZH = {"支付服务在高峰期返回大量错误", "数据库连接池被耗尽", "网关调用下游没有设置超时",
            "协程发生 panic 导致进程退出", "重试循环中打印了大量日志", "响应体没有关闭导致文件句柄泄漏", "定时任务按错误的时区执行",
            "缓存未预热就接收了流量", "事务在错误路径上没有回滚", "值班工程师收到告警后开始排查", "回滚版本后错误率下降",
            "我们在复盘会上讨论了改进措施", "监控没有覆盖连接数指标", "发布过程中丢失了正在处理的请求"};

    private SyntheticPostmortems() {
    }

    /** The {@code n}-th postmortem of the sequence for {@code seed}. */
    public static String make(long seed, int n) {
        Random r = new Random(seed * 1_000_003L + n);
        boolean zh = r.nextInt(5) == 0;
        String service = SERVICES[r.nextInt(SERVICES.length)];
        OffsetDateTime started = OffsetDateTime.of(2018, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                .plusMinutes(r.nextInt(8 * 365 * 24 * 60));
        int entries = 10 + r.nextInt(21);
        List<OffsetDateTime> times = new ArrayList<>();
        OffsetDateTime t = started;
        for (int i = 0; i < entries; i++) {
            times.add(t);
            t = t.plusMinutes(1 + r.nextInt(20));
        }
        OffsetDateTime end = times.get(times.size() - 1);
        OffsetDateTime detected = times.get(Math.min(2, entries - 1));
        OffsetDateTime mitigated = times.get(entries / 2);
        String cause = CAUSES[r.nextInt(CAUSES.length)];
        StringBuilder md = new StringBuilder("---\n");
        md.append("id: synthetic-").append(seed).append('-').append(n).append('\n');
        md.append("title: ").append(zh ? service + " " + ZH[r.nextInt(ZH.length)]
                : service + " " + SYMPTOMS[r.nextInt(SYMPTOMS.length)] + " because " + cause).append('\n');
        md.append("severity: P").append(r.nextInt(5)).append('\n');
        md.append("started: ").append(started).append('\n');
        md.append("detected: ").append(detected).append('\n');
        md.append("mitigated: ").append(mitigated).append('\n');
        if (r.nextInt(10) > 0) {
            md.append("resolved: ").append(end).append('\n');
        }
        md.append("services: [").append(service).append("]\n");
        md.append("tags: [").append(TAGS[r.nextInt(TAGS.length)]).append(", ").append(TAGS[r.nextInt(TAGS.length)]).append("]\n");
        md.append("categories: [").append(CATEGORIES[r.nextInt(CATEGORIES.length)]).append("]\n");
        md.append("lang: ").append(zh ? "zh" : "en").append("\n---\n\n");
        md.append(zh ? "## 摘要\n\n" : "## Summary\n\n").append(prose(r, zh, 3 + r.nextInt(4))).append("\n\n");
        md.append(zh ? "## 影响\n\n" : "## Impact\n\n").append(prose(r, zh, 2 + r.nextInt(4))).append("\n\n");
        md.append(zh ? "## 时间线\n\n" : "## Timeline\n\n");
        String[] kinds = {"note", "detect", "escalate", "mitigate", "deploy", "note"};
        for (int i = 0; i < entries; i++) {
            OffsetDateTime at = times.get(i);
            String kind = i == 0 ? "trigger" : i == entries - 1 ? "resolve" : kinds[r.nextInt(kinds.length)];
            md.append("- ").append(at.toLocalDate()).append(' ').append(at.toLocalTime()).append(" [").append(kind).append("] ")
                    .append(prose(r, zh, 1)).append('\n');
        }
        md.append(zh ? "\n## 根因\n\n" : "\n## Root cause\n\n");
        md.append(zh ? ZH[r.nextInt(ZH.length)] + "。" : "The root cause: " + cause + ". ").append(prose(r, zh, 3 + r.nextInt(6)))
                .append("\n\n");
        if (r.nextBoolean()) {
            md.append("```go\nfunc handle(w http.ResponseWriter, r *http.Request) {\n\tdb, _ := sql.Open(\"postgres\", dsn)\n"
                    + "\trows, err := db.Query(\"SELECT 1\")\n\t_ = rows\n\t_ = err\n}\n```\n\n");
        }
        md.append(zh ? "## 改进项\n\n" : "## Action items\n\n");
        for (int i = 0, k = 2 + r.nextInt(4); i < k; i++) {
            md.append("- [").append(r.nextBoolean() ? "x" : " ").append("] ").append(prose(r, zh, 1))
                    .append(" (owner: owner").append(r.nextInt(40)).append(", due: ").append(end.toLocalDate().plusDays(14 + r.nextInt(60)))
                    .append(", type: ").append(new String[] {"prevent", "mitigate", "detect", "process"}[r.nextInt(4)]).append(")\n");
        }
        md.append(zh ? "\n## 经验教训\n\n" : "\n## Lessons learned\n\n").append(prose(r, zh, 2)).append('\n');
        while (md.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 2300) {
            md.append('\n').append(prose(r, zh, 4)).append('\n');
        }
        return md.toString();
    }

    private static String prose(Random r, boolean zh, int sentences) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            if (zh) {
                s.append(ZH[r.nextInt(ZH.length)]).append("。");
            } else {
                int len = 6 + r.nextInt(10);
                StringBuilder sentence = new StringBuilder();
                for (int w = 0; w < len; w++) {
                    sentence.append(w == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
                }
                sentence.setCharAt(0, Character.toUpperCase(sentence.charAt(0)));
                s.append(i == 0 ? "" : " ").append(sentence).append('.');
            }
        }
        return s.toString();
    }
}
