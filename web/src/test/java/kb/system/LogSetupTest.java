package kb.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogSetupTest {

    @Test
    void every_line_carries_the_request_id_or_a_dash() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LoggerContext context = contextWritingTo(out);
        Logger log = context.getLogger("kb.incidents.IncidentRoutes");

        MDC.put("requestId", "req-42");
        try {
            log.info("GET /incidents -> 200");
        } finally {
            MDC.remove("requestId");
        }
        log.warn("outside any request");

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length, out.toString(StandardCharsets.UTF_8));
        assertTrue(lines[0].matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[req-42] k\\.i\\.IncidentRoutes - GET /incidents -> 200"),
                lines[0]);
        assertTrue(lines[1].contains(" WARN  [-] ") && lines[1].endsWith("outside any request"), lines[1]);
    }

    @Test
    void libraries_speak_only_at_warn_and_above() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LoggerContext context = contextWritingTo(out);

        context.getLogger("org.eclipse.jetty.server.Server").info("jetty chatter");
        context.getLogger("org.flywaydb.core.Flyway").info("flyway chatter");
        context.getLogger("org.eclipse.jetty.server.Server").warn("jetty warning");

        String text = out.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("chatter"), text);
        assertTrue(text.contains("jetty warning"), text);
    }

    /** A context of its own, sharing the MDC that {@link MDC} writes to, as the real one does. */
    private static LoggerContext contextWritingTo(ByteArrayOutputStream out) {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setOutputStream(out);
        LogSetup.install(context, appender);
        return context;
    }

    @Test
    void logback_picks_the_set_up_from_the_service_file() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertNotNull(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT"),
                "the console appender named by LogSetup is attached to the root logger");
        assertEquals(Level.WARN, context.getLogger("com.zaxxer.hikari").getEffectiveLevel());
    }
}
