package kb.archfixture.outside;

import kb.archfixture.shop.ShopDao;

/** Fixture: another feature that reaches past the door into the DAO; the boundary rule must name it. */
public final class Shortcut {

    public String pay(String id) {
        return new ShopDao().find(id).id();
    }
}
