package kb.review.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FindsTest {

    private static final Pattern CLIENT = Pattern.compile("^http\\.(Get|Post)$|\\bNewClient$");
    private static final Pattern TYPE = Pattern.compile("File(In|Out)putStream");

    @Test
    void answersAsTheMatcherDoesAskedOnceOrTwice() {
        for (String name : List.of("http.Get", "http.Gets", "api.NewClient", "NewClientFor", "", "x.http.Post")) {
            boolean direct = CLIENT.matcher(name).find();
            assertEquals(direct, Finds.in(CLIENT, name), name);
            assertEquals(direct, Finds.in(CLIENT, name), name + " (remembered)");
        }
    }

    @Test
    void wholeAndPartAreRememberedApart() {
        assertTrue(Finds.in(TYPE, "BufferedFileInputStream"));
        assertFalse(Finds.whole(TYPE, "BufferedFileInputStream"));
        assertTrue(Finds.whole(TYPE, "FileOutputStream"));
        assertTrue(Finds.in(TYPE, "BufferedFileInputStream"));
    }

    @Test
    void aLongTextIsMatchedWithoutBeingKept() {
        String longName = "a.".repeat(Finds.TEXT_LIMIT) + "NewClient";
        int before = Finds.size();
        assertTrue(Finds.in(CLIENT, longName));
        assertEquals(before, Finds.size());
    }

    @Test
    void theMemoNeverOutgrowsItsLimit() {
        Pattern p = Pattern.compile("x");
        for (int i = 0; i < Finds.LIMIT + 500; i++) {
            assertEquals(Integer.toString(i).contains("x"), Finds.in(p, "n" + i));
            assertTrue(Finds.size() <= Finds.LIMIT);
        }
    }
}
