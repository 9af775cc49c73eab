package kb.archfixture.shop;

/** Fixture: a type behind the door that was made public by mistake, so other packages can reach it. */
public final class ShopDao {

    public Shop.Order find(String id) {
        return new Shop.Order(id);
    }
}
