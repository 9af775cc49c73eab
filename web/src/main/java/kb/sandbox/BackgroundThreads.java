package kb.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sandbox's own background threads: daemons whose unexpected death is logged, never silent. */
final class BackgroundThreads {

    private static final Logger log = LoggerFactory.getLogger(BackgroundThreads.class);

    private static volatile boolean shuttingDown;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shuttingDown = true, "kb-sandbox-shutdown-flag"));
    }

    private BackgroundThreads() {
    }

    /** Whether the JVM is shutting down: children dying then (a SIGTERM reaches them too) is no failure. */
    static boolean shuttingDown() {
        return shuttingDown;
    }

    static Thread daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((thread, e) -> log.error("sandbox thread {} died", thread.getName(), e));
        return t;
    }
}
