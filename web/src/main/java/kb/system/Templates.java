package kb.system;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Pebble plugged into Javalin's file renderer: templates under {@code templates/} on the classpath,
 * strict variables (a typo is an error, not an empty string) and HTML auto-escaping.
 * Every page also receives the shared page model from {@link PageModel}.
 */
public final class Templates implements FileRenderer {

    private final PebbleEngine engine;
    private final PageModel pageModel = new PageModel();

    public Templates() {
        ClasspathLoader loader = new ClasspathLoader();
        loader.setPrefix("templates");
        loader.setSuffix(".peb");
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .strictVariables(true)
                .autoEscaping(true)
                .newLineTrimming(false)
                .extension(new PebbleFilters())
                .build();
    }

    @Override
    public String render(String path, Map<String, ?> model, Context ctx) {
        Map<String, Object> all = new HashMap<>(pageModel.of(ctx));
        all.putAll(model);
        return render(path, all);
    }

    /** The model every page of this app shares; features add to it at start-up. */
    public PageModel pageModel() {
        return pageModel;
    }

    /** Renders outside a request, e.g. for error pages built from the exception handler. */
    public String render(String path, Map<String, Object> model) {
        PebbleTemplate template = engine.getTemplate(path);
        StringWriter out = new StringWriter();
        try {
            template.evaluate(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
