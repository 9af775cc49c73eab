package kb.cli;

import kb.App;
import kb.system.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.Callable;

/**
 * {@code routes}: the site map, one line per HTTP route with its method, path, the role that may call
 * it and its handler (class and method). Builds the app on a private in-memory database; touches
 * neither the configured database nor the network.
 */
@Command(name = "routes", mixinStandardHelpOptions = true,
        description = {"Print every HTTP route: method, path, role (who may call it) and handler.", "",
                "Roles: open (always), anyone (readers; anonymous too unless KB_PUBLIC_READ=false), signed-in, "
                        + "editor, editor-keeps-text (editor; the handler refuses others and returns their text), admin."})
public final class RoutesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var env = new HashMap<>(System.getenv());
        Config base = Config.fromEnv(env);
        Config config = new Config(0, base.dataDir(), "jdbc:h2:mem:kb-routes;DB_CLOSE_DELAY=-1", "sa", "",
                base.contentDir(), base.env());
        App.Services services = App.Services.open(config);
        try {
            spec.commandLine().getOut().print(App.siteMap(services).table());
            spec.commandLine().getOut().flush();
            return 0;
        } finally {
            services.close();
        }
    }
}
