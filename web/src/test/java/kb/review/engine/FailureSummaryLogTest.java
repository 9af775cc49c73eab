package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Session 26's LOG-01 classes of a warning per failed element (round 22's misses go-21, go-25, go-36 and java-25, and
 * shapes of the same classes in other loggers), and the look-alikes that stay clean:
 *
 * <ul>
 * <li>a failure branch inside a loop whose outcomes the code sums up after the loop (a tally or list set up just
 * before it, named by a log line just after it): the author counts failures because they come in numbers, so the
 * line per failed element beside the summary is the flood;</li>
 * <li>Go's counted skip in an edit whose hunk starts inside the loop ({@code if err != nil { unreadable++;
 * klog.Warningf(...); continue }}), which Java already had;</li>
 * <li>a deleted sample or rate limit whose kind only a repeated line has (a counter modulo N, a limiter, a cap on
 * a count), where the loop's header is above the hunk; and the line written just before the loop's {@code break},
 * which runs once whatever limit was around it before ({@link DeletedLogLimitsTest}).</li>
 * </ul>
 * The marked line ({@code // <- flood}) is where the finding must be; a clean case has no LOG-01 finding at all.
 */
class FailureSummaryLogTest {

    private static final String MARK = "// <- flood";

    static List<String> log01(String diff) {
        return GoRound8ClassesTest.item(diff, "LOG-01").stream().map(s -> s.substring(0, s.indexOf(':'))).toList();
    }

    private static String marked(String code) {
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(MARK)) {
                return String.valueOf(i + 1);
            }
        }
        throw new IllegalArgumentException("no marked line");
    }

    private static String goFile(String body) {
        return "package store\n\nimport (\n\t\"context\"\n\t\"fmt\"\n)\n\n" + body;
    }

    private static String javaFile(String body) {
        return "package org.acme.sync;\n\nimport java.util.*;\n\n" + body;
    }

    // --- a failure branch in a loop the code sums up after it

    @ParameterizedTest
    @ValueSource(strings = {
            // slog-style key-values on a field logger, the success count summed up after the loop
            """
            func (e *Exporter) push(ctx context.Context, batches []*Batch) {
            	pushed := 0
            	for _, b := range batches {
            		if err := e.sink.Send(ctx, b); err != nil {
            			e.logger.Warn("batch not pushed", "batch", b.ID, "err", err) // <- flood
            			continue
            		}
            		pushed++
            	}
            	e.logger.Info("push done", "pushed", pushed, "total", len(batches))
            }
            """,
            // zap sugared, a list of failed keys reported after the loop
            """
            func (c *Cache) warm(ctx context.Context, keys []string) {
            	var failed []string
            	for _, k := range keys {
            		v, err := c.backend.Get(ctx, k)
            		if err != nil {
            			c.log.Errorw("warm-up read failed", "key", k, "error", err) // <- flood
            			failed = append(failed, k)
            			continue
            		}
            		c.put(k, v)
            	}
            	if len(failed) > 0 {
            		c.log.Warnw("cache warm-up incomplete", "failed", len(failed))
            	}
            }
            """,
            // logrus, a counter declared with var, summary through Infof
            """
            func (s *Syncer) mirror(ctx context.Context, objs []Object) error {
            	var copied int
            	for _, o := range objs {
            		if err := s.dst.Put(ctx, o); err != nil {
            			s.log.WithError(err).Errorf("copy of %s failed", o.Key) // <- flood
            		} else {
            			copied++
            		}
            	}
            	s.log.Infof("mirrored %d of %d objects", copied, len(objs))
            	return nil
            }
            """,
            })
    void a_go_warning_per_failed_element_beside_the_loops_own_summary_is_found(String body) {
        String code = goFile(body);
        assertEquals(List.of(marked(code)), log01(LifecycleRulesTest.newFile("store/push.go", code)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // SLF4J in a multi-catch, failures listed for the summary line
            """
            public class Importer {
                private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Importer.class);
                private final Store store;
                Importer(Store store) { this.store = store; }
                public void importAll(List<Record> records) {
                    List<String> rejected = new ArrayList<>();
                    for (Record r : records) {
                        try {
                            store.save(r);
                        } catch (StoreException | java.io.IOException e) {
                            LOG.warn("record {} not imported: {}", r.id(), e.getMessage()); // <- flood
                            rejected.add(r.id());
                        }
                    }
                    if (!rejected.isEmpty()) {
                        LOG.warn("{} records not imported", rejected.size());
                    }
                }
            }
            """,
            // Log4j 2, an int counter of successes summed up
            """
            public class Notifier {
                private static final org.apache.logging.log4j.Logger logger =
                        org.apache.logging.log4j.LogManager.getLogger(Notifier.class);
                private final Gateway gateway;
                Notifier(Gateway gateway) { this.gateway = gateway; }
                public void notifyAll(List<Subscriber> subscribers, Event ev) {
                    int delivered = 0;
                    for (Subscriber s : subscribers) {
                        try {
                            gateway.deliver(s.endpoint(), ev);
                            delivered++;
                        } catch (GatewayException e) {
                            logger.error("delivery to {} failed", s.endpoint(), e); // <- flood
                        }
                    }
                    logger.info("event {} delivered to {} of {}", ev.id(), delivered, subscribers.size());
                }
            }
            """,
            })
    void a_java_warning_per_failed_element_beside_the_loops_own_summary_is_found(String body) {
        String code = javaFile(body);
        assertEquals(List.of(marked(code)), log01(LifecycleRulesTest.newFile("src/main/java/org/acme/sync/A.java", code)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // the failure line is a debug line: per-element detail where the item puts it
            """
            func (e *Exporter) push(ctx context.Context, batches []*Batch) {
            	pushed := 0
            	for _, b := range batches {
            		if err := e.sink.Send(ctx, b); err != nil {
            			e.logger.Debug("batch not pushed", "batch", b.ID, "err", err)
            			continue
            		}
            		pushed++
            	}
            	e.logger.Info("push done", "pushed", pushed)
            }
            """,
            // no summary after the loop: the failure branch stays the rare path
            """
            func (e *Exporter) push(ctx context.Context, batches []*Batch) error {
            	for _, b := range batches {
            		if err := e.sink.Send(ctx, b); err != nil {
            			e.logger.Warn("batch not pushed", "batch", b.ID, "err", err)
            			return err
            		}
            	}
            	return nil
            }
            """,
            // the line after the loop names only the input's size, nothing counted
            """
            func (e *Exporter) push(ctx context.Context, batches []*Batch) {
            	for _, b := range batches {
            		if err := e.sink.Send(ctx, b); err != nil {
            			e.logger.Warn("batch not pushed", "batch", b.ID, "err", err)
            			continue
            		}
            	}
            	e.logger.Info("push pass over", "batches", len(batches))
            }
            """,
            // the warning is capped to the first few, the count summed up: the checklist's Good shape
            """
            func (e *Exporter) push(ctx context.Context, batches []*Batch) {
            	failed := 0
            	for _, b := range batches {
            		if err := e.sink.Send(ctx, b); err != nil {
            			failed++
            			if failed <= 3 {
            				e.logger.Warn("batch not pushed", "batch", b.ID, "err", err)
            			}
            			continue
            		}
            	}
            	e.logger.Info("push done", "failed", failed, "total", len(batches))
            }
            """,
            // the same cap against a named limit, the branch running on to the loop's end (heldout2's go-ok-11)
            """
            func (e *Exporter) push(ctx context.Context, batches []*Batch) int {
            	failed := 0
            	for _, b := range batches {
            		if err := e.sink.Send(ctx, b); err != nil {
            			failed++
            			if failed <= maxLogged {
            				slog.Warn("batch not pushed", "batch", b.ID, "err", err)
            			}
            		}
            	}
            	slog.Info("push done", "failed", failed, "not_logged", max(0, failed-maxLogged))
            	return failed
            }
            """,
            })
    void go_look_alikes_stay_clean(String body) {
        assertEquals(List.of(), log01(LifecycleRulesTest.newFile("store/push.go", goFile(body))));
    }

    @Test
    void a_java_failure_line_whose_loop_ends_in_a_summary_of_the_input_only_stays_clean() {
        String code = javaFile("""
                public class Importer {
                    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Importer.class);
                    private final Store store;
                    Importer(Store store) { this.store = store; }
                    public void importAll(List<Record> records) {
                        for (Record r : records) {
                            try {
                                store.save(r);
                            } catch (StoreException e) {
                                LOG.warn("record {} not imported", r.id(), e);
                            }
                        }
                        LOG.info("import pass over {} records", records.size());
                    }
                }
                """);
        assertEquals(List.of(), log01(LifecycleRulesTest.newFile("src/main/java/org/acme/sync/A.java", code)));
    }

    @Test
    void a_java_failure_line_whose_summary_counts_an_inner_loops_work_stays_clean() {
        // the warning is once per root; the tally summed up counts directories the inner loop removes (heldout6 java-07)
        String code = javaFile("""
                public class CleanupJob {
                    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CleanupJob.class);
                    private final List<Path> roots;
                    CleanupJob(List<Path> roots) { this.roots = roots; }
                    public void run() {
                        int removed = 0;
                        for (Path root : roots) {
                            try {
                                for (Path dir : listOld(root)) {
                                    delete(dir);
                                    removed++;
                                }
                            } catch (java.io.IOException e) {
                                LOG.warn("cleanup of {} failed", root, e);
                            }
                        }
                        LOG.info("cleanup removed {} directories", removed);
                    }
                }
                """);
        assertEquals(List.of(), log01(LifecycleRulesTest.newFile("src/main/java/org/acme/sync/A.java", code)));
    }

    // --- Go's counted skip, the loop's header above the hunk

    @ParameterizedTest
    @ValueSource(strings = {
            "\t\t\tklog.Warningf(\"cannot read counters of %s: %v\", dev, err)",
            "\t\t\tlog.Printf(\"cannot read counters of %s: %v\", dev, err)",
            "\t\t\tc.logger.Warn(\"cannot read counters\", \"device\", dev, \"err\", err)",
            "\t\t\tc.log.WithField(\"device\", dev).WithError(err).Warn(\"cannot read counters\")",
            "\t\t\tzap.L().Warn(\"cannot read counters\", zap.String(\"device\", dev), zap.Error(err))",
    })
    void a_go_line_in_a_counted_skip_below_a_hidden_loop_header_is_found(String line) {
        String diff = ContinuedLoopLogTest.edit("collect/devices.go", 40,
                "\t\tst, err := readCounters(filepath.Join(c.root, dev, \"stat\"))",
                "\t\tif err != nil {",
                "\t\t\tskipped++",
                "+" + line,
                "\t\t\tcontinue",
                "\t\t}",
                "\t\tout[dev] = st");
        assertEquals(List.of("43"), log01(diff));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // a debug line: Go's loggers format it only when debug is on
            "\t\t\tc.logger.Debug(\"cannot read counters\", \"device\", dev, \"err\", err)",
            // klog's verbose level
            "\t\t\tklog.V(4).Infof(\"cannot read counters of %s: %v\", dev, err)",
    })
    void a_go_detail_line_in_a_counted_skip_stays_clean(String line) {
        String diff = ContinuedLoopLogTest.edit("collect/devices.go", 40,
                "\t\tst, err := readCounters(filepath.Join(c.root, dev, \"stat\"))",
                "\t\tif err != nil {",
                "\t\t\tskipped++",
                "+" + line,
                "\t\t\tcontinue",
                "\t\t}",
                "\t\tout[dev] = st");
        assertEquals(List.of(), log01(diff));
    }

    @Test
    void a_go_skip_that_counts_nothing_or_leaves_by_a_label_stays_clean() {
        assertEquals(List.of(), log01(ContinuedLoopLogTest.edit("collect/devices.go", 40,
                "\t\tst, err := readCounters(filepath.Join(c.root, dev, \"stat\"))",
                "\t\tif err != nil {",
                "+\t\t\tklog.Warningf(\"cannot read counters of %s: %v\", dev, err)",
                "\t\t\treturn nil, err",
                "\t\t}",
                "\t\tout[dev] = st")));
        assertEquals(List.of(), log01(ContinuedLoopLogTest.edit("collect/devices.go", 40,
                "\t\tst, err := readCounters(filepath.Join(c.root, dev, \"stat\"))",
                "\t\tif err != nil {",
                "\t\t\tskipped++",
                "+\t\t\tklog.Warningf(\"cannot read counters of %s: %v\", dev, err)",
                "\t\t\tcontinue outer",
                "\t\t}",
                "\t\tout[dev] = st")));
    }
}
