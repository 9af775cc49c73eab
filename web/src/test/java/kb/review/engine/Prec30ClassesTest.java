package kb.review.engine;

import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Session 30 (prec30): separators of items that were almost never right on real commits, each with defect variants
 * and clean look-alikes under {@code review/classes25/prec30-*}.
 */
class Prec30ClassesTest {

    /**
     * CONC-04: per-thread state (ThreadLocal, MDC key, MDC map, log4j ThreadContext) set in or right before a try whose
     * finally writes it back with a value (the previous one, a root label, remove-or-restore) is restored on every
     * path. Defects: a finally that writes null, one that writes another key, a restore after the call, a clear only
     * after a normal return.
     */
    @Test
    void threadStateRestoredInFinally() {
        ClassDiffs25.check("prec30-threadlocal-restored-in-finally", Set.of("CONC-04"));
    }

    /**
     * LOG-01, Go: a loop whose every turn blocks in a select that only drops what it receives (a timer, a trigger, a
     * wake or reload signal) or leaves the loop logs once per wake-up, not per element. Defects: a case that binds each
     * message, an event case beside a wake signal, a select with a default (no wait), a send case per record.
     */
    @Test
    void goSignalDrivenLoop() {
        ClassDiffs25.check("prec30-go-signal-loop-lines", Set.of("LOG-01"));
    }

    /**
     * LOG-01, Java: a CDI portable extension's observer of a container lifecycle event (after bean discovery, process
     * annotated type, after deployment validation) runs at deployment, so its loops walk what was deployed. Defects:
     * observers of the application's own events (one per order, one per payment, even named {@code ProcessPayment}).
     */
    @Test
    void cdiExtensionEventsRunAtDeployment() {
        ClassDiffs25.check("prec30-cdi-extension-events", Set.of("LOG-01"));
    }
}
