package kb.review.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LOG-02's class of an eager message (a {@code +}, {@code String.format}, a serialising argument) that a guard holds
 * where the call runs (precision set 16's AP). The item accepts a level test ("or guard the call with
 * isDebugEnabled()"), and a guard is any condition that must hold for control to reach the call: an outer if, not
 * only the nearest; an early exit above it ({@code if (!log.isDebugEnabled()) return;}); the project's own debug
 * switch ({@code config().debugMode()}, {@code settings.isDebug()}, a {@code DEBUG} constant), alone or in a
 * conjunction; {@code isLoggable} of JUL and {@code System.Logger}. The defects: the same lines without a guard, a
 * guard negated or on the other branch, an early exit that tests something else, the JDK loggers' detail levels given
 * as an argument ({@code log(Level.DEBUG, "..." + x)}) or as the method ({@code fine}).
 */
class LogGuardShapesTest {

    private static String java(String body) {
        return """
                package a;

                import java.util.List;
                import java.util.logging.Level;
                import org.slf4j.Logger;

                class Dispatcher {
                    private static final Logger log = org.slf4j.LoggerFactory.getLogger(Dispatcher.class);
                    private static final System.Logger LOG = System.getLogger("a");
                    private static final java.util.logging.Logger julLog = java.util.logging.Logger.getLogger("a");
                    private static final boolean DEBUG = Boolean.getBoolean("a.debug");
                    private final Settings settings = new Settings();

                    void dispatch(Packet packet, List<Packet> queue, Session session) {
                %s
                        queue.add(packet);
                    }
                }
                """.formatted(body);
    }

    private static List<String> log02(String body) {
        return JavaMissedClassesTest.items("src/main/java/a/Dispatcher.java", java(body)).stream()
                .filter(s -> s.endsWith(":LOG-02")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // unguarded, under a condition that tests something else
            "        if (packet != null) {\n            log.debug(\"dispatching \" + packet);\n        }",
            // System.Logger with the level as an argument
            "        LOG.log(System.Logger.Level.DEBUG, \"exec \" + packet + \" queue=\" + queue);",
            // JUL's fine, built with +
            "        julLog.fine(\"queued \" + packet.id() + \" for \" + session);",
            // the level test guards the other branch
            "        if (log.isDebugEnabled()) {\n            queue.clear();\n        } else {\n"
                    + "            log.debug(\"kept \" + queue.size() + \" packets\");\n        }",
            // the project's switch negated
            "        if (!settings.isDebug()) {\n            log.trace(String.format(\"packet %s\", packet));\n        }",
            // an early exit that tests the input, not the level
            "        if (packet == null) {\n            return;\n        }\n"
                    + "        log.debug(\"payload {}\", writer.writeValueAsString(packet));"})
    void an_unguarded_eager_message_is_found(String body) {
        assertEquals(1, log02(body).size(), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // an outer level test, two ifs up
            "        if (log.isDebugEnabled()) {\n            for (Packet p : queue) {\n                if (p.late()) {\n"
                    + "                    log.debug(\"late \" + p + \" behind \" + packet);\n                }\n"
                    + "            }\n        }",
            // an early return when the level is off
            "        if (!log.isDebugEnabled()) {\n            return;\n        }\n"
                    + "        log.debug(\"payload {}\", writer.writeValueAsString(packet));",
            // the project's debug switch in a conjunction
            "        if (session.config().debugMode() && DEBUG) {\n"
                    + "            log.debug(\"spawned \" + packet.id() + \" at \" + packet.position());\n        }",
            // System.Logger behind isLoggable
            "        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {\n"
                    + "            LOG.log(System.Logger.Level.DEBUG, \"exec \" + packet);\n        }",
            // JUL behind isLoggable, exit form
            "        if (!julLog.isLoggable(Level.FINE)) return;\n        julLog.fine(\"queued \" + packet.id());",
            // a constant switch alone
            "        if (DEBUG) {\n            log.trace(String.format(\"packet %s\", packet));\n        }"})
    void a_guarded_eager_message_is_left_alone(String body) {
        assertEquals(List.of(), log02(body), body);
    }

    private static String goFile(String body) {
        return """
                package relay

                import (
                	"fmt"

                	"go.uber.org/zap"
                )

                func (r *Relay) forward(p Packet) error {
                %s
                	return r.out.Send(p)
                }
                """.formatted(body);
    }

    private static List<String> goLog02(String body) {
        return JavaMissedClassesTest.items("relay/forward.go", goFile(body)).stream()
                .filter(s -> s.endsWith(":LOG-02")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\tr.logger.Debug(fmt.Sprintf(\"forwarding %+v\", p))",
            "\tif p.Size > 0 {\n\t\tr.logger.Debug(fmt.Sprintf(\"forwarding %+v\", p))\n\t}",
            "\tif err := p.Validate(); err != nil {\n\t\treturn err\n\t}\n\tr.logger.Debug(fmt.Sprintf(\"forwarding %+v\", p))"})
    void an_unguarded_go_sprintf_is_found(String body) {
        assertEquals(1, goLog02(body).size(), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\tif r.logger.Core().Enabled(zap.DebugLevel) {\n\t\tif p.Size > 0 {\n"
                    + "\t\t\tr.logger.Debug(fmt.Sprintf(\"forwarding %+v\", p))\n\t\t}\n\t}",
            "\tif !r.logger.Core().Enabled(zap.DebugLevel) {\n\t\treturn r.out.Send(p)\n\t}\n"
                    + "\tr.logger.Debug(fmt.Sprintf(\"forwarding %+v\", p))",
            "\tif ce := r.logger.Check(zap.DebugLevel, \"forwarding\"); ce != nil {\n"
                    + "\t\tr.logger.Debug(fmt.Sprintf(\"forwarding %+v\", p))\n\t}",
            "\tif r.cfg.Verbose && p.Size > 0 {\n\t\tr.logger.Debug(fmt.Sprintf(\"forwarding %+v\", p))\n\t}"})
    void a_guarded_go_sprintf_is_left_alone(String body) {
        assertEquals(List.of(), goLog02(body), body);
    }
}
