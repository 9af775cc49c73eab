package kb.system;

import kb.TestApp;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page cache keeps at most KB_PAGE_CACHE_MB of answers, dropping the one stored longest ago first. */
class PageCacheBoundTest {

    private static final String PAGE = "/incidents/fixture-pool-leak";

    /** Reads {@code pages} distinct keys of the incident page, then the first and last again; counts renders. */
    private static int[] rendersAfterRereading(String megabytes, int pages) {
        AtomicInteger renders = new AtomicInteger();
        // runs after the cache's own before-handler, so only for a request that renders the page
        try (TestApp app = TestApp.start(TestApp.FIXTURES, Map.of("KB_PAGE_CACHE_MS", "600000", "KB_PAGE_CACHE_MB", megabytes),
                config -> config.routes.before(PAGE, ctx -> renders.incrementAndGet()))) {
            int size = app.get(PAGE + "?n=0").body().length();
            assertTrue(size > 10_000, "the fixture page is big enough to fill a megabyte in a few dozen copies: " + size);
            for (int i = 1; i < pages; i++) {
                assertEquals(200, app.get(PAGE + "?n=" + i).statusCode());
            }
            int before = renders.get();
            app.get(PAGE + "?n=" + (pages - 1));
            int lastAgain = renders.get() - before;
            app.get(PAGE + "?n=0");
            int firstAgain = renders.get() - before - lastAgain;
            return new int[]{lastAgain, firstAgain};
        }
    }

    @Test
    void past_its_byte_bound_the_cache_renders_again_the_page_stored_longest_ago_and_keeps_the_newest() {
        int pages = 1024 * 1024 / 10_000 + 10; // more than a megabyte of copies of the page
        int[] small = rendersAfterRereading("1", pages);
        assertEquals(0, small[0], "the page stored last is still a hit");
        assertEquals(1, small[1], "the page stored first was dropped to stay within 1 MB");
        int[] roomy = rendersAfterRereading(String.valueOf(PageCache.DEFAULT_MB), pages);
        assertEquals(0, roomy[1], "within the default bound the first page is still kept");
    }

    @Test
    void a_bound_that_is_not_a_whole_number_of_megabytes_is_refused_naming_the_variable() {
        assertEquals(24L * 1024 * 1024, PageCache.maxBytes(" 24 "));
        assertEquals(0, PageCache.maxBytes("0"));
        for (String bad : new String[]{"lots", "-1", "1.5", "24m", ""}) {
            var e = assertThrows(IllegalArgumentException.class, () -> PageCache.maxBytes(bad));
            assertTrue(e.getMessage().contains("KB_PAGE_CACHE_MB") && e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }
}
