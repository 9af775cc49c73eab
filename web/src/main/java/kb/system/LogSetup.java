package kb.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

import java.util.Map;

/**
 * The logging set-up, in code rather than a {@code logback.xml}: one line per event on standard output,
 * with the request id from the MDC, and the chattier libraries held at WARN. Reading an XML file would
 * load an XML parser and some 300 more classes on every start; this takes a few milliseconds.
 *
 * <p>Found by logback through {@code META-INF/services}. An operator who wants a file of their own
 * passes {@code -Dlogback.configurationFile=...}, and then this steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {

    /** Time, level, request id ({@code -} outside a request), logger and message. */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%X{requestId:--}] %logger{20} - %msg%n";

    private static final Map<String, Level> QUIET = Map.of(
            "org.eclipse.jetty", Level.WARN,
            "io.javalin", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            "org.flywaydb", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setName("STDOUT");
        install(context, console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Wires {@code appender} to the root logger with the project's pattern and levels. */
    static void install(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }
}
