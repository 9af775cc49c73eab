package kb.archfixture.shop;

/** Fixture for FeatureBoundariesFixtureTest: the door of a made-up feature. */
public final class Shop {

    /** Nested types belong to the door too. */
    public record Order(String id) {
    }

    public Order order(String id) {
        return new ShopDao().find(id);
    }
}
