package kb.review.engine;

import static kb.review.engine.FailingElementLogTest.log01;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LOG-01's class of a warning per element whose call to a shared dependency failed, in Java (the Go cases are in
 * {@link FailingElementLogTest}): a {@code catch} around a store, database or remote call inside a loop, logged at a
 * level services run with, through SLF4J, Log4j 2, JUL, System.Logger, commons-logging, JBoss, Flogger or Spring's
 * LogAccessor; and the clean look-alikes.
 */
class JavaFailingElementLogTest {

    private static String java(String imports, String body) {
        return "package org.acme.sync;\n\n" + imports + "\nclass Worker {\n" + body + "}\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // SLF4J
            """
                void chargeAll(List<Order> orders) {
                    for (Order o : orders) {
                        try {
                            gateway.charge(o);
                        } catch (IOException e) {
                            failed++;
                            LOG.warn("charge failed for {}", o.id(), e);
                        }
                    }
                }
            """,
            // Log4j 2, catch of everything
            """
                void indexAll(Collection<Doc> documents) {
                    for (Doc doc : documents) {
                        try {
                            index.add(doc.id(), doc.body());
                        } catch (Exception e) {
                            failed++;
                            logger.error("could not index {}", doc.id(), e);
                        }
                    }
                }
            """,
            // JUL, a counting for over a parameter
            """
                void sendAll(List<String> ids) {
                    for (int i = 0; i < ids.size(); i++) {
                        try {
                            transport.send(ids.get(i));
                        } catch (IOException e) {
                            failed++;
                            LOGGER.log(Level.WARNING, "send failed", e);
                        }
                    }
                }
            """,
            // System.Logger, a while over an iterator, the element taken in the turn
            """
                void replicate(Iterator<Key> keys) {
                    while (keys.hasNext()) {
                        Key k = keys.next();
                        try {
                            replica.copy(k);
                        } catch (RuntimeException e) {
                            failed++;
                            log.log(System.Logger.Level.WARNING, "copy of {0} failed", k);
                        }
                    }
                }
            """,
            // JBoss Logging's format form
            """
                void deliver(List<Message> messages) {
                    for (Message m : messages) {
                        try {
                            broker.publish(m);
                        } catch (JMSException e) {
                            failed++;
                            log.warnf(e, "publish of %s failed", m.getId());
                        }
                    }
                }
            """,
            // Flogger
            """
                void export(List<Record> records) {
                    for (Record r : records) {
                        try {
                            sink.write(r);
                        } catch (IOException e) {
                            failed++;
                            logger.atWarning().withCause(e).log("export of %s failed", r.key());
                        }
                    }
                }
            """,
            // Spring's LogAccessor with a supplier, at warn
            """
                void refresh(Set<String> tenants) {
                    for (String t : tenants) {
                        try {
                            client.reload(t);
                        } catch (RestClientException e) {
                            failed++;
                            logger.warn(e, () -> "reload of " + t + " failed");
                        }
                    }
                }
            """})
    void a_java_warning_per_element_whose_call_failed_is_found(String body) {
        assertEquals(1, log01("src/main/java/org/acme/sync/Worker.java", java("", body)).size(), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // a counter and one summary after the loop
            """
                void chargeAll(List<Order> orders) {
                    int failed = 0;
                    for (Order o : orders) {
                        try {
                            gateway.charge(o);
                        } catch (IOException e) {
                            failed++;
                        }
                    }
                    if (failed > 0) {
                        LOG.warn("{} of {} charges failed", failed, orders.size());
                    }
                }
            """,
            // debug with placeholders
            """
                void chargeAll(List<Order> orders) {
                    for (Order o : orders) {
                        try {
                            gateway.charge(o);
                        } catch (IOException e) {
                            failed++;
                            LOG.debug("charge failed for {}", o.id(), e);
                        }
                    }
                }
            """,
            // Flogger rate-limited
            """
                void export(List<Record> records) {
                    for (Record r : records) {
                        try {
                            sink.write(r);
                        } catch (IOException e) {
                            failed++;
                            logger.atWarning().atMostEvery(1, TimeUnit.MINUTES).withCause(e).log("export failed");
                        }
                    }
                }
            """,
            // a cap on the count
            """
                void chargeAll(List<Order> orders) {
                    int failed = 0;
                    for (Order o : orders) {
                        try {
                            gateway.charge(o);
                        } catch (IOException e) {
                            if (failed++ < 5) {
                                LOG.warn("charge failed for {}", o.id(), e);
                            }
                        }
                    }
                }
            """,
            // closing resources
            """
                void closeAll(List<Closeable> resources) {
                    for (Closeable c : resources) {
                        try {
                            c.close();
                        } catch (IOException e) {
                            LOG.warn("close failed", e);
                        }
                    }
                }
            """,
            // a parse failure of one line of the input
            """
                void load(List<String> lines) {
                    for (String s : lines) {
                        try {
                            values.add(Integer.parseInt(s));
                        } catch (NumberFormatException e) {
                            LOG.warn("not a number: {}", s);
                        }
                    }
                }
            """,
            // no tally: one refused charge is the rare failure path (the corpus' java-34)
            """
                void chargeAll(List<Order> orders) {
                    for (Order o : orders) {
                        try {
                            gateway.charge(o);
                        } catch (IOException e) {
                            LOG.warn("charge failed for {}", o.id(), e);
                        }
                    }
                }
            """,
            // the owned listeners of an event, no tally
            """
                void fire(Event ev) {
                    for (Listener l : this.listeners) {
                        try {
                            l.onEvent(ev);
                        } catch (RuntimeException e) {
                            LOG.warn("listener failed", e);
                        }
                    }
                }
            """})
    void a_java_failure_branch_that_does_not_repeat_per_element_is_clean(String body) {
        assertEquals(List.of(), log01("src/main/java/org/acme/sync/Worker.java", java("", body)), body);
    }
}
