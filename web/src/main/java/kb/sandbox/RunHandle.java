package kb.sandbox;

/**
 * Lets someone other than the caller of {@link Sandbox#run(RunRequest, RunListener, RunHandle)}
 * stop the run: the child is killed, and the run ends as {@link RunStatus#KILLED} with a message
 * saying it was stopped. Stopping before the child starts keeps it from starting.
 */
public final class RunHandle {
    private volatile boolean stopped;
    private Runnable killer;

    /** Stops the run; safe to call at any time, more than once, from any thread. */
    public void stop() {
        Runnable k;
        synchronized (this) {
            stopped = true;
            k = killer;
        }
        if (k != null) {
            k.run();
        }
    }

    public boolean stopped() {
        return stopped;
    }

    /** Called by the sandbox once the child runs; kills at once if a stop came first. */
    void attach(Runnable kill) {
        boolean now;
        synchronized (this) {
            killer = kill;
            now = stopped;
        }
        if (now) {
            kill.run();
        }
    }
}
