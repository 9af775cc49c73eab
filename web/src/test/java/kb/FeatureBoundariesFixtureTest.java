package kb;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import kb.archfixture.outside.Checkout;
import kb.archfixture.outside.Shortcut;
import kb.archfixture.shop.Shop;
import kb.archfixture.shop.ShopDao;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The door rule of {@link FeatureBoundariesTest} run on a made-up feature under {@code kb.archfixture}:
 * it reports a class that reaches behind the door and accepts one that goes through it, so a green
 * FeatureBoundariesTest means something.
 */
class FeatureBoundariesFixtureTest {

    private static final String SHOP = "kb.archfixture.shop";

    @Test
    void a_class_that_uses_a_type_behind_the_door_is_reported_by_name() {
        JavaClasses classes = new ClassFileImporter().importClasses(Shop.class, Shop.Order.class, ShopDao.class,
                Checkout.class, Shortcut.class);
        AssertionError failure = assertThrows(AssertionError.class,
                () -> FeatureBoundariesTest.doorRule(SHOP, Set.of("Shop")).check(classes));
        String report = failure.getMessage();
        assertTrue(report.contains(Shortcut.class.getName()) && report.contains(ShopDao.class.getName()), report);
        assertTrue(!report.contains(Checkout.class.getName()), "Checkout goes through the door: " + report);
    }

    @Test
    void classes_that_use_only_the_door_and_its_nested_types_pass() {
        JavaClasses classes = new ClassFileImporter().importClasses(Shop.class, Shop.Order.class, ShopDao.class,
                Checkout.class);
        assertDoesNotThrow(() -> FeatureBoundariesTest.doorRule(SHOP, Set.of("Shop")).check(classes));
    }

    @Test
    void adding_the_type_to_the_door_lets_the_same_class_through() {
        JavaClasses classes = new ClassFileImporter().importClasses(Shop.class, ShopDao.class, Shortcut.class);
        assertDoesNotThrow(() -> FeatureBoundariesTest.doorRule(SHOP, Set.of("Shop", "ShopDao")).check(classes));
    }
}
