package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Session 25's breadth cases for LOG-01 and LOG-02: shapes of real log-spam and eager-formatting fixes from projects
 * and loggers no earlier round used, each written anew (own names and code) as the defect and the fixed code. Threads:
 * a declarative operator moving per-resource status lines to logr's V(2); a runtime reconciler lowering per-runtime
 * Infof lines to debug; an OVN controller moving klog retry lines behind V(5); a libp2p pubsub reader warning per
 * invalid message; a CI run controller printing per work item; a structural-biology parser warning once per loop
 * instead of per unknown key; an imaging server's and a BPM cloud's warn lines lowered to debug; a messaging node's
 * per-peer message-loop warning (the fixed form leaves the loop); zerolog's lazy MsgFunc.
 */
class LogBreadth25Test {

    private static List<String> item(String path, String text, String item) {
        return GoRound8ClassesTest.item(LifecycleRulesTest.newFile(path, text), item);
    }

    private static String go(String body) {
        return "package ctl\n\nimport (\n\t\"context\"\n\t\"fmt\"\n)\n\n" + body;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // operator: a status line per resource of every check, at V(0)
            """
            func (s *Checker) Statuses(ctx context.Context, objs []Object) {
            	for _, o := range objs {
            		st := s.status(o)
            		s.log.Info("resource status", "kind", o.Kind, "name", o.Name, "status", st)
            	}
            }
            """,
            // reconciler: per runtime of each run, sugared Infof
            """
            func (r *Runner) Reconcile(ctx context.Context, runtimes []Runtime) {
            	for _, rt := range runtimes {
            		r.logger.Infof("processing runtime %s in state %s", rt.ID, rt.State)
            		r.apply(ctx, rt)
            	}
            }
            """,
            // OVN-like retry pass: klog Infof per object retried
            """
            func (f *Retrier) retryAll(ctx context.Context, keys []string) {
            	for _, k := range keys {
            		klog.Infof("retrying object %s", k)
            		f.retry(ctx, k)
            	}
            }
            """,
            // pubsub reader: a warning per invalid message of a stream
            """
            func (p *Reader) readLoop(ctx context.Context, r MsgReader) {
            	for {
            		msg, err := r.Next(ctx)
            		if err != nil {
            			return
            		}
            		if !p.valid(msg) {
            			log.Warnf("dropping invalid message from %s", msg.From)
            			continue
            		}
            		p.deliver(msg)
            	}
            }
            """,
            // run controller: std log per work item taken from the queue
            """
            func (c *Controller) runWorker(ctx context.Context) {
            	for {
            		key, quit := c.queue.Get()
            		if quit {
            			return
            		}
            		log.Printf("processing %s, queue length %d", key, c.queue.Len())
            		c.sync(ctx, key)
            	}
            }
            """})
    void a_go_line_per_element_of_work_is_found(String body) {
        assertEquals(1, item("ctl/work.go", go(body), "LOG-01").size(), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // the operator's fix: V(2)
            """
            func (s *Checker) Statuses(ctx context.Context, objs []Object) {
            	for _, o := range objs {
            		st := s.status(o)
            		s.log.V(2).Info("resource status", "kind", o.Kind, "name", o.Name, "status", st)
            	}
            }
            """,
            // the reconciler's fix: Debugf
            """
            func (r *Runner) Reconcile(ctx context.Context, runtimes []Runtime) {
            	for _, rt := range runtimes {
            		r.logger.Debugf("processing runtime %s in state %s", rt.ID, rt.State)
            		r.apply(ctx, rt)
            	}
            }
            """,
            // the OVN fix: V(5)
            """
            func (f *Retrier) retryAll(ctx context.Context, keys []string) {
            	for _, k := range keys {
            		klog.V(5).Infof("retrying object %s", k)
            		f.retry(ctx, k)
            	}
            }
            """,
            // a message loop that warns once and leaves (one line per peer that goes away)
            """
            func (p *Peer) messageLoop(ctx context.Context) error {
            	for {
            		msg, err := p.rw.ReadMsg()
            		if err != nil {
            			log.Warn("message loop ended", "peer", p.id, "err", err)
            			return err
            		}
            		p.handle(msg)
            	}
            }
            """,
            // zerolog's lazy message: the Sprintf runs only when the event is written
            """
            func (r *Runner) Trace(ctx context.Context, runtimes []Runtime) {
            	for _, rt := range runtimes {
            		r.log.Debug().MsgFunc(func() string { return fmt.Sprintf("runtime %+v", rt) })
            	}
            }
            """})
    void a_go_fixed_form_is_clean(String body) {
        assertEquals(List.of(), item("ctl/work.go", go(body), "LOG-01"), body);
        assertEquals(List.of(), item("ctl/work.go", go(body), "LOG-02"), body);
    }

    private static String java(String body) {
        return "package org.acme.parse;\n\nclass Reader {\n" + body + "}\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // a warning per unknown key of a parsed block
            """
                void read(Map<String, String> fields) {
                    for (String key : fields.keySet()) {
                        if (!KNOWN.contains(key)) {
                            logger.warn("unknown field {}, ignored", key);
                        }
                    }
                }
            """,
            // an info line per pixel set imported
            """
                void importAll(List<PixelSet> sets) {
                    for (PixelSet p : sets) {
                        log.info("importing pixel set " + p.getId());
                        store.save(p);
                    }
                }
            """,
            // a warning per task variable that is not mapped, written with Log4j 2 at warn
            """
                void map(List<Variable> variables) {
                    for (Variable v : variables) {
                        LOGGER.warn("variable {} has no mapping", v.getName());
                        unmapped.add(v);
                    }
                }
            """})
    void a_java_line_per_element_of_input_is_found(String body) {
        assertEquals(1, item("src/main/java/org/acme/parse/Reader.java", java(body), "LOG-01").size(), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // the parser's fix: once per loop
            """
                void read(Map<String, String> fields) {
                    boolean warned = false;
                    for (String key : fields.keySet()) {
                        if (!KNOWN.contains(key) && !warned) {
                            warned = true;
                            logger.warn("unknown fields in block, first {}", key);
                        }
                    }
                }
            """,
            // the imaging server's fix: debug with placeholders
            """
                void importAll(List<PixelSet> sets) {
                    for (PixelSet p : sets) {
                        log.debug("importing pixel set {}", p.getId());
                        store.save(p);
                    }
                }
            """,
            // a summary after the loop
            """
                void map(List<Variable> variables) {
                    for (Variable v : variables) {
                        unmapped.add(v);
                    }
                    if (!unmapped.isEmpty()) {
                        LOGGER.warn("{} variables have no mapping", unmapped.size());
                    }
                }
            """})
    void a_java_fixed_form_is_clean(String body) {
        assertEquals(List.of(), item("src/main/java/org/acme/parse/Reader.java", java(body), "LOG-01"), body);
    }
}
