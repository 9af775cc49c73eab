package kb.review.diff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class TopLevelCommasTest {

    @Test
    void commasInsideBracketsDoNotSeparate() {
        String s = "f(a, b), m[k, j], {x, y}, z";
        assertArrayEquals(new int[] {7, 16, 24}, TopLevelCommas.in(s));
    }

    @Test
    void aRangeCountsOnlyItsOwnCommas() {
        String call = "use(first, g(1, 2), third)";
        assertArrayEquals(new int[] {9, 18}, TopLevelCommas.in(call, 4, call.indexOf("third")));
    }

    @Test
    void aStrayCloserSinksTheRestOfTheList() {
        assertArrayEquals(new int[] {1}, TopLevelCommas.in("a, b), c, d"));
    }

    @Test
    void manyPartsGrowTheAnswer() {
        assertArrayEquals(new int[] {1, 3, 5, 7, 9, 11}, TopLevelCommas.in("a,b,c,d,e,f,g"));
    }
}
