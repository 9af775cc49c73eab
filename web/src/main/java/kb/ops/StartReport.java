package kb.ops;

import kb.system.Config;
import kb.system.H2Settings;

import java.util.Map;

/** The start-up log's account of what is in use: database, heap budget, sandbox isolation. */
public final class StartReport {

    private StartReport() {
    }

    /** e.g. {@code database H2 file /srv/kb/data/kb, heap budget 256 MB (-Xmx256m), sandbox isolation auto}. */
    public static String describe(Config config) {
        return "database " + database(config.dbUrl()) + ", " + HeapBudget.describeThisJvm() + ", sandbox isolation "
                + sandboxIsolation(config.env());
    }

    /** The launcher's line: the server JVM's heap option and what the server will use. */
    public static String launcher(java.util.List<String> serverCommand, Map<String, String> env) {
        String heap = serverCommand.stream().filter(HeapBudget::setsHeap).reduce((a, b) -> b)
                .map(o -> "heap budget " + o.substring(o.startsWith("-Xmx") ? 4 : o.indexOf('=') + 1))
                .orElse("the JVM's default heap (KB_HEAP=off)");
        String db;
        try {
            db = database(Config.fromEnv(env).dbUrl());
        } catch (RuntimeException e) {
            db = "(invalid configuration: " + e.getMessage() + ")";
        }
        return "postmortem-kb launcher: starting the server JVM with " + heap + ", database " + db
                + ", sandbox isolation " + sandboxIsolation(env);
    }

    /** The database without credentials: H2's file or PostgreSQL's host and database. */
    public static String database(String url) {
        if (H2Settings.isH2File(url)) {
            String path = url.substring("jdbc:h2:".length()).replaceFirst("^file:", "");
            int semi = path.indexOf(';');
            return "H2 file " + (semi < 0 ? path : path.substring(0, semi)) + " (every commit written before it is acknowledged)";
        }
        if (url.startsWith("jdbc:h2:mem:")) {
            return "H2 in memory (nothing survives a stop)";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            String rest = url.substring("jdbc:postgresql:".length());
            int q = rest.indexOf('?');
            return "PostgreSQL " + (q < 0 ? rest : rest.substring(0, q)).replaceFirst("//[^@/]*@", "//");
        }
        int colon = url.indexOf(':', 5);
        return colon < 0 ? url : url.substring(0, colon);
    }

    /** What the sandbox was asked for; the tier it got is logged when its pool is warm. */
    static String sandboxIsolation(Map<String, String> env) {
        return env.getOrDefault("KB_SANDBOX_ISOLATION", "auto")
                + ("true".equalsIgnoreCase(env.getOrDefault("KB_SANDBOX_ALLOW_WEAK", "false").strip()) ? " (weak tier allowed for edited code)" : "");
    }
}
