package kb.system;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered pages and API answers for anonymous readers, kept so the hot path does no database work,
 * no template rendering and no access check: a hit is answered right after the request id is set and
 * input is checked. Answers carry a weak {@code ETag}; {@code If-None-Match} with it gets 304.
 *
 * <p>What is cached: {@code GET} of the reading pages and their API ({@code /}, {@code /incidents...},
 * {@code /checklist...}, {@code /reviews...}, {@code /api/incidents...}, {@code /api/checklist...})
 * that answered 200 without setting a cookie, for requests with neither a session cookie nor an
 * {@code Authorization} header. Signed-in users are never served from here: their pages name them, carry
 * their CSRF token and may show drafts, and are {@code no-store}.
 *
 * <p>When it is dropped: every successful write through this server ({@code POST}, {@code PUT},
 * {@code PATCH}, {@code DELETE} answered below 400: edits, restores, imports, checklist changes,
 * reviews, marks, sign-in) empties it before the writer gets its answer, so a write is visible at once.
 * Changes made outside a request (the CLI's import into a shared database, another instance, the
 * background verifier's badges) show within {@link #ttlMillis} plus the time of one render: the first reader
 * after an entry's time renders it again, and readers who come meanwhile still get the old copy rather than
 * all waiting for that render (which under load made every reader stall once per period). Memory is bounded by entry count and
 * bytes ({@code KB_PAGE_CACHE_MB}, default {@value #DEFAULT_MB}; the entry stored longest ago goes first); answers larger
 * than {@link #MAX_ENTRY_BYTES} are never kept.
 */
public final class PageCache {

    /** Marks a request answered from the cache, so the request log and the filler skip it. */
    public static final String HIT = "kb.pageCache.hit";
    /** On a hit, the route template the page was rendered by (a hit never reaches the router). */
    public static final String ROUTE = "kb.pageCache.route";
    private static final String VERSION = "kb.pageCache.version";
    private static final String LEADER = "kb.pageCache.leader";
    /** How long a reader waits for another request that is rendering the same page. */
    private static final long WAIT_FOR_LEADER_MS = 10_000;
    /** How long past its time an entry may still be served to other readers while one renders it again. */
    private static final long STALE_GRACE_MS = WAIT_FOR_LEADER_MS;
    static final int MAX_ENTRY_BYTES = 2 * 1024 * 1024;
    private static final int MAX_ENTRIES = 500;
    /**
     * Cached pages stay live in the old generation, which keeps 40-60% of itself free ({@code kb.ops.HeapShape}):
     * a full cache costs about 1.7-2.5 times its bound in resident heap (an estimate), 40-60 MB for 24 MB. The server
     * is ~140 MB resident outside the heap with ~30 MB live in it and a 32 MB young generation: a full cache of the
     * earlier 48 MB would have put it well past 256 MB, 24 MB near it.
     */
    static final int DEFAULT_MB = 24;
    private static final List<String> CACHED = List.of("/incidents", "/checklist", "/reviews", "/api/incidents",
            "/api/checklist");
    private static final List<String> NEVER = List.of("/new", "/edit", "/history");

    /** One kept answer: the body split at the request id it was rendered with, which each hit replaces. */
    private record Entry(CachedBody body, String contentType, String etag, long version, long storedAt,
                         long size, String route) {
    }

    private final long ttlMillis;
    private final long maxTotalBytes;
    private final AtomicLong version = new AtomicLong();
    /** Read without a lock by every hit; changed only under {@link #writes}, which also guards {@link #totalBytes}. */
    private final Map<String, Entry> entries = new java.util.concurrent.ConcurrentHashMap<>();
    private final Object writes = new Object();
    /** Pages being rendered now: concurrent readers of a missing page wait for one render, not 64. */
    private final java.util.concurrent.ConcurrentHashMap<String, Rendering> rendering =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record Rendering(java.util.concurrent.CompletableFuture<Entry> done, long startedAt) {
    }
    private long totalBytes;

    PageCache(long ttlMillis, long maxTotalBytes) {
        this.ttlMillis = ttlMillis;
        this.maxTotalBytes = maxTotalBytes;
    }

    /**
     * Adds the cache's before- and after-handlers; call after {@code Web.configure} (request ids and the
     * input guard run first) and before the access filter. {@code KB_PAGE_CACHE_MS} (default 1000)
     * bounds how long a change made outside this server's requests may take to show, and
     * {@code KB_PAGE_CACHE_MB} (default {@value #DEFAULT_MB}) the bytes kept; 0 in either turns the cache off.
     *
     * @throws IllegalArgumentException when {@code KB_PAGE_CACHE_MB} is not a whole number of megabytes
     */
    public static void install(JavalinConfig config, Config app) {
        long ttl = Long.parseLong(app.get("KB_PAGE_CACHE_MS", "1000"));
        long maxBytes = maxBytes(app.get("KB_PAGE_CACHE_MB", String.valueOf(DEFAULT_MB)));
        if (ttl <= 0 || maxBytes == 0) {
            return;
        }
        PageCache cache = new PageCache(ttl, maxBytes);
        config.routes.before(cache::serve);
        config.routes.after(cache::store);
    }

    /** {@code KB_PAGE_CACHE_MB} in bytes. */
    static long maxBytes(String megabytes) {
        String raw = megabytes.strip();
        if (!raw.matches("[0-9]{1,5}")) {
            throw new IllegalArgumentException("KB_PAGE_CACHE_MB must be a whole number of megabytes (0 turns the page cache off), got '"
                    + megabytes + "'");
        }
        return Long.parseLong(raw) * 1024 * 1024;
    }

    void serve(Context ctx) {
        if (!cacheable(ctx)) {
            return;
        }
        ctx.attribute(VERSION, version.get());
        String key = key(ctx);
        Entry e = lookup(key);
        if (e != null && System.currentTimeMillis() - e.storedAt() > ttlMillis) {
            // past its time but no write through this server since: one reader renders it again, the others
            // keep getting this copy meanwhile instead of all waiting for that render
            e = lead(ctx, key) ? null : e;
        } else if (e == null) {
            e = awaitOrLead(ctx, key);
        }
        if (e == null) {
            return;
        }
        ctx.attribute(HIT, true);
        if (e.route() != null) {
            ctx.attribute(ROUTE, e.route());
        }
        ctx.header("ETag", e.etag());
        ctx.header("Cache-Control", "no-cache");
        if (e.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
        } else {
            ctx.contentType(e.contentType());
            e.body().send(ctx, RequestIds.of(ctx));
        }
        ctx.skipRemainingHandlers();
    }

    /**
     * Makes this request the one that renders {@code key} again, unless another request is doing so already
     * (and has not been at it too long); true when this request is to render.
     */
    private boolean lead(Context ctx, String key) {
        Rendering mine = new Rendering(new java.util.concurrent.CompletableFuture<>(), System.currentTimeMillis());
        Rendering other = rendering.putIfAbsent(key, mine);
        if (other != null && System.currentTimeMillis() - other.startedAt() > WAIT_FOR_LEADER_MS
                && rendering.replace(key, other, mine)) {
            other = null;
        }
        if (other == null) {
            ctx.attribute(LEADER, mine);
            return true;
        }
        return false;
    }

    /**
     * The entry another request is rendering right now, once it is done; or null, with this request made
     * the one that renders when nobody is (or the other render failed or takes too long).
     */
    private Entry awaitOrLead(Context ctx, String key) {
        if (lead(ctx, key)) {
            return null;
        }
        Rendering other = rendering.get(key);
        if (other == null) {
            return null; // it finished between the two looks: render here rather than wait for nothing
        }
        try {
            Entry done = other.done().get(WAIT_FOR_LEADER_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
            // rendered before a write that finished meanwhile: render afresh
            return done != null && done.version() == version.get() ? done : null;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
            return null;
        }
    }

    void store(Context ctx) {
        Rendering led = ctx.attribute(LEADER);
        Entry stored = null;
        try {
            stored = fill(ctx);
        } finally {
            if (led != null) {
                led.done().complete(stored);
                rendering.remove(key(ctx), led);
            }
        }
    }

    private Entry fill(Context ctx) {
        String method = ctx.method().name();
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")) {
            if (ctx.statusCode() < 400) {
                clear();
            }
            return null;
        }
        Long seen = ctx.attribute(VERSION);
        // rendered for someone signed in (however they were recognised): never shared
        if (seen == null || Boolean.TRUE.equals(ctx.attribute(HIT)) || ctx.statusCode() != 200 || Access.user(ctx) != null
                || Access.canEdit(ctx)
                || ctx.res().getHeader("Set-Cookie") != null || ctx.res().getHeader("Cache-Control") != null) {
            return null;
        }
        String type = ctx.res().getContentType();
        // only answers held in memory (rendered pages, JSON): a streamed answer must not be read here
        if (type == null || !(ctx.resultInputStream() instanceof java.io.ByteArrayInputStream in)
                || in.available() > Math.min(MAX_ENTRY_BYTES, maxTotalBytes)) {
            return null;
        }
        byte[] bytes = in.readAllBytes();
        in.reset();
        CachedBody body = CachedBody.of(bytes, RequestIds.of(ctx));
        // the tag ignores the request id, so a page rendered again with the same content keeps its tag
        String etag = "W/\"" + body.digest() + "\"";
        Entry e = new Entry(body, type, etag, seen, System.currentTimeMillis(), body.kept(), routeOf(ctx));
        put(key(ctx), e);
        // the hits that follow are compressed or not by what each reader accepts
        ctx.header("Vary", "Accept-Encoding");
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "no-cache");
        return e;
    }

    private static String routeOf(Context ctx) {
        try {
            var endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? null : endpoint.path;
        } catch (RuntimeException notRouted) {
            return null;
        }
    }

    /** Drops every entry; the next reader renders afresh. */
    void clear() {
        synchronized (writes) {
            version.incrementAndGet();
            entries.clear();
            // renders started before this write must not be handed to readers who come after it
            rendering.clear();
            totalBytes = 0;
        }
    }

    /** The entry for {@code key}, also when past its time (within the grace), or null. Takes no lock: the hot path. */
    private Entry lookup(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        // past its time it is still kept a while: served while one reader renders it again (see serve)
        if (e.version() != version.get() || System.currentTimeMillis() - e.storedAt() > ttlMillis + STALE_GRACE_MS) {
            synchronized (writes) {
                if (entries.remove(key, e)) {
                    totalBytes -= e.size();
                }
            }
            return null;
        }
        return e;
    }

    private void put(String key, Entry e) {
        synchronized (writes) {
            // a write finished while this page was rendering: what was rendered may be from before it
            if (e.version() != version.get()) {
                return;
            }
            Entry old = entries.put(key, e);
            totalBytes += e.size() - (old == null ? 0 : old.size());
            while (entries.size() > MAX_ENTRIES || totalBytes > maxTotalBytes) {
                // the entry stored longest ago goes first (a scan of at most MAX_ENTRIES, on a miss only)
                Map.Entry<String, Entry> oldest = null;
                for (Map.Entry<String, Entry> candidate : entries.entrySet()) {
                    if (oldest == null || candidate.getValue().storedAt() < oldest.getValue().storedAt()) {
                        oldest = candidate;
                    }
                }
                if (oldest == null || !entries.remove(oldest.getKey(), oldest.getValue())) {
                    break;
                }
                totalBytes -= oldest.getValue().size();
            }
        }
    }

    private static boolean cacheable(Context ctx) {
        if (!ctx.method().name().equals("GET") || ctx.header("Authorization") != null) {
            return false;
        }
        String cookie = ctx.header("Cookie");
        if (cookie != null && cookie.contains("kb_session=")) {
            return false;
        }
        String path = ctx.path();
        if (path.equals("/")) {
            return true;
        }
        for (String never : NEVER) {
            if (path.endsWith(never)) {
                return false;
            }
        }
        for (String prefix : CACHED) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    private static String key(Context ctx) {
        String q = ctx.queryString();
        return q == null ? ctx.path() : ctx.path() + "?" + q;
    }
}
