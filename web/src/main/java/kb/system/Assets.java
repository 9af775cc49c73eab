package kb.system;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The app's own CSS and JavaScript under {@code /static/}, and the WebJars (highlight.js, mermaid)
 * under {@code /webjars/}, read through the class loader, which already has the jar open.
 *
 * <p>Javalin's static-file handler would mount the jar as a zip file system for each location and
 * index its 16,000 entries in Java code, about 0.4 s of CPU on every start. Only files with a known
 * type are served, names are checked before they reach the class loader, and what was read is kept
 * in memory (a handful of files, the largest mermaid at about 3 MB). {@code /webjars/highlightjs/V/core.min.js}
 * is highlight.js's core alone, cut from that version's bundle ({@link HighlightCore}).
 */
public final class Assets {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("map", "application/json; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"));
    /** Segments of letters, digits and {@code . _ - @ +}; no empty, {@code .} or {@code ..} segment. */
    private static final Pattern SAFE = Pattern.compile("(?!.*(^|/)\\.{1,2}(/|$))[A-Za-z0-9._@+-]+(/[A-Za-z0-9._@+-]+)*");

    private static final String WEBJARS = "META-INF/resources/webjars/";

    private record Asset(byte[] bytes, String type, String etag) {
    }

    private final String resourcePrefix;
    private final String cacheControl;
    private final ClassLoader loader = Assets.class.getClassLoader();
    private final Map<String, Asset> loaded = new ConcurrentHashMap<>();

    private Assets(String resourcePrefix, String cacheControl) {
        this.resourcePrefix = resourcePrefix;
        this.cacheControl = cacheControl;
    }

    /** True for the paths this serves: they need no database, no session and no request log line. */
    public static boolean isAsset(String path) {
        return path.startsWith("/static/") || path.startsWith("/webjars/");
    }

    /** Adds GET and HEAD for {@code /static/*} (revalidated by ETag) and {@code /webjars/*} (versioned: cached a year). */
    public static void install(JavalinConfig config) {
        Assets own = new Assets("static/", "no-cache");
        Assets webjars = new Assets(WEBJARS, "public, max-age=31536000, immutable");
        config.routes.get("/static/<path>", own::serve, Allowed.OPEN);
        config.routes.head("/static/<path>", own::serve, Allowed.OPEN);
        config.routes.get("/webjars/<path>", webjars::serve, Allowed.OPEN);
        config.routes.head("/webjars/<path>", webjars::serve, Allowed.OPEN);
    }

    private void serve(Context ctx) {
        Asset asset = find(ctx.pathParam("path"));
        if (asset == null) {
            throw new NotFoundResponse("There is no file at " + ctx.path() + ".");
        }
        ctx.header("Cache-Control", cacheControl);
        ctx.header("ETag", asset.etag());
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.equals(asset.etag()) || ifNoneMatch.equals("W/" + asset.etag()))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(asset.type()).result(asset.bytes());
    }

    /** The file at {@code path} under this location, or null when there is none with a type we serve. */
    Asset find(String path) {
        String type = TYPES.get(extension(path));
        if (type == null || path.length() > 300 || !SAFE.matcher(path).matches()) {
            return null;
        }
        Asset cached = loaded.get(path);
        if (cached != null) {
            return cached;
        }
        Optional<String> bundle = resourcePrefix.equals(WEBJARS) ? HighlightCore.bundleFor(path) : Optional.empty();
        try (InputStream in = loader.getResourceAsStream(resourcePrefix + bundle.orElse(path))) {
            if (in == null) {
                return null; // misses are not kept: made-up names must not grow the map
            }
            byte[] bytes = bundle.isPresent() ? HighlightCore.cut(in.readAllBytes()) : in.readAllBytes();
            Asset asset = new Asset(bytes, type, "\"" + ContentHash.sha256(bytes).substring(0, 24) + "\"");
            loaded.putIfAbsent(path, asset);
            return asset;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resourcePrefix + path, e);
        }
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 || dot < path.lastIndexOf('/') ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
