package kb.system;

import io.javalin.http.Handler;

import java.io.Serializable;

/**
 * A route handler the site map can name by class and method: declare a route as
 * {@code get("{id}", Named.handler(pages::show), Allowed.ANYONE)} and {@code routes} prints
 * {@code incidents.IncidentController.show}. The method reference stays checked by the compiler; the name
 * is read from it, so it cannot go stale. Routes declared with a plain {@link Handler} show only the class
 * that declared them.
 */
@FunctionalInterface
public interface Named extends Handler, Serializable {

    /** Returns {@code handler}; the parameter type makes the compiler keep the method reference's name. */
    static Handler handler(Named handler) {
        return handler;
    }
}
