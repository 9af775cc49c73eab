package kb.archfixture.outside;

import kb.archfixture.shop.Shop;

/** Fixture: another feature that goes through the door (and its nested type) only. */
public final class Checkout {

    public String pay(String id) {
        Shop.Order order = new Shop().order(id);
        return order.id();
    }
}
